// Which identities carry a secret, where it is kept, and the engine's ExplicitCredentials built
// from one. No `vscode`: the secret is handed in by the caller (SecretStorage in the extension).
import type { ExplicitCredentials } from '../../../core/engine/environment';
import type { IdentitySpec } from '../../../core/registry/image-reference';

/**
 * The user name an `az acr login --expose-token` token goes with (token-flow's EXPOSED_TOKEN_USER,
 * a unit test keeps them equal): importing it would pull the probes into the activation bundle.
 */
export const EXPOSED_TOKEN_USER = '00000000-0000-0000-0000-000000000000';

/** The key of an identity's secret in SecretStorage: registry + identity kind + its name; undefined when it has none. */
export function secretKeyOf(loginServer: string, identity: IdentitySpec): string | undefined {
  const registry = loginServer.toLowerCase();
  switch (identity.kind) {
    case 'sp': return identity.clientId ? `acrDoctor.identity/${registry}/sp/${identity.clientId.toLowerCase()}` : undefined;
    case 'admin': return `acrDoctor.identity/${registry}/admin`;
    case 'token': return identity.name ? `acrDoctor.identity/${registry}/token/${identity.name}` : undefined;
    case 'exposed-token': return `acrDoctor.identity/${registry}/exposed-token`;
    default: return undefined;
  }
}

/** The admin user's name is the registry's resource name. */
export function adminUserOf(loginServer: string): string {
  return loginServer.split('.')[0];
}

/** The user name and password a docker login with this identity would send. */
export function credentialsOf(loginServer: string, identity: IdentitySpec, secret: string | undefined): ExplicitCredentials | undefined {
  if (!secret) return undefined;
  switch (identity.kind) {
    case 'sp': return identity.clientId ? { kind: 'servicePrincipal', username: identity.clientId, password: secret } : undefined;
    case 'admin': return { kind: 'admin', username: adminUserOf(loginServer), password: secret };
    case 'token': return identity.name ? { kind: 'repositoryToken', username: identity.name, password: secret } : undefined;
    case 'exposed-token': return { kind: 'exposedToken', username: EXPOSED_TOKEN_USER, password: secret };
    default: return undefined;
  }
}
