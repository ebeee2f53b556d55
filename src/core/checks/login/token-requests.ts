// What every token request of the login and image checks shares: the network options (acrNet),
// one exchange and one token request per run for the same credential, and the repository asked about.
import { createHash } from 'node:crypto';
import type { CheckContext } from '../../engine/types';
import { sharedWork } from '../../engine/context';
import { targetRepository } from '../../engine/target';
import { accessTokenFromRefresh, exchangeAadToken, type AcrNet, type StepResult } from '../../acr/token-flow';

export function acrNet(ctx: CheckContext, timeoutMs = 4000): AcrNet {
  return {
    loginServer: ctx.target.loginServer,
    resolve: ctx.env.resolve,
    proxy: ctx.env.proxy,
    extraCaPem: ctx.env.extraCaPem,
    signal: ctx.signal,
    timeoutMs,
    keepAlive: ctx.connections,
  };
}

/**
 * POST /oauth2/exchange once per run for the same Entra token: the sign-in check and the blob
 * check both need the registry's refresh token for it, and the registry gives the same answer.
 * Keyed by the token's hash (never the token), the token URL and the tenant.
 */
export function exchangeOnce(ctx: CheckContext, net: AcrNet, tokenUrl: string, aadToken: string, tenant?: string): Promise<StepResult<{ refreshToken: string; status: number }>> {
  const key = `acr-exchange ${tokenUrl} ${tenant ?? ''} ${createHash('sha256').update(aadToken).digest('hex')}`;
  return sharedWork(ctx, key, (signal) => exchangeAadToken({ ...net, signal }, tokenUrl, aadToken, tenant));
}

/** POST /oauth2/token once per run for the same refresh token and scope (the sign-in and blob checks both ask for the catalog). */
export function accessTokenOnce(ctx: CheckContext, net: AcrNet, tokenUrl: string, refreshToken: string, scope: string): Promise<StepResult<{ accessToken: string; status: number }>> {
  const key = `acr-token ${tokenUrl} ${scope} ${createHash('sha256').update(refreshToken).digest('hex')}`;
  return sharedWork(ctx, key, (signal) => accessTokenFromRefresh({ ...net, signal }, tokenUrl, refreshToken, scope));
}

/** The repository a check asks about (what the user named), without a tag or digest. */
export function repositoryOf(ctx: CheckContext): string | undefined {
  // The named image's repository, else --repository ('hello:v1' read as 'hello'): scopes take the repository only.
  return targetRepository(ctx.env);
}
