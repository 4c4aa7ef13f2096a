// Stands in for @looker/sdk-codegen-utils, which sdk-codegen does not publish. Only what sdk.apispec.ts reads of
// TestConfig is provided, from the suite's own test data (upstream/test/data.yml.json, unchanged): testData and
// localIni (LOOKERSDK_INI, as upstream; SdkSuiteIT points it at a looker.ini for the simulator it starts).
// Nothing is added to the test data.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const rootPath = fileURLToPath(new URL('../upstream/', import.meta.url));
const dataFile = fileURLToPath(new URL('../upstream/test/data.yml.json', import.meta.url));

export const TestConfig = (_specLoader?: unknown) => {
  const testData = JSON.parse(fs.readFileSync(dataFile, 'utf-8'));
  const localIni = process.env.LOOKERSDK_INI || `${rootPath}looker.ini`;
  return { rootPath, dataFile, testData, localIni };
};
