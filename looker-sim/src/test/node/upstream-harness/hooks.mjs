// Module resolution for the unchanged upstream suite (upstream/packages/sdk-node/test/sdk.apispec.ts):
// - '../src' is sdk-node's own source in the monorepo: here the published @looker/sdk-node of the same version;
// - '@looker/sdk-codegen-utils' is not published: codegen-utils.mts provides its TestConfig;
// - 'node:test' goes through node-test.mjs, which skips the tests named out of scope by SdkSuiteIT.
const here = new URL('./', import.meta.url);
const suiteFile = /\/upstream\/packages\/sdk-node\/test\/[^/]+\.ts$/;

export async function resolve(specifier, context, nextResolve) {
  const fromSuite = suiteFile.test(context.parentURL ?? '');
  if (fromSuite && specifier === '../src') return nextResolve(new URL('sdk-node-src.mts', here).href, context);
  if (fromSuite && specifier === 'node:test') return nextResolve(new URL('node-test.mjs', here).href, context);
  if (specifier === '@looker/sdk-codegen-utils') return nextResolve(new URL('codegen-utils.mts', here).href, context);
  return nextResolve(specifier, context);
}
