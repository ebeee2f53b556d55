// The built-in roles that matter for a registry, by role definition GUID, and how long Azure takes
// to apply a new assignment: one table for the Azure reads, the login checks' verdicts and the fixes.

/** Built-in roles that matter for a registry, by role definition GUID. */
export const BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  '7f951dda-4ed3-4680-a7ca-43fe172d538d': 'AcrPull',
  '8311e382-0749-4cb8-b61a-304f252e45ec': 'AcrPush',
  'c2f4ef07-c644-48eb-af81-4b1b4947fb11': 'AcrDelete',
  '6cef56e8-d556-48e5-a04f-b8e64114680f': 'AcrImageSigner',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
  'b93aa761-3e63-49ed-ac28-beffa264f7ac': 'Container Registry Repository Reader',
  '2a1e307c-b015-4ebd-883e-5b7698a07328': 'Container Registry Repository Writer',
  '2efddaa5-3f1f-4df3-97df-af3f13818f4c': 'Container Registry Repository Contributor',
};

export const ROLE_ID_BY_NAME: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(BUILT_IN_ROLES).map(([id, name]) => [name.toLowerCase(), id]));

export function roleGuid(roleDefinitionId: string): string {
  return (roleDefinitionId.split('/').pop() ?? '').toLowerCase();
}

/** Role name from a roleDefinitionId (…/roleDefinitions/<guid>): the built-in name, else the GUID. */
export function roleNameOf(roleDefinitionId: string | undefined): string {
  const guid = roleGuid(roleDefinitionId ?? '');
  // Own keys only: an id ending in "/__proto__" must not return Object.prototype.
  return Object.prototype.hasOwnProperty.call(BUILT_IN_ROLES, guid) ? BUILT_IN_ROLES[guid] : guid;
}

/** 10 minutes: how long Azure may take before a new assignment applies. */
export const ROLE_PROPAGATION_MS = 10 * 60 * 1000;

/** Roles that may grant a role (write role assignments), for the refusal's "ask one of them". */
export const ROLE_GRANTERS = ['Owner', 'User Access Administrator', 'Role Based Access Control Administrator'] as const;
