// "Diagnose as…": a quick pick of the identities a user may attempt an operation as, then what
// each needs (a client id, a token name, an AKS cluster from ARM); a secret is asked with a
// password box and kept in SecretStorage, never returned.
import * as vscode from 'vscode';
import type { IdentityKind, IdentitySpec } from '../../../core/registry/image-reference';
import { parseRegistryInput } from '../../../core/registry/target';
import type { Ctx } from '../../context';
import { azureArea } from '../../lazy/azure';
import { azureAccessFor } from '../azure-access';
import { adminUserOf } from './identity-credentials';
import { identityLabel } from './identity-label';
import { IdentitySecrets } from './identity-secrets';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_NAME = /^[a-zA-Z0-9-]{5,50}$/;

interface KindItem extends vscode.QuickPickItem { kind2: IdentityKind }

export async function pickIdentity(ctx: Ctx, loginServer: string, current: IdentitySpec, azureAccount?: string): Promise<IdentitySpec | undefined> {
  const items: KindItem[] = [
    { kind2: 'azure', label: `$(azure) ${identityLabel({ kind: 'azure' }, azureAccount)}`, detail: vscode.l10n.t('The account or service principal ACR Doctor is signed in with (az acr login).') },
    { kind2: 'docker', label: `$(package) ${identityLabel({ kind: 'docker' })}`, detail: vscode.l10n.t('What docker login stored for this registry (credential helper or config.json).') },
    { kind2: 'sp', label: `$(key) ${vscode.l10n.t('Service principal…')}`, detail: vscode.l10n.t('Client id and secret; the secret is kept in VS Code\'s secret storage.') },
    { kind2: 'admin', label: `$(person) ${vscode.l10n.t('Admin user…')}`, detail: vscode.l10n.t('User {0} and one of its two passwords.', adminUserOf(loginServer)) },
    { kind2: 'token', label: `$(symbol-key) ${vscode.l10n.t('Repository-scoped token…')}`, detail: vscode.l10n.t('Token name and password.') },
    { kind2: 'exposed-token', label: `$(terminal) ${vscode.l10n.t('Exposed token…')}`, detail: vscode.l10n.t('The access token az acr login --expose-token printed.') },
    { kind2: 'aks', label: `$(server-environment) ${vscode.l10n.t('AKS cluster…')}`, detail: vscode.l10n.t('The cluster\'s kubelet identity, as its nodes pull.') },
    { kind2: 'mi', label: `$(server-process) ${vscode.l10n.t('Managed identity…')}`, detail: vscode.l10n.t('A managed identity by its client id.') },
  ];
  for (const item of items) if (item.kind2 === current.kind) item.description = vscode.l10n.t('current');
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Diagnose {0} as…', loginServer), placeHolder: vscode.l10n.t('Who attempts the operation?'), ignoreFocusOut: true });
  if (!pick) return undefined;
  const secrets = new IdentitySecrets(ctx.extension.secrets);
  switch (pick.kind2) {
    case 'azure': case 'docker': return { kind: pick.kind2 };
    case 'sp': {
      const clientId = await askClientId(vscode.l10n.t('Service principal'), vscode.l10n.t('Application (client) id'), current.kind === 'sp' ? current.clientId : undefined);
      return clientId ? withSecret(secrets, loginServer, { kind: 'sp', clientId }) : undefined;
    }
    case 'token': {
      const name = await askTokenName(current.kind === 'token' ? current.name : undefined);
      return name ? withSecret(secrets, loginServer, { kind: 'token', name }) : undefined;
    }
    case 'admin': case 'exposed-token': return withSecret(secrets, loginServer, { kind: pick.kind2 });
    case 'aks': return pickAksCluster(ctx, loginServer);
    case 'mi': {
      const clientId = await askClientId(vscode.l10n.t('Managed identity'), vscode.l10n.t('Client id of the managed identity'), current.kind === 'mi' ? current.clientId : undefined);
      return clientId ? { kind: 'mi', clientId } : undefined;
    }
  }
}

/** Asks the identity's secret (an empty answer keeps a stored one); undefined: cancelled. */
async function withSecret(secrets: IdentitySecrets, loginServer: string, identity: IdentitySpec): Promise<IdentitySpec | undefined> {
  const prompt = secretPrompt(loginServer, identity);
  return prompt === undefined || (await askSecret(secrets, loginServer, identity, prompt)) ? identity : undefined;
}

/**
 * An identity a command named (`{ identity: 'sp:<id>' }`, a code lens) made whole before the run:
 * its client id or token name when missing, its secret when none is stored. Undefined: cancelled.
 */
