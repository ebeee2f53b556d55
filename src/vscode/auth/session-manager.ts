// Holds the AzureSession in use and swaps it when the sign-in settings change, so the tree and
// the diagnosis always ask one place.
import * as vscode from 'vscode';
import type { AzureSession } from './azure-session';
import { extraCaPemFromEnvironment } from './extra-ca';
import { decideSignIn, storedSecretValue, type ServicePrincipalDecision } from './service-principal-config';
import { azureArea } from '../lazy/azure';

const SECRET_KEY = 'acrDoctor.azure.clientSecret';

export class AzureSessionManager implements vscode.Disposable {
  private session: AzureSession | undefined;
  private sessionListener: vscode.Disposable | undefined;
  private decision: ServicePrincipalDecision = { mode: 'vscode' };
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the session is replaced or reports a sign-in/out. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly context: Pick<vscode.ExtensionContext, 'globalState' | 'secrets'>,
    private readonly logger?: vscode.LogOutputChannel,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('acrDoctor.azure.signIn') || e.affectsConfiguration('acrDoctor.azure.tenantId') ||
          e.affectsConfiguration('acrDoctor.azure.clientId') || e.affectsConfiguration('acrDoctor.azure.authorityHost') ||
          e.affectsConfiguration('acrDoctor.azure.armEndpoint') || e.affectsConfiguration('acrDoctor.azure.allowCustomEndpointAudience')) void this.reload();
      }),
      context.secrets.onDidChange((e) => { if (e.key === SECRET_KEY) void this.reload(); }),
    );
  }

  /** The session, built on first use. Undefined only when a service principal is configured but incomplete. */
  async get(): Promise<AzureSession | undefined> {
    await this.reloading;
    if (!this.session && this.decision.mode !== 'incomplete') await this.reload(false);
    return this.session;
  }

  /** Which settings are missing when the service principal cannot be used. */
  get missing(): string[] | undefined {
    return this.decision.mode === 'incomplete' ? this.decision.missing : undefined;
  }

  /** Keeps the secret for the (tenant, client, authority) configured now; any other sign-in never gets it. */
  async storeClientSecret(secret: string): Promise<void> {
    const s = this.settings();
    const tenantId = s.tenantId?.trim() || this.env.AZURE_TENANT_ID?.trim();
    const clientId = s.clientId?.trim() || this.env.AZURE_CLIENT_ID?.trim();
    if (!tenantId || !clientId) throw new Error(vscode.l10n.t('Set acrDoctor.azure.tenantId and acrDoctor.azure.clientId before storing a client secret.'));
    const authorityHost = s.authorityHost?.trim() || this.env.AZURE_AUTHORITY_HOST?.trim() || undefined;
    await this.context.secrets.store(SECRET_KEY, storedSecretValue({ tenantId, clientId, authorityHost }, secret));
    await this.reload();
  }

  /** The sign-in settings; machine-scoped in package.json, so a workspace's settings.json cannot set them. */
  private settings() {
    const cfg = vscode.workspace.getConfiguration('acrDoctor.azure');
    const str = (k: string) => { const v = cfg.get<unknown>(k); return typeof v === 'string' ? v : undefined; };
    return {
      signIn: str('signIn'), tenantId: str('tenantId'), clientId: str('clientId'),
      authorityHost: str('authorityHost'), armEndpoint: str('armEndpoint'),
      allowCustomEndpointAudience: cfg.get<unknown>('allowCustomEndpointAudience'),
    };
  }

  private reloading: Promise<void> = Promise.resolve();

  /** Rebuilds the session from settings/environment; calls are serialised (settings change in bursts). */
  reload(fire = true): Promise<void> {
    this.reloading = this.reloading.then(() => this.rebuild(fire), () => this.rebuild(fire));
    return this.reloading;
  }

  private async rebuild(fire: boolean): Promise<void> {
    const decision = decideSignIn(this.env, this.settings(), await this.context.secrets.get(SECRET_KEY));
    // Settings change in bursts (one event per key) and each rebuild reads them all: a later event
    // of the burst finds nothing new, and rebuilding anyway would reload the tree once per key.
    if (this.session && JSON.stringify(decision) === JSON.stringify(this.decision)) return;
    this.sessionListener?.dispose();
    this.session?.dispose();
    this.session = undefined;
    this.decision = decision;
    if (decision.mode === 'vscode') {
      // Building a session loads the Azure area (dist/azure.js): the first get(), not activation.
      this.session = new (azureArea().VSCodeAzureSession)(this.context.globalState, this.logger, extraCaPemFromEnvironment(this.env));
    } else if (decision.mode === 'servicePrincipal') {
      this.session = new (azureArea().ServicePrincipalSession)(decision.config, this.context.globalState, extraCaPemFromEnvironment(this.env));
      this.logger?.info(`Azure sign-in: service principal from ${decision.config.source}, ARM ${decision.config.armEndpoint}`);
    } else {
      this.logger?.warn(`Azure sign-in: service principal incomplete, missing ${decision.missing.join(', ')}`);
    }
    this.sessionListener = this.session?.onDidChange(() => this.changed.fire());
    if (fire) this.changed.fire();
  }

  dispose(): void {
    this.sessionListener?.dispose();
    this.session?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
