#!/usr/bin/env node
// Builds the dashboard corpus (src/test/resources/corpus/dashboards/*.json) on a Looker with the official
// Looker Node SDK, as a user scripting Looker would: a folder, then per dashboard its filters, its tiles (query or
// merge query first; each tile's listens to the filters as result_maker.filterables[].listen, NOTES §5) and the
// position of every tile in the active layout. Prints one JSON line: corpus file → dashboard id.
// Configuration from the environment only (LOOKERSDK_*), read by the SDK's own NodeSettings.
'use strict';

const fs = require('fs');
const path = require('path');
const { LookerNodeSDK, NodeSettings } = require('@looker/sdk-node');

console.debug = () => {};

async function tile(sdk, dashboardId, e) {
  const body = { dashboard_id: dashboardId, type: e.type };
  for (const k of ['title', 'title_hidden', 'title_text', 'subtitle_text', 'body_text', 'note_text', 'note_display', 'note_state']) {
    if (e[k] !== undefined) body[k] = e[k];
  }
  if (e.query) {
    body.query_id = (await sdk.ok(sdk.create_query(e.query))).id;
    body.result_maker = { filterables: [{ model: e.query.model, view: e.query.view, listen: e.listen }] };
  } else if (e.merged) {
    const sources = [];
    for (const s of e.merged.sources) {
      const q = await sdk.ok(sdk.create_query(s.query));
      sources.push({ name: s.name, query_id: q.id, merge_fields: s.merge_fields });
    }
    const mq = await sdk.ok(sdk.create_merge_query({ source_queries: sources, vis_config: e.merged.vis_config }));
    body.merge_result_id = mq.id;
    body.result_maker = { filterables: e.merged.sources.map((s) => ({ model: s.query.model, view: s.query.view, listen: s.listen })) };
  }
  // the SDK's write type leaves result_maker.filterables out (the spec marks listen read-only), so the body is
  // sent as Looker's documented example does: a plain object
  return sdk.ok(sdk.create_dashboard_element({ body }));
}

async function one(sdk, folderId, file) {
  const c = JSON.parse(fs.readFileSync(file, 'utf8'));
  const d = await sdk.ok(sdk.create_dashboard({ title: c.title, description: c.description, folder_id: folderId,
    background_color: c.background_color, crossfilter_enabled: c.crossfilter_enabled }));
  for (const f of c.filters) await sdk.ok(sdk.create_dashboard_filter({ dashboard_id: d.id, ...f }));
  const placed = [];
  for (const e of c.elements) placed.push([await tile(sdk, d.id, e), e.position]);
  const layout = (await sdk.ok(sdk.dashboard_dashboard_layouts(d.id))).find((l) => l.active);
  const components = await sdk.ok(sdk.dashboard_layout_dashboard_layout_components(layout.id));
  for (const [el, pos] of placed) {
    const comp = components.find((x) => x.dashboard_element_id === el.id);
    await sdk.ok(sdk.update_dashboard_layout_component(comp.id, { ...pos }));
  }
  return d.id;
}

async function main() {
  const dir = process.argv[2];
  const sdk = LookerNodeSDK.init40(new NodeSettings('LOOKERSDK'));
  const folder = await sdk.ok(sdk.create_folder({ name: 'Corpus', parent_id: '1' }));
  const ids = {};
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    try {
      ids[f] = await one(sdk, folder.id, path.join(dir, f));
    } catch (e) {
      throw new Error(`${f}: ${e && e.message} ${JSON.stringify((e && e.errors) || [])}`);
    }
  }
  console.log(JSON.stringify(ids));
  await sdk.authSession.logout();
}

main().catch((e) => {
  console.error(`create-corpus failed: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
