#!/usr/bin/env node
// Drives a running Looker simulator with the official Looker Node SDK (@looker/sdk-node 26.12.0).
// The SDK is the black-box judge: if it cannot log in, page, read, write or parse an error the way it
// does against a real Looker, the simulator is unfaithful. Configuration comes only from the
// environment (LOOKERSDK_BASE_URL, LOOKERSDK_CLIENT_ID, LOOKERSDK_CLIENT_SECRET, LOOKERSDK_VERIFY_SSL),
// read by the SDK's own NodeSettings. Secrets are never printed. Exit code 0 only if every check passed.
'use strict';

const { LookerNodeSDK, NodeSettings } = require('@looker/sdk-node');
const { pager, pageAll } = require('@looker/sdk-rtl');

const results = [];

// sdk-rtl prints this on every request under Node (it checks a browser-only global); it says nothing about the
// simulator, so it is dropped to keep the report readable. Every other debug line is kept.
const debug = console.debug;
console.debug = (...args) => {
  if (!String(args[0]).startsWith('AbortSignal.timeout is not defined')) debug(...args);
};

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

// Runs one named check; a failure is recorded and printed, never thrown, so every check is reported.
async function check(name, fn) {
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    console.log(`ok   ${name}${detail ? ` (${detail})` : ''}`);
    return true;
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${e && e.message ? e.message : e}`);
    return false;
  }
}

// Expects the SDK call to reject through sdk.ok() with a LookerSDKError carrying Looker's error shape.
async function expectSdkError(sdk, promise, what) {
  let error;
  try {
    await sdk.ok(promise);
  } catch (e) {
    error = e;
  }
  assert(error, `${what}: expected an SDK error, got success`);
  assert(typeof error.message === 'string' && error.message.length > 0, `${what}: error has no message`);
  assert(typeof error.documentation_url === 'string' && /\/r\/err\/4\.0\//.test(error.documentation_url),
    `${what}: documentation_url missing or not Looker's form: ${error.documentation_url}`);
  return error;
}

function ids(list) {
  return list.map((x) => x.id);
}

