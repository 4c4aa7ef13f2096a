// Stands in for packages/sdk-node/src of the sdk-codegen monorepo: the published package built from it.
export * from '@looker/sdk-node';
