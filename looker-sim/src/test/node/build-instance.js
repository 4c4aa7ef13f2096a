#!/usr/bin/env node
// Builds a whole Looker instance (issue #11) through the official Looker Node SDK (@looker/sdk-node 26.12.0):
// SSH server and tunnel, connections with and without SSH (with PDT override), a project with git settings and a
// deploy key, SAML/OIDC/LDAP with group→role and attribute mappings, the settings singletons, a theme (made the
// default), a custom colour collection (made the default), an integration hub, an enabled integration, an OAuth
// client app, an external OAuth application and datagroup triggers. Meant for the simulator (a round-trip test
// backs it up and restores it); it would work against a real Looker too, but changes it.
//
// Configuration only from the environment, read by the SDK's own NodeSettings: LOOKERSDK_BASE_URL,
// LOOKERSDK_CLIENT_ID, LOOKERSDK_CLIENT_SECRET, LOOKERSDK_VERIFY_SSL. Optional BUILD_PREFIX (default "dr") prefixes
// every name, so two runs on one instance do not collide.
//
// Output: one JSON line on stdout, {"ok":true,"made":{...}}, naming what was made (names, ids, which write-only
// secrets were set). Secret values are random per run and never printed. Progress goes to stderr. Exit 0 only if
// every step succeeded.
'use strict';

const crypto = require('crypto');
const { LookerNodeSDK, NodeSettings } = require('@looker/sdk-node');

// stdout carries only the result line: the SDK's console chatter goes to stderr.
console.log = console.info = console.debug = (...args) => process.stderr.write(`${args.join(' ')}\n`);

const prefix = process.env.BUILD_PREFIX || 'dr';
const secret = () => crypto.randomBytes(18).toString('base64url');
const made = { secrets_set: {} };

function note(type, name, fields) {
  made.secrets_set[`${type}.${name}`] = fields;
}

async function step(name, fn) {
  const detail = await fn();
  process.stderr.write(`ok   ${name}${detail ? ` (${detail})` : ''}\n`);
}

async function connections(sdk) {
  const server = await sdk.ok(sdk.create_ssh_server({
    ssh_server_name: `${prefix}_bastion`, ssh_server_host: 'bastion.dr.example', ssh_server_port: 22, ssh_server_user: 'looker',
  }));
  const tunnel = await sdk.ok(sdk.create_ssh_tunnel({
    ssh_server_id: server.ssh_server_id, database_host: '10.9.0.5', database_port: 5432,
  }));
  made.ssh_server = { id: server.ssh_server_id, name: server.ssh_server_name };
  made.ssh_tunnel = { id: tunnel.tunnel_id, local_host_port: tunnel.local_host_port };
  const viaSsh = `${prefix}_pg_ssh`;
  await sdk.ok(sdk.create_connection({
    name: viaSsh, dialect_name: 'postgres', host: 'localhost', port: String(tunnel.local_host_port), database: 'dr',
    username: 'looker', password: secret(), schema: 'public', tmp_db_name: 'looker_scratch', max_connections: 20,
    tunnel_id: tunnel.tunnel_id, ssl: true,
    pdt_context_override: { context: 'pdt', username: 'looker_pdt', password: secret() },
  }));
  note('connections', viaSsh, ['password', 'pdt_context_override.password']);
  const direct = `${prefix}_snowflake`;
  await sdk.ok(sdk.create_connection({
    name: direct, dialect_name: 'snowflake', host: 'dr.snowflakecomputing.com', port: '443', database: 'DR',
    username: 'looker', password: secret(), schema: 'PUBLIC', query_timezone: 'UTC', ssl: true,
  }));
  note('connections', direct, ['password']);
  made.connections = [viaSsh, direct];
  return `${made.connections.join(', ')} via tunnel ${tunnel.tunnel_id}`;
}

