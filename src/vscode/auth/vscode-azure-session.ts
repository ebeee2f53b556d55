// Sign-in through VS Code's built-in Microsoft account, exactly as the Azure extensions do it:
// @microsoft/vscode-azext-azureauth's VSCodeAzureSubscriptionProvider (the `microsoft` provider,
// or `microsoft-sovereign-cloud` when `microsoft-sovereign-cloud.environment` names a sovereign
// or custom cloud).
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import {
  getConfiguredAuthProviderId,
  getConfiguredAzureEnv,
  VSCodeAzureSubscriptionProvider,
  type AzureSubscription,
} from '@microsoft/vscode-azext-azureauth';
import * as vscode from 'vscode';
import type { ArmAccess } from '../../core/azure/connection';
import { sessionArmAccess, type AzureSession, type AzureSubscriptionInfo, type AzureTenantInfo } from './azure-session';
import { registrySuffixForCloud } from './cloud';
import { affectsSubscriptionFilter, readSubscriptionFilter } from './subscription-filter';

/** Uses our filter reader so the acrDoctor fallback list applies when Azure Resources is absent. */
class FilteredSubscriptionProvider extends VSCodeAzureSubscriptionProvider {
  protected override async getTenantFilters(): Promise<string[]> {
    return readSubscriptionFilter().tenantIds;
  }
  protected override async getSubscriptionFilters(): Promise<string[]> {
    return readSubscriptionFilter().subscriptionIds;
  }
}

const SIGNED_OUT_KEY = 'acrDoctor.auth.signedOut';

export class VSCodeAzureSession implements AzureSession {
  readonly kind = 'vscode' as const;
  private readonly provider: FilteredSubscriptionProvider;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Subscriptions seen last, so credentialFor(tenant) can reuse their authentication. */
  private readonly byTenant = new Map<string, AzureSubscription>();
  /** One credential object per tenant until the sign-in changes: what a diagnosis keeps per principal is keyed by it. */
  private readonly credentials = new Map<string, TokenCredential>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly logger?: vscode.LogOutputChannel,
    private readonly extraCaPem?: string[],
  ) {
    this.provider = new FilteredSubscriptionProvider(logger);
    this.disposables.push(
      this.provider,
      this.changed,
      this.changed.event(() => this.credentials.clear()),
      this.provider.onDidSignIn(() => this.changed.fire()),
      this.provider.onDidSignOut(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('microsoft-sovereign-cloud') || affectsSubscriptionFilter(e)) this.changed.fire();
      }),
    );
  }

  get armEndpoint(): string {
    return getConfiguredAzureEnv().resourceManagerEndpointUrl.replace(/\/+$/, '');
  }

  get armScope(): string {
    return `${getConfiguredAzureEnv().managementEndpointUrl.replace(/\/+$/, '')}/.default`;
  }

  get registrySuffix(): AzureSession['registrySuffix'] {
    return registrySuffixForCloud(getConfiguredAzureEnv().name);
  }

  async accountLabel(): Promise<string | undefined> {
    const first = [...this.byTenant.values()][0];
    return first?.account.label;
  }

  async isSignedIn(): Promise<boolean> {
    if (this.state.get<boolean>(SIGNED_OUT_KEY)) return false;
    try {
      return await this.provider.isSignedIn();
    } catch (err) {
      // No `microsoft` provider in this editor (some VS Code builds): treat as signed out; the
      // Sign in command then reports the real error.
      this.logger?.warn(`auth: cannot check the Microsoft account: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  async signIn(): Promise<boolean> {
    const ok = await this.provider.signIn();
    if (ok) {
      await this.state.update(SIGNED_OUT_KEY, undefined);
      this.changed.fire();
    }
    return ok;
  }

  async signInToTenant(tenantId: string): Promise<boolean> {
    const ok = await this.provider.signIn(tenantId);
    if (ok) {
      await this.state.update(SIGNED_OUT_KEY, undefined);
      this.changed.fire();
    }
    return ok;
  }

  /**
   * VS Code gives extensions no way to remove an account (the provider's signOut throws), so
   * ACR Doctor stops using it until the next sign-in; the account itself stays in the Accounts menu.
   */
  async signOut(): Promise<void> {
    await this.state.update(SIGNED_OUT_KEY, true);
    this.byTenant.clear();
    this.changed.fire();
  }

  async listTenants(): Promise<AzureTenantInfo[]> {
    if (!(await this.isSignedIn())) return [];
    const tenants = await this.provider.getTenants();
    const seen = new Map<string, AzureTenantInfo>();
    for (const t of tenants) {
      if (!t.tenantId) continue;
      const signedIn = await this.provider.isSignedIn(t.tenantId, t.account);
      const previous = seen.get(t.tenantId);
      if (previous && (previous.signedIn || !signedIn)) continue;
      seen.set(t.tenantId, {
        tenantId: t.tenantId,
        displayName: t.displayName ?? t.defaultDomain ?? t.tenantId,
        defaultDomain: t.defaultDomain,
        signedIn,
      });
    }
    return [...seen.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  async listSubscriptions(options: { filtered: boolean }): Promise<AzureSubscriptionInfo[]> {
    if (!(await this.isSignedIn())) return [];
    const subs = await this.provider.getSubscriptions(options.filtered);
    const result = new Map<string, AzureSubscriptionInfo>();
    for (const s of subs) {
      if (!this.byTenant.has(s.tenantId)) this.byTenant.set(s.tenantId, s);
      result.set(s.subscriptionId, { subscriptionId: s.subscriptionId, tenantId: s.tenantId, name: s.name });
    }
    return [...result.values()];
  }

  credentialFor(tenantId: string): TokenCredential {
    let credential = this.credentials.get(tenantId);
    if (!credential) { credential = this.tenantCredential(tenantId); this.credentials.set(tenantId, credential); }
    return credential;
  }

  private tenantCredential(tenantId: string): TokenCredential {
    // Ask VS Code for a fresh session on every getToken: its token cache refreshes silently, whereas
    // the provider's own credential pins one access token.
    return {
      getToken: async (scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken | null> => {
        const wanted = (Array.isArray(scopes) ? scopes : [scopes]).map((s) => (s.endsWith('.default') ? s : `${s}/.default`));
        const sub = this.byTenant.get(tenantId);
        // Before any subscription was listed (e.g. a diagnosis first), ask VS Code for the tenant directly.
        const session = sub
          ? await sub.authentication.getSessionWithScopes(wanted)
          : await vscode.authentication.getSession(getConfiguredAuthProviderId(), [...wanted, `VSCODE_TENANT:${tenantId}`], { silent: true });
        if (!session) throw new Error(vscode.l10n.t('The Azure session for tenant {0} has expired. Sign in again.', tenantId));
        // VS Code does not expose the expiry; a short nominal lifetime makes callers ask again soon.
        return { token: session.accessToken, expiresOnTimestamp: Date.now() + 5 * 60_000 };
      },
    };
  }

  armAccess(tenantId: string, subscriptionId?: string): ArmAccess {
    return sessionArmAccess(this, this.credentialFor(tenantId), tenantId, subscriptionId, this.extraCaPem);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