function sameIds(a, b) {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

// Pages with the SDK's own pager (it follows the Link header's next URL verbatim) and compares with
// one unpaged call of the same search: same ids, same order, no duplicates, X-Total-Count right.
async function checkPaging(sdk, label, request, limit) {
  const unpaged = await sdk.ok(sdk.search_dashboards({ ...request }));
  let pages = 0;
  const seen = [];
  const paged = await pageAll(sdk, () => sdk.search_dashboards({ ...request, limit }), (page) => {
    pages += 1;
    seen.push(...page);
    return page;
  });
  assert(unpaged.length > 0, `${label}: unpaged search returned nothing`);
  assert(new Set(ids(seen)).size === seen.length, `${label}: duplicates across pages`);
  assert(sameIds(ids(seen), ids(unpaged)),
    `${label}: paged ids (${seen.length}) differ from unpaged ids (${unpaged.length})`);
  assert(pages === Math.ceil(unpaged.length / limit) || pages === Math.ceil(unpaged.length / limit) + 1,
    `${label}: ${pages} pages for ${unpaged.length} items at limit ${limit}`);
  assert(paged.total === unpaged.length, `${label}: X-Total-Count ${paged.total} != ${unpaged.length}`);
  return `${unpaged.length} dashboards in ${pages} pages of ${limit}`;
}

async function firstId(sdk, promise, what) {
  const list = await sdk.ok(promise);
  assert(Array.isArray(list) && list.length > 0, `no ${what} to read`);
  return list[0].id;
}

async function crudFolder(sdk, state) {
  const roots = await sdk.ok(sdk.search_folders({ is_shared_root: true, fields: 'id,name' }));
  assert(roots.length === 1, `expected one shared root folder, got ${roots.length}`);
  const created = await sdk.ok(sdk.create_folder({ name: 'SDK conformance 📁', parent_id: roots[0].id }));
  assert(typeof created.id === 'string' && created.parent_id === roots[0].id, 'created folder id/parent wrong');
  state.folderId = created.id;
  const updated = await sdk.ok(sdk.update_folder(created.id, { name: 'SDK conformance (renamed)' }));
  assert(updated.name === 'SDK conformance (renamed)', `update_folder answered name ${updated.name}`);
  const reread = await sdk.ok(sdk.folder(created.id));
  assert(reread.name === updated.name, 'folder(id) does not show the update');
  return `folder ${created.id}`;
}

async function crudDashboard(sdk, state) {
  const created = await sdk.ok(sdk.create_dashboard({
    title: 'SDK conformance dashboard ✨', description: 'made by sdk-conformance.js', folder_id: state.folderId,
  }));
  assert(typeof created.id === 'string', 'create_dashboard gave no id');
  assert(created.folder_id === state.folderId, 'create_dashboard lost folder_id');
  const layouts = created.dashboard_layouts || [];
  assert(layouts.filter((l) => l.active).length === 1, 'create_dashboard did not make one active layout');
  state.dashboardId = created.id;
  state.layoutId = layouts.find((l) => l.active).id;
  const updated = await sdk.ok(sdk.update_dashboard(created.id, { description: 'updated by the SDK' }));
  assert(updated.description === 'updated by the SDK', 'update_dashboard did not apply description');
  assert(updated.title === created.title, 'update_dashboard changed an untouched property');
  return `dashboard ${created.id}`;
}

async function modelAndExplore(sdk) {
  const models = await sdk.ok(sdk.all_lookml_models({ fields: 'name,explores' }));
  const model = models.find((m) => Array.isArray(m.explores) && m.explores.length > 0);
  assert(model, 'no LookML model with explores');
  return { model: model.name, explore: model.explores[0].name };
}

async function crudFilter(sdk, state) {
  const { model, explore } = await modelAndExplore(sdk);
  const created = await sdk.ok(sdk.create_dashboard_filter({
    dashboard_id: state.dashboardId, name: 'created_date', title: 'Created date', type: 'field_filter',
    model, explore, dimension: `${explore}.created_date`, default_value: '7 days',
  }));
  assert(created.dashboard_id === state.dashboardId, 'filter not attached to the dashboard');
  state.filterId = created.id;
  const updated = await sdk.ok(sdk.update_dashboard_filter(created.id, { title: 'Creation date' }));
  assert(updated.title === 'Creation date', 'update_dashboard_filter did not apply title');
  const filters = await sdk.ok(sdk.dashboard_dashboard_filters(state.dashboardId));
  assert(ids(filters).includes(created.id), 'dashboard_dashboard_filters does not list the new filter');
  return `filter ${created.id}`;
}

async function crudElement(sdk, state) {
  const created = await sdk.ok(sdk.create_dashboard_element({
    body: { dashboard_id: state.dashboardId, type: 'text', title_text: 'Hello', body_text: 'Made by the SDK 👋' },
  }));
  assert(created.dashboard_id === state.dashboardId, 'element not attached to the dashboard');
  state.elementId = created.id;
  const updated = await sdk.ok(sdk.update_dashboard_element(created.id, { title_text: 'Hello again' }));
  assert(updated.title_text === 'Hello again', 'update_dashboard_element did not apply title_text');
  const components = await sdk.ok(sdk.dashboard_layout_dashboard_layout_components(state.layoutId));
  assert(components.some((c) => c.dashboard_element_id === created.id),
    'the active layout got no component for the new element');
  const full = await sdk.ok(sdk.dashboard(state.dashboardId));
  assert(ids(full.dashboard_elements || []).includes(created.id), 'dashboard(id) does not nest the element');
  assert(ids(full.dashboard_filters || []).includes(state.filterId), 'dashboard(id) does not nest the filter');
  return `element ${created.id}`;
}

async function deleteAll(sdk, state) {
  await sdk.ok(sdk.delete_dashboard_element(state.elementId));
  await expectSdkError(sdk, sdk.dashboard_element(state.elementId), 'deleted element');
  await sdk.ok(sdk.delete_dashboard_filter(state.filterId));
  await expectSdkError(sdk, sdk.dashboard_filter(state.filterId), 'deleted filter');
  await sdk.ok(sdk.delete_dashboard(state.dashboardId));
  await expectSdkError(sdk, sdk.dashboard(state.dashboardId), 'deleted dashboard');
  await sdk.ok(sdk.delete_folder(state.folderId));
  await expectSdkError(sdk, sdk.folder(state.folderId), 'deleted folder');
  return 'element, filter, dashboard, folder gone';
}

async function checkErrors(sdk, state) {
  await check('404 as an SDK error', async () => {
    const e = await expectSdkError(sdk, sdk.dashboard('987654321'), 'dashboard 987654321');
    return e.message;
  });
  await check('422 as an SDK error', async () => {
    const e = await expectSdkError(sdk, sdk.create_folder({ parent_id: state.sharedRootId }), 'create_folder without name');
    assert(Array.isArray(e.errors) && e.errors.length > 0, '422 carries no errors[] detail');
    assert(e.errors.every((d) => typeof d.documentation_url === 'string'), 'a 422 detail lacks documentation_url');
    return `${e.message}: ${e.errors.map((d) => `${d.field} ${d.code}`).join(', ')}`;
  });
}

async function checkReads(sdk) {
  await check('me', async () => {
    const me = await sdk.ok(sdk.me());
    assert(typeof me.id === 'string' && me.id.length > 0, 'me has no string id');
    return `user ${me.id}`;
  });
  await check('paged search_dashboards (pageAll) equals unpaged', () =>
    checkPaging(sdk, 'all', { fields: 'id,title' }, 7));
  await check('paged search_dashboards keeps filters in Link next', () =>
    checkPaging(sdk, 'filtered', { fields: 'id,title', title: '%e%' }, 3));
}

async function checkPagers(sdk) {
  await check('pager first page', async () => {
    const p = await pager(sdk, () => sdk.search_dashboards({ fields: 'id', limit: 5 }));
    assert(p.items.length === 5 && p.hasRel('first') && p.hasRel('next') && p.hasRel('last') && !p.hasRel('prev'),
      `first page links wrong: ${Object.keys(p.links)}`);
    const next = await sdk.ok(p.nextPage());
    assert(next.length > 0 && p.offset === 5 && p.hasRel('prev'), 'second page wrong');
    return `${p.pages} pages`;
  });
  await check('pageAll on an unpaged list (all_dashboards) has no Link', async () => {
    const p = await pageAll(sdk, () => sdk.all_dashboards('id'));
    assert(p.limit === -1 && !p.more(), `limit ${p.limit}, more ${p.more()}`);
    assert(p.items.length > 0, 'all_dashboards returned nothing');
    return `${p.items.length} dashboards in one call`;
  });
  await check('search_users sorted by last_name,first_name', async () => {
    const users = await sdk.ok(sdk.search_users({ fields: 'id,first_name,last_name', sorts: 'last_name,first_name' }));
    const key = (u) => [(u.last_name || '').toLowerCase(), (u.first_name || '').toLowerCase()];
    for (let i = 1; i < users.length; i++) {
      const [a, b] = [key(users[i - 1]), key(users[i])];
      assert(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]),
        `not sorted at ${i}: ${users[i - 1].last_name}, ${users[i - 1].first_name} > ${users[i].last_name}, ${users[i].first_name}`);
    }
    return `${users.length} users`;
  });
}

