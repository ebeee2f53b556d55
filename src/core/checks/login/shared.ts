// What the login checks share: check ids (theirs and the network checks' they wait for), the
// network options every token request uses, and small formatting helpers.
import { createHash } from 'node:crypto';
import { checkKey, type CheckContext } from '../../engine/types';
import { sharedWork } from '../../engine/context';
import { targetRepository } from '../../engine/target';
import { accessTokenFromRefresh, exchangeAadToken, type AcrNet, type StepResult } from '../../acr/token-flow';
import { NET } from '../network/ids';
import type { DaemonSession } from '../../docker/daemon';
import type { DockerConfig } from '../../docker/config';
import type { AadLoginData } from './aad-login';
import type { ExplicitLoginData } from './explicit-login';
import type { RegistryFacts } from './registry-facts';
import type { StoredCredentialData } from './stored-credential';

/** The network check whose passing means the /v2/ challenge works (token flows wait for it). */
export const NET_CHALLENGE = NET.challenge;

export const LOGIN = {
  dockerCli: checkKey('login.docker.cli'),
  dockerConfig: checkKey<DockerConfig>('login.docker.config'),
  dockerDaemon: checkKey<DaemonSession>('login.docker.daemon'),
  dockerVersion: checkKey('login.docker.version'),
  storedCredential: checkKey<StoredCredentialData>('login.docker.stored-credential'),
  dockerPull: checkKey('login.docker.pull'),
  name: checkKey('login.name'),
  registry: checkKey<RegistryFacts>('login.registry'),
  aad: checkKey<AadLoginData>('login.credentials.aad'),
  explicit: checkKey<ExplicitLoginData>('login.credentials.explicit'),
  anonymous: checkKey('login.credentials.anonymous'),
  authzAad: checkKey('login.authz.aad'),
  authzExplicit: checkKey('login.authz.explicit'),
  authzDocker: checkKey('login.authz.docker'),
  managedIdentity: checkKey('login.authz.managed-identity'),
  aks: checkKey('login.authz.aks'),
  expiry: checkKey('login.expiry'),
  loginEvents: checkKey('login.advanced.login-events'),
};

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

/** An ISO date without milliseconds, for messages ("2026-11-25T19:02:11Z"). */
export function isoDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "in 2 h 59 min" / "3 h 1 min ago" between now and a date. */
export function relative(d: Date, now: Date): string {
  const ms = d.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const text = days > 0 ? `${days} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`;
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}
