// ARM data access with the real Azure SDK clients: what the checks, the tree and the fixes call.
export { CLOUDS, cloudByName, cloudForArmEndpoint, cloudForLoginServer, armScopeFor, type AzureCloud, type CloudName } from './clouds';
export { AzureAccessError, toAzureError, armCall, type AzureErrorKind } from './errors';
export { armAccessOf, armRequest, armScope, scopedCredential, type ArmAccess } from './connection';
export { credentialFromEnvironment, armAccessFromEnvironment, signedInIdentity, isMicrosoftAuthority, tokenClaims, type EnvironmentCredential, type CredentialSource } from './credential';
export { listTenants, listSubscriptions, type TenantSummary, type SubscriptionSummary } from './list-subscriptions';
export { listRegistries, listRegistriesForTree, REGISTRY_GRAPH_QUERY, type RegistryListResult, type ListRegistriesOptions, type RegistrySummary } from './list-registries';
export { fetchRegistryView, findRegistry, parseRegistryId, type ArmRegistryView, type RegistryRef, type TokenView, type ScopeMapView, type ReplicationView, type PrivateEndpointConnectionView } from './registry-view';
export { listRoleAssignments, recentAssignments, roleAssignmentCommand, roleGuid, BUILT_IN_ROLES, ROLE_ID_BY_NAME, ROLE_PROPAGATION_MS, type RoleAssignmentInfo } from './role-assignments';
export { principalTypeFor, principalTypeOfClaims, type PrincipalType } from './principal-type';
export { listAksClusters, checkKubeletPull, type AksCluster, type KubeletPullCheck } from './aks';
export {
  addClientIpRule, enablePublicNetworkAccess, enableTrustedServicesBypass, setAdminUserEnabled, enableArmAudienceTokens,
  createRoleAssignment, RoleAssignmentRefused, regenerateTokenPassword, enableRepositoryToken, approvePrivateEndpointConnection, registerResourceProvider,
  type FixResult, type RoleAssignmentRequest,
} from './registry-fixes';
export { listPullers, findPuller, pullerKindLabel, pullerLabel, type Puller, type PullerKind, type PullerCredential } from './pullers';
export { enableVnetImagePull, usePullerManagedIdentity } from './puller-fixes';
export { providerRegistrationState, readSubnet, readPrivateEndpointDns, type SubnetFacts, type PrivateEndpointDns } from './network-resources';
export { findLoginEventsWorkspace, queryLoginEvents, loginEventsQuery, type LoginEvent, type LoginEventsWorkspace } from './login-events';