async function project(sdk) {
  await sdk.ok(sdk.update_session({ workspace_id: 'dev' }));
  try {
    const name = `${prefix}_project`;
    await sdk.ok(sdk.create_project({ name }));
    const key = await sdk.ok(sdk.create_git_deploy_key(name));
    await sdk.ok(sdk.update_project(name, {
      git_remote_url: `git@github.com:acme/${name}.git`, git_service_name: 'github', git_production_branch_name: 'main',
      pull_request_mode: 'required', validation_required: true, allow_warnings: false, deploy_secret: secret(),
    }));
    note('projects', name, ['deploy_secret']);
    made.project = { id: name, deploy_key_starts: String(key).slice(0, 7) };
    return name;
  } finally {
    await sdk.ok(sdk.update_session({ workspace_id: 'production' }));
  }
}

async function authConfigs(sdk) {
  const roles = await sdk.ok(sdk.all_roles({ fields: 'id,name' }));
  const attrs = await sdk.ok(sdk.all_user_attributes({ fields: 'id,name,is_system' }));
  const role = roles.find((r) => r.name !== 'Admin') || roles[0];
  const attr = attrs.find((a) => !a.is_system) || attrs[0];
  const groupMap = (kind) => [{ name: `${kind}-analysts`, looker_group_name: `${prefix} ${kind} analysts`, role_ids: [role.id] }];
  const attrMap = [{ name: 'department', required: false, user_attribute_ids: [attr.id] }];
  await sdk.ok(sdk.update_saml_config({
    enabled: true, idp_url: 'https://idp.dr.example/saml', idp_issuer: 'https://idp.dr.example', idp_cert: 'MIIC-not-a-real-cert',
    set_roles_from_groups: true, groups_attribute: 'groups', groups_with_role_ids: groupMap('saml'),
    user_attributes_with_ids: attrMap, default_new_user_role_ids: [role.id],
  }));
  await sdk.ok(sdk.update_oidc_config({
    enabled: false, issuer: 'https://idp.dr.example', identifier: 'looker', secret: secret(),
    authorization_endpoint: 'https://idp.dr.example/auth', token_endpoint: 'https://idp.dr.example/token',
    userinfo_endpoint: 'https://idp.dr.example/userinfo', set_roles_from_groups: true, groups_attribute: 'groups',
    groups_with_role_ids: groupMap('oidc'), user_attributes_with_ids: attrMap,
  }));
  note('oidc_config', '', ['secret']);
  await sdk.ok(sdk.update_ldap_config({
    enabled: false, connection_host: 'ldap.dr.example', connection_port: '636', connection_tls: true,
    auth_username: 'cn=looker,dc=dr,dc=example', auth_password: secret(), user_bind_base_dn: 'dc=dr,dc=example',
    groups_base_dn: 'ou=groups,dc=dr,dc=example', groups_with_role_ids: groupMap('ldap'),
  }));
  note('ldap_config', '', ['auth_password']);
  made.auth = { role_id: role.id, user_attribute_id: attr.id, saml_enabled: true };
  return `role ${role.id}, attribute ${attr.id}`;
}

async function settings(sdk) {
  await sdk.ok(sdk.set_setting({
    timezone: 'Europe/Berlin', allow_user_timezones: true, onboarding_enabled: false,
    privatelabel_configuration: { default_title: `${prefix} Analytics` }, email_domain_allowlist: ['dr.example'],
  }));
  await sdk.ok(sdk.update_session_config({ session_minutes: 480, allow_persistent_sessions: false }));
  await sdk.ok(sdk.update_password_config({ min_length: 12, require_numeric: true, require_special: true }));
  await sdk.ok(sdk.update_custom_welcome_email({ enabled: true, subject: 'Welcome', header: 'Hello', content: '<p>Hi</p>' }));
  await sdk.ok(sdk.update_internal_help_resources({ enabled: true }));
  await sdk.ok(sdk.update_internal_help_resources_content({ organization_name: 'DR IT', markdown_content: '# Ask us' }));
  await sdk.ok(sdk.update_digest_emails_enabled({ is_enabled: false }));
  await sdk.ok(sdk.update_cloud_storage_configuration({
    type: 'custom-s3', custom_s3_bucket: `${prefix}-backups`, custom_s3_bucket_region: 'eu-west-1',
    custom_s3_key: secret(), custom_s3_secret: secret(),
  }));
  note('cloud_storage', '', ['custom_s3_key', 'custom_s3_secret']);
}

