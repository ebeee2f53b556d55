// How the extension lists a registry's repositories and tags (tree, header completion): the
// client network of VS Code's process, and the chosen identity's password when it has one stored,
// the client's stored login (docker's, nerdctl's or podman's) for the docker identity, else the Azure sign-in (an Entra token exchanged
// for a registry token): an AKS kubelet or a managed identity cannot sign in from this machine.
import * as vscode from 'vscode';
import type { CatalogAuth, CatalogOptions, CatalogPage } from '../../../core/acr/catalog';
import type { AcrNet } from '../../../core/acr/token-flow';
import { armScopeFor } from '../../../core/azure/clouds';
import { environmentFromProcess } from '../../../core/engine/process-env';
import type { IdentitySpec } from '../../../core/registry/image-reference';
import { parseRegistryInput } from '../../../core/registry/target';
import type { Ctx } from '../../context';
import { engineArea } from '../../lazy/engine';
import { azureAccessFor } from '../azure-access';
import { clientSetting } from '../engine-source';
import { IdentitySecrets } from './identity-secrets';

export class CatalogAccessError extends Error {}

export async function catalogAccess(ctx: Ctx, loginServer: string, identity: IdentitySpec | undefined, signal?: AbortSignal): Promise<{ net: AcrNet; auth: CatalogAuth }> {
  const { env } = environmentFromProcess(process.env);
  const net: AcrNet = { loginServer, resolve: env.resolve, proxy: env.proxy, extraCaPem: env.extraCaPem, signal, timeoutMs: 8000 };
  const credentials = identity ? await new IdentitySecrets(ctx.extension.secrets).credentials(loginServer, identity) : undefined;
  if (credentials) return { net, auth: { kind: 'password', username: credentials.username, password: credentials.password } };
  if (identity?.kind === 'docker') {
    const stored = await engineArea().clientStoredLogin({ ...env, client: clientSetting(ctx) }, loginServer, { pathEnv: env.searchPath, signal });
    if (!stored.login) throw new CatalogAccessError(vscode.l10n.t('The stored login cannot list {0}: {1}.', loginServer, stored.reason ?? ''));
    return { net, auth: stored.login.kind === 'password' ? { kind: 'password', username: stored.login.username, password: stored.login.password } : stored.login };
  }
  const access = await azureAccessFor(ctx, parseRegistryInput(loginServer), env.extraCaPem);
  if (!access) throw new CatalogAccessError(vscode.l10n.t('Sign in to Azure to list the repositories of {0}.', loginServer));
  const token = await access.credential.getToken(access.armScope ?? armScopeFor(access.armEndpoint, access), { abortSignal: signal });
  if (!token?.token) throw new CatalogAccessError(vscode.l10n.t('The Azure sign-in gave no token for {0}: sign in again.', loginServer));
  return { net, auth: { kind: 'aad', aadToken: token.token, tenant: access.tenantId } };
}

export async function listRepositoriesAs(ctx: Ctx, loginServer: string, identity: IdentitySpec | undefined, options: CatalogOptions & { signal?: AbortSignal } = {}): Promise<CatalogPage> {
  const { net, auth } = await catalogAccess(ctx, loginServer, identity, options.signal);
  return engineArea().listRepositories(net, auth, options);
}

export async function listTagsAs(ctx: Ctx, loginServer: string, identity: IdentitySpec | undefined, repository: string, options: CatalogOptions & { signal?: AbortSignal } = {}): Promise<CatalogPage> {
  const { net, auth } = await catalogAccess(ctx, loginServer, identity, options.signal);
  return engineArea().listTags(net, auth, repository, options);
}