export async function completeIdentity(ctx: Ctx, loginServer: string, identity: IdentitySpec): Promise<IdentitySpec | undefined> {
  const secrets = new IdentitySecrets(ctx.extension.secrets);
  let whole = identity;
  if (whole.kind === 'sp' && !whole.clientId) {
    const clientId = await askClientId(vscode.l10n.t('Service principal'), vscode.l10n.t('Application (client) id'), undefined);
    if (!clientId) return undefined;
    whole = { kind: 'sp', clientId };
  }
  if (whole.kind === 'token' && !whole.name) {
    const name = await askTokenName(undefined);
    if (!name) return undefined;
    whole = { kind: 'token', name };
  }
  const prompt = secretPrompt(loginServer, whole);
  if (prompt === undefined || await secrets.get(loginServer, whole)) return whole;
  return (await askSecret(secrets, loginServer, whole, prompt)) ? whole : undefined;
}

/** What the password box asks for an identity with a secret; undefined for one without. */
function secretPrompt(loginServer: string, identity: IdentitySpec): string | undefined {
  switch (identity.kind) {
    case 'sp': return vscode.l10n.t('Client secret of {0}', identity.clientId ?? '');
    case 'admin': return vscode.l10n.t('Password of the admin user {0}', adminUserOf(loginServer));
    case 'token': return vscode.l10n.t('Password of the token {0}', identity.name ?? '');
    case 'exposed-token': return vscode.l10n.t('Access token from az acr login --expose-token');
    default: return undefined;
  }
}

/** A client id (a GUID), lower-cased; undefined: cancelled. */
async function askClientId(title: string, prompt: string, value: string | undefined): Promise<string | undefined> {
  const v = await askText(title, prompt, value,
    (x) => (GUID.test(x.trim()) ? undefined : vscode.l10n.t('A client id is a GUID, e.g. 00000000-0000-0000-0000-000000000000.')));
  return v?.trim().toLowerCase();
}

async function askTokenName(value: string | undefined): Promise<string | undefined> {
  const v = await askText(vscode.l10n.t('Repository-scoped token'), vscode.l10n.t('Token name'), value,
    (x) => (TOKEN_NAME.test(x.trim()) ? undefined : vscode.l10n.t('A token name has 5 to 50 letters, digits and hyphens.')));
  return v?.trim();
}

async function askText(title: string, prompt: string, value: string | undefined, validate: (v: string) => string | undefined): Promise<string | undefined> {
  const v = await vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: (x) => (x.trim() ? validate(x) : undefined) });
  return v?.trim() ? v : undefined;
}

/** Asks the secret; an empty answer keeps the one already stored (if any). */
async function askSecret(secrets: IdentitySecrets, loginServer: string, identity: IdentitySpec, prompt: string): Promise<boolean> {
  const stored = await secrets.get(loginServer, identity);
  const v = await vscode.window.showInputBox({
    title: identityLabel(identity), prompt, password: true, ignoreFocusOut: true,
    placeHolder: stored ? vscode.l10n.t('Leave empty to keep the stored one') : undefined,
  });
  if (v === undefined) return false;
  if (!v) return !!stored;
  await secrets.set(loginServer, identity, v);
  return true;
}

async function pickAksCluster(ctx: Ctx, loginServer: string): Promise<IdentitySpec | undefined> {
  const access = await azureAccessFor(ctx, parseRegistryInput(loginServer)).catch(() => undefined);
  if (!access) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Sign in to Azure to choose an AKS cluster.'));
    return undefined;
  }
  interface ClusterItem extends vscode.QuickPickItem { cluster: string }
  const loading = vscode.window.showQuickPick<ClusterItem>(
    azureArea().listAksClusters(access).then(({ clusters, failures }): ClusterItem[] => {
      for (const f of failures) ctx.log.warn(`AKS clusters of ${f.subscriptionId}: ${f.error.message}`);
      if (!clusters.length) {
        return [{ label: failures.length ? vscode.l10n.t('Could not list AKS clusters: {0}', failures[0].error.message) : vscode.l10n.t('No AKS clusters in the subscription'), cluster: '' }];
      }
      return clusters.map((c) => ({ label: c.name, description: [c.resourceGroup, c.location].filter(Boolean).join(' · '), cluster: c.name }));
    }),
    { title: vscode.l10n.t('AKS cluster'), placeHolder: vscode.l10n.t('The cluster whose nodes pull from {0}', loginServer), ignoreFocusOut: true },
  );
  const pick = await loading;
  return pick?.cluster ? { kind: 'aks', cluster: pick.cluster } : undefined;
}
