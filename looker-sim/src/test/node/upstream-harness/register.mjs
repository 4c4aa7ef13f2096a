// Loaded with `node --import tsx --import ./upstream-harness/register.mjs`: installs hooks.mjs, which resolves the
// few imports of the unchanged upstream suite that only exist inside the sdk-codegen monorepo.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
