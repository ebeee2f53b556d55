// A registry access token for a scope, from the identity the run judges: the given credentials
// (service principal, admin user, repository token, exposed token), Docker's stored login, the
// Entra sign-in, or — with no identity named — whichever of them works first, then anonymous.
// An AKS kubelet or managed identity cannot sign in from this machine: the Entra sign-in reads
// the registry in its place (the checks say so), and its rights are judged through ARM.
import type { CheckContext } from '../../engine/types';
import { settledData } from '../../engine/context';
import { httpRequest } from '../../net/http';
import { accessTokenFromRefresh, accessTokenWithPassword, type AcrNet } from '../../acr/token-flow';
import { armScope } from '../../azure/connection';
import { LOGIN } from './check-ids';
import { accessTokenOnce, exchangeOnce } from './token-requests';

const ACR_AUDIENCE = 'https://containerregistry.azure.net/.default';

export interface IdentityToken {
  token?: string;
  /** Which credential gave it (for evidence): 'explicit credentials', 'Docker\'s stored credential', … */
  source: string;
  /** The token is the Entra sign-in's, standing in for an identity that cannot sign in here. */
  standIn?: boolean;
}

type Way = 'explicit' | 'stored' | 'azure' | 'anonymous';

function waysFor(ctx: CheckContext): { ways: Way[]; standIn: boolean } {
  switch (ctx.env.identity?.kind) {
    case undefined: return { ways: ['explicit', 'stored', 'azure', 'anonymous'], standIn: false };
    case 'azure': return { ways: ['azure'], standIn: false };
    case 'docker': return { ways: ['stored', 'anonymous'], standIn: false };
    case 'aks': case 'mi': case 'service': return { ways: ['azure'], standIn: true };
    default: return { ways: ['explicit'], standIn: false };
  }
}

export async function identityToken(ctx: CheckContext, net: AcrNet, tokenUrl: string, scope: string): Promise<IdentityToken> {
  const { ways, standIn } = waysFor(ctx);
  for (const way of ways) {
    const t = await tryWay(ctx, way, net, tokenUrl, scope);
    if (t) return { ...t, standIn };
  }
  return { source: 'none', standIn };
}

async function tryWay(ctx: CheckContext, way: Way, net: AcrNet, tokenUrl: string, scope: string): Promise<IdentityToken | undefined> {
  if (way === 'explicit') {
    const c = ctx.env.credentials;
    if (!c) return undefined;
    const r = await accessTokenWithPassword(net, tokenUrl, c.username, c.password, scope);
    return r.ok ? { token: r.accessToken, source: 'explicit credentials' } : undefined;
  }
  if (way === 'stored') {
    const stored = await settledData(ctx, LOGIN.storedCredential);
    if (!stored?.secret || stored.works === false) return undefined;
    const r = stored.identityToken
      ? await accessTokenFromRefresh(net, tokenUrl, stored.secret, scope)
      : await accessTokenWithPassword(net, tokenUrl, stored.username ?? '', stored.secret, scope);
    return r.ok ? { token: r.accessToken, source: 'Docker\'s stored credential' } : undefined;
  }
  if (way === 'azure') {
    const azure = ctx.env.azure;
    if (!azure) return undefined;
    for (const audience of [armScope(azure), ACR_AUDIENCE]) {
      try {
        const aad = await azure.credential.getToken(audience, { abortSignal: ctx.signal });
        if (!aad) continue;
        // The same exchange the sign-in check makes: shared, once per run.
        const ex = await exchangeOnce(ctx, net, tokenUrl, aad.token, azure.tenantId);
        if (!ex.ok) continue;
        const r = await accessTokenOnce(ctx, net, tokenUrl, ex.refreshToken, scope);
        if (r.ok) return { token: r.accessToken, source: 'Microsoft Entra sign-in' };
      } catch { /* try the next audience */ }
    }
    return undefined;
  }
  try {
    const url = new URL(tokenUrl);
    url.searchParams.set('service', ctx.target.loginServer);
    url.searchParams.set('scope', scope);
    const res = await httpRequest({ resolve: net.resolve, proxy: net.proxy, extraCaPem: net.extraCaPem, keepAlive: net.keepAlive, url: url.toString(), signal: ctx.signal });
    const body = res.json<{ access_token?: string; token?: string }>();
    const t = body?.access_token ?? body?.token;
    if (res.status === 200 && typeof t === 'string') return { token: t, source: 'anonymous pull' };
  } catch { /* no anonymous access */ }
  return undefined;
}