async function checkItems(sdk) {
  await check('dashboard(id)', async () => {
    const id = await firstId(sdk, sdk.search_dashboards({ fields: 'id', limit: 1 }), 'dashboard');
    const d = await sdk.ok(sdk.dashboard(id));
    assert(d.id === id, `asked ${id}, got ${d.id}`);
    for (const k of ['dashboard_elements', 'dashboard_filters', 'dashboard_layouts']) {
      assert(Array.isArray(d[k]), `dashboard.${k} is not an array`);
    }
    return `${d.dashboard_elements.length} elements`;
  });
  await check('look(id)', async () => {
    const id = await firstId(sdk, sdk.search_looks({ fields: 'id', limit: 1 }), 'look');
    const l = await sdk.ok(sdk.look(id));
    assert(l.id === id, `asked ${id}, got ${l.id}`);
    assert(l.query && typeof l.query.model === 'string', 'look has no nested query with a model');
    return `look ${id}`;
  });
  await checkInstanceReads(sdk);
}

// Reads added for issue #18 that the upstream suite (UpstreamSdkSuiteIT) does not call itself.
async function checkInstanceReads(sdk) {
  await check('API3 key metadata of the API user, never its secret', async () => {
    const me = await sdk.ok(sdk.me('id'));
    const keys = await sdk.ok(sdk.all_user_credentials_api3s(me.id));
    assert(keys.length > 0, 'the API user lists no API3 key');
    assert(keys[0].client_id === process.env.LOOKERSDK_CLIENT_ID, 'the key is not the one the SDK logged in with');
    assert(!JSON.stringify(keys).includes(process.env.LOOKERSDK_CLIENT_SECRET), 'an answer carries the client secret');
    const one = await sdk.ok(sdk.user_credentials_api3(me.id, keys[0].id));
    assert(one.id === keys[0].id && one.client_id === keys[0].client_id, 'user_credentials_api3 differs from the list');
    return `${keys.length} key(s)`;
  });
  await check('color_collection and datagroup by id', async () => {
    const current = await sdk.ok(sdk.default_color_collection());
    const byId = await sdk.ok(sdk.color_collection(current.id));
    assert(byId.label === current.label && byId.categoricalPalettes.length > 0, 'color_collection(id) differs');
    const groups = await sdk.ok(sdk.all_datagroups());
    const g = await sdk.ok(sdk.datagroup(groups[0].id));
    assert(g.name === groups[0].name && g.model_name === groups[0].model_name, 'datagroup(id) differs');
    return `collection ${current.id}, datagroup ${g.name}`;
  });
  await check('System Activity model and explore, default theme', async () => {
    const model = await sdk.ok(sdk.lookml_model('system__activity'));
    assert(model.explores.some((e) => e.name === 'history'), 'system__activity has no history explore');
    const explore = await sdk.ok(sdk.lookml_model_explore({ lookml_model_name: 'system__activity', explore_name: 'dashboard' }));
    assert(explore.fields.dimensions.some((f) => f.name === 'dashboard.title'), 'no dashboard.title dimension');
    const theme = await sdk.ok(sdk.default_theme());
    assert(typeof theme.name === 'string' && theme.settings, 'default theme has no name or settings');
    return `${model.explores.length} explores; default theme ${theme.name}`;
  });
}

