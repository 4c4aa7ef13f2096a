#!/usr/bin/env node
// Reads one dashboard with the official Looker Node SDK (@looker/sdk-node, installed by the looker-sim build
// in looker-sim/src/test/node) and prints what a user sees of it: title, filters, and every element with its
// query and its listens to the filters, without server-assigned ids, so that an original and its restored copy print the same text.
// Configuration from the environment only (LOOKERSDK_*), read by the SDK's own NodeSettings.
'use strict';

const { LookerNodeSDK, NodeSettings } = require('@looker/sdk-node');

console.debug = () => {};

async function main() {
  const sdk = LookerNodeSDK.init40(new NodeSettings('LOOKERSDK'));
  const d = await sdk.ok(sdk.dashboard(process.argv[2]));
  const q = (x) => x && { model: x.model, view: x.view, fields: x.fields, pivots: x.pivots, filters: x.filters,
    sorts: x.sorts, limit: x.limit, vis_config: x.vis_config };
  const elements = (d.dashboard_elements || []).map((e) => ({ title: e.title, type: e.type, body_text: e.body_text,
    query: q(e.query), look: e.look && { title: e.look.title, query: q(e.look.query) },
    listens: ((e.result_maker && e.result_maker.filterables) || []).map((f) => ({ view: f.view, listen: f.listen })) }));
  elements.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const filters = (d.dashboard_filters || []).map((f) => ({ name: f.name, title: f.title, dimension: f.dimension,
    default_value: f.default_value, ui_config: f.ui_config, listens_to_filters: f.listens_to_filters }));
  filters.sort((a, b) => a.name.localeCompare(b.name));
  console.log(JSON.stringify({ title: d.title, description: d.description, filters, elements }));
  await sdk.authSession.logout();
}

main().catch((e) => {
  console.error(`read-dashboard failed: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
