// node:test as the upstream suite sees it: the same functions, except that a test or suite whose name is in
// LOOKERSIM_UPSTREAM_SKIP (a JSON object: name -> reason, set by SdkSuiteIT) is reported as skipped with that
// reason. Skipping by name means a test added upstream runs by default.
import * as nodeTest from 'node:test';

const skips = JSON.parse(process.env.LOOKERSIM_UPSTREAM_SKIP || '{}');

function skippable(fn) {
  const wrapped = (name, ...rest) => {
    if (!Object.hasOwn(skips, name)) return fn(name, ...rest);
    const body = rest.find((r) => typeof r === 'function');
    return fn(name, { skip: `out of scope for the simulator: ${skips[name]}` }, body);
  };
  return Object.assign(wrapped, fn);
}

export const it = skippable(nodeTest.it);
export const test = skippable(nodeTest.test);
export const describe = skippable(nodeTest.describe);
export const suite = skippable(nodeTest.suite);
export const { before, after, beforeEach, afterEach, mock, run } = nodeTest;
export default nodeTest.default;
