// One way for the tree (and the diagnosis) to reach Azure, whichever sign-in is in use:
// VS Code's built-in `microsoft` account (VSCodeAzureSession) or a service principal from the
// environment/settings (ServicePrincipalSession: the sandbox, CI, headless machines).
import type { TokenCredential } from '@azure/core-auth';
import type * as vscode from 'vscode';
import type { ArmAccess } from '../../core/azure/connection';

export type AzureSessionKind = 'vscode' | 'servicePrincipal';

export interface AzureTenantInfo {
  tenantId: string;
  displayName: string;
  defaultDomain?: string;
  /** False when the tenant needs its own sign-in (MFA, conditional access, guest tenant). */
  signedIn: boolean;
}

export interface AzureSubscriptionInfo {
  subscriptionId: string;
  tenantId: string;
  name: string;
}

export interface AzureSession extends vscode.Disposable {
  readonly kind: AzureSessionKind;
  /** ARM endpoint of the cloud in use (public, sovereign, custom, the sandbox's simulator). */
  readonly armEndpoint: string;
  /** Scope for ARM tokens (e.g. https://management.azure.com/.default). */
  readonly armScope: string;
  /** A custom ARM endpoint's tokens carry the public cloud's audiences (the user opted in). */
  readonly allowCustomEndpointAudience?: boolean;
  /** The tenant a diagnosis may use without listing tenants (a service principal's own). */
  readonly homeTenantId?: string;
  /** Login-server suffix of the cloud (azurecr.io, azurecr.cn, azurecr.us). */
  readonly registrySuffix: 'azurecr.io' | 'azurecr.cn' | 'azurecr.us';
  /** Fires after sign-in, sign-out or a change of account/cloud settings. */
  readonly onDidChange: vscode.Event<void>;
  /** A short, secret-free label for the account (user name, or client id for a service principal). */
  accountLabel(): Promise<string | undefined>;
  isSignedIn(): Promise<boolean>;
  /** Interactive sign-in (VS Code account picker); returns whether a session now exists. */
  signIn(): Promise<boolean>;
  /** Sign in to one tenant that needs its own login. */
  signInToTenant(tenantId: string): Promise<boolean>;
  signOut(): Promise<void>;
  /** Every tenant the account can see, with whether a token can be had for it. */
  listTenants(): Promise<AzureTenantInfo[]>;
  /**
   * Subscriptions of the signed-in tenants; with `filtered`, only those chosen in
   * `azureResourceGroups.selectedSubscriptions` (shared with Azure Resources). `tenants`: the
   * result of a listTenants() just made, so it is not asked again.
   */
  listSubscriptions(options: { filtered: boolean; tenants?: AzureTenantInfo[] }): Promise<AzureSubscriptionInfo[]>;
  /** Credential for ARM calls in a subscription's tenant. */
  credentialFor(tenantId: string): TokenCredential;
  /** Everything core needs to call ARM in a tenant (for the tree's listing and for a diagnosis). */
  armAccess(tenantId: string, subscriptionId?: string): ArmAccess;
}

/** The ARM access a session hands to core for one tenant (both session kinds build it the same way). */
export function sessionArmAccess(
  session: { armEndpoint: string; armScope: string; allowCustomEndpointAudience?: boolean },
  credential: TokenCredential,
  tenantId: string,
  subscriptionId?: string,
  extraCaPem?: string[],
): ArmAccess {
  return {
    credential,
    armEndpoint: session.armEndpoint,
    armScope: session.armScope,
    ...(session.allowCustomEndpointAudience ? { allowCustomEndpointAudience: true } : {}),
    tenantId,
    ...(subscriptionId ? { subscriptionId } : {}),
    ...(extraCaPem ? { extraCaPem } : {}),
  };
}