async function checkWrites(sdk, state) {
  const steps = [
    ['create/update folder', crudFolder],
    ['create/update dashboard', crudDashboard],
    ['create/update dashboard filter', crudFilter],
    ['create/update dashboard element', crudElement],
    ['delete element, filter, dashboard, folder', deleteAll],
  ];
  for (const [name, fn] of steps) {
    // Each step needs the ids of the previous one, so stop at the first failure.
    if (!(await check(name, () => fn(sdk, state)))) return;
  }
}

async function checkLogout(sdk) {
  await check('logout', async () => {
    const token = sdk.authSession.activeToken.access_token;
    assert(await sdk.authSession.logout(), 'logout answered false');
    assert(!sdk.authSession.isAuthenticated(), 'still authenticated after logout');
    const base = process.env.LOOKERSDK_BASE_URL.replace(/\/$/, '');
    const res = await fetch(`${base}/api/4.0/user`, { headers: { Authorization: `token ${token}` } });
    assert(res.status === 401, `old token after logout gave ${res.status}, expected 401`);
    return 'old token refused with 401';
  });
}

async function main() {
  for (const v of ['LOOKERSDK_BASE_URL', 'LOOKERSDK_CLIENT_ID', 'LOOKERSDK_CLIENT_SECRET']) {
    if (!process.env[v]) {
      console.log(`FAIL environment: ${v} is not set`);
      return 2;
    }
  }
  const sdk = LookerNodeSDK.init40(new NodeSettings('LOOKERSDK'));
  const state = {};
  const loggedIn = await check('login', async () => {
    await sdk.authSession.login();
    assert(sdk.authSession.isAuthenticated(), 'not authenticated after login');
    const roots = await sdk.ok(sdk.search_folders({ is_shared_root: true, fields: 'id' }));
    state.sharedRootId = roots.length ? roots[0].id : undefined;
    return `token expires in ${sdk.authSession.activeToken.expires_in}s`;
  });
  if (loggedIn) {
    await checkReads(sdk);
    await checkPagers(sdk);
    await checkItems(sdk);
    await checkWrites(sdk, state);
    await checkErrors(sdk, state);
    await checkLogout(sdk);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`summary: ${results.length - failed} of ${results.length} checks ok`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (e) => {
  console.log(`FAIL unexpected: ${e && e.stack ? e.stack : e}`);
  process.exitCode = 1;
});
