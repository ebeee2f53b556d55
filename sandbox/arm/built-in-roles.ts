// Azure's built-in role definitions the sandbox knows: ids, display names, permissions.
import type { RoleDefinitionJson } from './arm-json';

// ---------------------------------------------------------------- built-in roles

export const ROLE_IDS = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  AcrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  AcrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
  AcrDelete: 'c2f4ef07-c644-48eb-af81-4b1b4947fb11',
  // ABAC repository roles (honoured when roleAssignmentMode = AbacRepositoryPermissions)
  RepositoryReader: 'b93aa761-3e63-49ed-ac28-beffa264f7ac',
  RepositoryWriter: '2a1e307c-b015-4ebd-883e-5b7698a07328',
  RepositoryContributor: '2efddaa5-3f1f-4df3-97df-af3f13818f4c',
} as const;
export type BuiltInRoleName = keyof typeof ROLE_IDS;

const ROLE_DISPLAY_NAMES: Record<BuiltInRoleName, string> = {
  Owner: 'Owner', Contributor: 'Contributor', Reader: 'Reader', AcrPull: 'AcrPull', AcrPush: 'AcrPush',
  AcrDelete: 'AcrDelete',
  RepositoryReader: 'Container Registry Repository Reader',
  RepositoryWriter: 'Container Registry Repository Writer',
  RepositoryContributor: 'Container Registry Repository Contributor',
};

export const ACR = 'Microsoft.ContainerRegistry/registries';
const REPO_READ = [`${ACR}/repositories/content/read`, `${ACR}/repositories/metadata/read`];
const REPO_WRITE = [...REPO_READ, `${ACR}/repositories/content/write`, `${ACR}/repositories/metadata/write`];
const REPO_ALL = [...REPO_WRITE, `${ACR}/repositories/content/delete`, `${ACR}/repositories/metadata/delete`];

const ROLE_PERMISSIONS: Record<BuiltInRoleName, { actions: string[]; notActions: string[]; dataActions: string[] }> = {
  Owner: { actions: ['*'], notActions: [], dataActions: [] },
  Contributor: {
    actions: ['*'],
    notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
    dataActions: [],
  },
  Reader: { actions: ['*/read'], notActions: [], dataActions: [] },
  AcrPull: { actions: [`${ACR}/pull/read`], notActions: [], dataActions: [] },
  AcrPush: { actions: [`${ACR}/pull/read`, `${ACR}/push/write`], notActions: [], dataActions: [] },
  AcrDelete: { actions: [`${ACR}/artifacts/delete`], notActions: [], dataActions: [] },
  RepositoryReader: { actions: [], notActions: [], dataActions: REPO_READ },
  RepositoryWriter: { actions: [], notActions: [], dataActions: REPO_WRITE },
  RepositoryContributor: { actions: [], notActions: [], dataActions: REPO_ALL },
};

export function roleDefinitionId(subscriptionId: string, role: BuiltInRoleName | string): string {
  const guid = (ROLE_IDS as Record<string, string>)[role] ?? role;
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

export function builtInRoleDefinitions(): RoleDefinitionJson[] {
  return (Object.keys(ROLE_IDS) as BuiltInRoleName[]).map((key) => ({
    id: `/providers/Microsoft.Authorization/roleDefinitions/${ROLE_IDS[key]}`,
    name: ROLE_IDS[key],
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: ROLE_DISPLAY_NAMES[key],
      type: 'BuiltInRole',
      description: `${ROLE_DISPLAY_NAMES[key]} (built-in role)`,
      assignableScopes: ['/'],
      permissions: [{ ...ROLE_PERMISSIONS[key], notDataActions: [] }],
    },
  }));
}