async function looks(sdk) {
  const theme = await sdk.ok(sdk.create_theme({
    name: `${prefix}_theme`, settings: { background_color: '#101820', font_color: '#f2aa4c', font_family: 'Roboto' },
  }));
  await sdk.ok(sdk.set_default_theme(theme.name));
  const cc = await sdk.ok(sdk.create_color_collection({
    label: `${prefix} palette`,
    categoricalPalettes: [{ label: 'Brand', type: 'Categorical', colors: ['#101820', '#F2AA4C', '#6A7B76'] }],
    sequentialPalettes: [{ label: 'Heat', type: 'Sequential', stops: [{ color: '#FFFFFF', offset: 0 }, { color: '#F2AA4C', offset: 100 }] }],
    divergingPalettes: [],
  }));
  await sdk.ok(sdk.set_default_color_collection(cc.id));
  made.theme = { id: theme.id, name: theme.name };
  made.color_collection = { id: cc.id, label: cc.label };
  return `theme ${theme.name}, colours ${cc.id}`;
}

async function integrationsAndApps(sdk) {
  const hub = await sdk.ok(sdk.create_integration_hub({ url: `https://actions.${prefix}.example/hub`, authorization_token: secret() }));
  note('integration_hubs', hub.url, ['authorization_token']);
  await sdk.ok(sdk.update_integration('1::slack', { enabled: true, params: [{ name: 'workspace', value: `${prefix}-team` }, { name: 'bot_token', value: secret() }] }));
  note('integrations', '1::slack', ['params.bot_token']);
  const guid = `${prefix}-portal`;
  await sdk.ok(sdk.register_oauth_client_app(guid, {
    redirect_uri: `https://portal.${prefix}.example/callback`, display_name: `${prefix} portal`, description: 'DR portal', enabled: true,
  }));
  const ext = await sdk.ok(sdk.create_external_oauth_application({
    name: `${prefix}_snowflake_oauth`, client_id: `${prefix}-sf-client`, client_secret: secret(), dialect_name: 'snowflake',
  }));
  note('external_oauth_applications', ext.name, ['client_secret']);
  const groups = await sdk.ok(sdk.all_datagroups());
  const now = Math.floor(Date.now() / 1000);
  await sdk.ok(sdk.update_datagroup(groups[0].id, { stale_before: now, triggered_at: now }));
  made.integration_hub = { id: hub.id, url: hub.url };
  made.oauth_client_app = guid;
  made.external_oauth_application = { id: ext.id, name: ext.name };
  made.datagroup_triggered = groups[0].id;
  return `hub ${hub.id}, app ${guid}, datagroup ${groups[0].id}`;
}

async function main() {
  const sdk = LookerNodeSDK.init40(new NodeSettings('LOOKERSDK'));
  try {
    await step('connections and ssh', () => connections(sdk));
    await step('project', () => project(sdk));
    await step('auth configs', () => authConfigs(sdk));
    await step('settings', () => settings(sdk));
    await step('theme and colours', () => looks(sdk));
    await step('integrations, oauth apps, datagroups', () => integrationsAndApps(sdk));
    process.stdout.write(`${JSON.stringify({ ok: true, made })}\n`);
    return 0;
  } finally {
    await sdk.authSession.logout();
  }
}

main().then((code) => { process.exitCode = code; }, (e) => {
  process.stderr.write(`FAIL ${e && e.message ? e.message : e}\n`);
  process.stdout.write(`${JSON.stringify({ ok: false, error: String(e && e.message ? e.message : e) })}\n`);
  process.exitCode = 1;
});
