// Sign-in as a service principal (environment or settings): the sandbox, CI and headless hosts.
// Same AzureSession surface as the VS Code account, so the tree runs the same code either way.
// Credentials, tenants and subscriptions come from core (src/core/azure).
import type { TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import type { ArmAccess } from '../../core/azure/connection';
import { credentialFromEnvironment } from '../../core/azure/credential';
import { listSubscriptions, listTenants } from '../../core/azure/list-subscriptions';
import { sessionArmAccess, type AzureSession, type AzureSubscriptionInfo, type AzureTenantInfo } from './azure-session';
import { armScopeFor, registrySuffixForArmEndpoint } from './cloud';
import type { ServicePrincipalConfig } from './service-principal-config';
import { passesFilter } from './subscription-filter-entries';
import { affectsSubscriptionFilter, readSubscriptionFilter } from './subscription-filter';

const SIGNED_OUT_KEY = 'acrDoctor.auth.servicePrincipal.signedOut';

export class ServicePrincipalSession implements AzureSession {
  readonly kind = 'servicePrincipal' as const;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly credentials = new Map<string, TokenCredential>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private signedOut: boolean;

  constructor(
    private readonly config: ServicePrincipalConfig,
    private readonly state: vscode.Memento,
    private readonly extraCaPem?: string[],
  ) {
    this.signedOut = !!state.get<boolean>(SIGNED_OUT_KEY);
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSubscriptionFilter(e)) this.changed.fire();
    }));
  }

  get armEndpoint(): string {
    return this.config.armEndpoint;
  }

  get armScope(): string {
    return armScopeFor(this.config.armEndpoint, this.config);
  }

  get homeTenantId(): string {
    return this.config.tenantId;
  }

  get allowCustomEndpointAudience(): boolean {
    return !!this.config.allowCustomEndpointAudience;
  }

  get registrySuffix(): AzureSession['registrySuffix'] {
    return registrySuffixForArmEndpoint(this.config.armEndpoint);
  }

  async accountLabel(): Promise<string | undefined> {
    return vscode.l10n.t('Service principal {0}', this.config.clientId);
  }

  async isSignedIn(): Promise<boolean> {
    return !this.signedOut;
  }

  /** Nothing to ask: the principal is configured. Proves it by getting a token. */
  async signIn(): Promise<boolean> {
    this.credentials.clear();
    await this.credentialFor(this.config.tenantId).getToken(this.armScope);
    this.signedOut = false;
    await this.state.update(SIGNED_OUT_KEY, undefined);
    this.changed.fire();
    return true;
  }

  async signInToTenant(tenantId: string): Promise<boolean> {
    this.credentials.delete(tenantId.toLowerCase());
    await this.credentialFor(tenantId).getToken(this.armScope);
    this.signedOut = false;
    this.changed.fire();
    return true;
  }

  async signOut(): Promise<void> {
    this.signedOut = true;
    this.credentials.clear();
    await this.state.update(SIGNED_OUT_KEY, true);
    this.changed.fire();
  }

  async listTenants(): Promise<AzureTenantInfo[]> {
    if (this.signedOut) return [];
    const found = await listTenants(this.armAccess(this.config.tenantId));
    const result: AzureTenantInfo[] = [];
    for (const t of found) {
      result.push({
        tenantId: t.tenantId,
        displayName: t.displayName ?? t.defaultDomain ?? t.tenantId,
        defaultDomain: t.defaultDomain,
        signedIn: await this.canGetToken(t.tenantId),
      });
    }
    if (!result.some((t) => sameId(t.tenantId, this.config.tenantId))) {
      // The home tenant is always usable even if the tenant list leaves it out.
      result.push({ tenantId: this.config.tenantId, displayName: this.config.tenantId, signedIn: true });
    }
    return result.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  async listSubscriptions(options: { filtered: boolean; tenants?: AzureTenantInfo[] }): Promise<AzureSubscriptionInfo[]> {
    if (this.signedOut) return [];
    const filter = readSubscriptionFilter();
    const tenants = (options.tenants ?? (await this.listTenants())).filter((t) => t.signedIn);
    const seen = new Map<string, AzureSubscriptionInfo>();
    for (const tenant of tenants) {
      if (options.filtered && filter.tenantIds.length && !filter.tenantIds.includes(tenant.tenantId.toLowerCase())) continue;
      // ARM lists the subscriptions of the token's tenant: one call per tenant.
      for (const s of await listSubscriptions(this.armAccess(tenant.tenantId))) {
        if (options.filtered && !passesFilter(filter, s.subscriptionId)) continue;
        const tenantId = s.tenantId ?? tenant.tenantId;
        if (seen.has(s.subscriptionId) && !sameId(tenantId, tenant.tenantId)) continue;
        seen.set(s.subscriptionId, { subscriptionId: s.subscriptionId, tenantId, name: s.displayName });
      }
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  credentialFor(tenantId: string): TokenCredential {
    const key = tenantId.toLowerCase();
    let cred = this.credentials.get(key);
    if (!cred) {
      // The same principal, asked for a token in another tenant (a multi-tenant app).
      cred = credentialFromEnvironment({
        AZURE_TENANT_ID: tenantId,
        AZURE_CLIENT_ID: this.config.clientId,
        AZURE_CLIENT_SECRET: this.config.clientSecret,
        AZURE_AUTHORITY_HOST: this.config.authorityHost,
      }, { extraCaPem: this.extraCaPem }).credential;
      this.credentials.set(key, cred);
    }
    return cred;
  }

  armAccess(tenantId: string, subscriptionId?: string): ArmAccess {
    return sessionArmAccess(this, this.credentialFor(tenantId), tenantId, subscriptionId, this.extraCaPem);
  }

  private async canGetToken(tenantId: string): Promise<boolean> {
    try {
      return !!(await this.credentialFor(tenantId).getToken(this.armScope));
    } catch {
      return false;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
