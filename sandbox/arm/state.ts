// The in-memory Azure the sandbox serves: ARM resources as ARM JSON (shapes from the
// azure-rest-api-specs examples, e.g. RegistryGet.json) plus the secrets Entra and the ACR front
// check. The ARM server (server.ts), the Entra token endpoint (entra.ts) and the sandbox's ACR
// front all read — and scenarios mutate — one `ArmState`. One module per idea, re-exported here so
// scenarios and tests import one place: the JSON shapes (arm-json), built-in roles, builders, the
// default world, scale mode, lookups, RBAC, the front's data-plane verdicts, NSG builders.
export * from './arm-json';
export * from './built-in-roles';
export * from './builders';
export * from './default-world';
export * from './scale';
export * from './lookups';
export * from './rbac';
export * from './data-plane';
export * from './nsg';
