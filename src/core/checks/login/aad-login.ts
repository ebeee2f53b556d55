// Log in as the signed-in Microsoft Entra identity, the way `az acr login` does, one step at a
// time so the failing step is named: AAD token (ARM audience, or containerregistry.azure.net when
// the registry disables ARM-audience tokens) → /oauth2/exchange → /oauth2/token for a repository.
import type { Check, CheckOutcome } from '../../engine/types';
import { settledData } from '../../engine/context';
import {
  exchangeAadToken, fetchChallenge, scopeFor, type StepFailure,
} from '../../acr/token-flow';
import { realmIsTrusted } from '../../net/www-authenticate';
import { accessClaim, claimDate, decodeJwt, type AccessEntry } from '../../acr/jwt';
import { classifyAadError } from './aad-errors';
import { judgesIdentity } from '../../engine/target';
import { armScope as armScopeOf } from '../../azure/connection';


import { LOGIN, NET_CHALLENGE } from './check-ids';
import { acrNet, accessTokenOnce, exchangeOnce, repositoryOf } from './token-requests';
import { isoDate } from '../../text/dates';
import { msg } from '../../text/message';

export const ACR_AUDIENCE = 'https://containerregistry.azure.net/.default';

export interface AadLoginData {
  principalId?: string;
  tenantId?: string;
  appId?: string;
  aadExpires?: Date;
  refreshExpires?: Date;
  accessExpires?: Date;
  access: AccessEntry[];
  audience: 'arm' | 'acr';
  repository?: string;
}

export const aadLoginCheck: Check = {
  id: LOGIN.aad,
  area: 'login',
  title: 'Microsoft Entra sign-in to the registry',
  needs: [NET_CHALLENGE],
  // ARM's audience policy only words a refused exchange: sign in at once, read it then.
  awaits: [LOGIN.registry],
  timeoutMs: 10000,
  // Another named identity (docker, a service principal, a cluster…) is judged by its own checks;
  // the Azure sign-in then only reads ARM.
  applies: (_t, env) => !!env.azure && judgesIdentity(env, 'azure'),
  async run(ctx) {
    const az = ctx.env.azure!;
    const repo = repositoryOf(ctx);
    const net = acrNet(ctx);
    const armScope = armScopeOf(az);
    // Start with the ARM audience (what most tools send); when the registry refuses it, try the
    // registry audience, as az acr login does, and report the policy (known from ARM or not).
    const policyDisabled = async () => (await settledData(ctx, LOGIN.registry))?.registry?.armAudienceDisabled === true;

    const first = await aadToken(az.credential, armScope, ctx.signal);
    if ('failure' in first) {
      const f = classifyAadError(first.failure);
      return { status: 'fail', causeId: f.causeId, message: msg('Step 1 of 3 (Entra ID token) failed. {message}', { message: f.message }), evidence: { step: 'aad-token', aadError: f.code } };
    }
    const claims = decodeJwt(first.token);
    const tenant = (claims?.tid) ?? az.tenantId;
    const evidence: Record<string, string | number | boolean | undefined> = {
      principal: (claims?.oid) ?? az.principalId, tenant,
      aadAudience: 'ARM',
      aadExpires: fmt(claimDate(claims, 'exp')),
    };
    // net.challenge already read and vetted the realm (it needs to pass for this check to run).
    const seen = ctx.data(NET_CHALLENGE)?.realm;
    const ch = seen && realmIsTrusted(seen, ctx.target.loginServer).ok ? { ok: true as const, tokenUrl: seen } : await fetchChallenge(net);
    if (!ch.ok) return stepFail(ch, evidence, 'challenge');

    let audience: 'arm' | 'acr' = 'arm';
    let exchanged = await exchangeOnce(ctx, net, ch.tokenUrl, first.token, tenant);
    let audienceNote: CheckOutcome<AadLoginData> | undefined;
    if (!exchanged.ok && !exchanged.netError && exchanged.status !== 429 && exchanged.status !== 500) {
      // The registry may refuse ARM-audience tokens (azureADAuthenticationAsArmPolicy disabled):
      // try the ACR audience before blaming the identity.
      const second = await aadToken(az.credential, ACR_AUDIENCE, ctx.signal);
      if ('token' in second) {
        const retry = await exchangeAadToken(net, ch.tokenUrl, second.token, tenant);
        if (retry.ok) {
          audience = 'acr';
          audienceNote = {
            status: 'fail', causeId: 'credentials.aad-audience-rejected', evidence: { ...evidence, exchangeStatus: exchanged.status, registrySays: exchanged.reason },
            message: ((await policyDisabled()) ? msg('The registry refuses Entra tokens for the Azure Resource Manager audience ({reason}) and accepts only tokens for containerregistry.azure.net: its azureADAuthenticationAsArmPolicy is disabled (ARM says so). Tools that send ARM tokens (older az, some CI tasks) fail to log in.', { reason: exchanged.reason }) : msg('The registry refuses Entra tokens for the Azure Resource Manager audience ({reason}) and accepts only tokens for containerregistry.azure.net: its azureADAuthenticationAsArmPolicy is evidently disabled. Tools that send ARM tokens (older az, some CI tasks) fail to log in.', { reason: exchanged.reason })),
          };
          exchanged = retry;
        }
      }
    }
    if (!exchanged.ok) return stepFail(exchanged, evidence, 'exchange', await policyDisabled());
    const refreshExp = claimDate(decodeJwt(exchanged.refreshToken), 'exp');
    evidence.refreshExpires = fmt(refreshExp);
    const scope = scopeFor(repo, ['pull', 'push']);
    const token = await accessTokenOnce(ctx, net, ch.tokenUrl, exchanged.refreshToken, scope);
    if (!token.ok) return stepFail(token, { ...evidence, scope }, 'token');
    const accessClaims = decodeJwt(token.accessToken);
    const data: AadLoginData = {
      principalId: (claims?.oid) ?? az.principalId, tenantId: tenant, appId: claims?.appid,
      aadExpires: claimDate(claims, 'exp'), refreshExpires: refreshExp, accessExpires: claimDate(accessClaims, 'exp'),
      access: accessClaim(accessClaims), audience, repository: repo,
    };
    if (audienceNote) return { ...audienceNote, data };
    return {
      status: 'pass', data, evidence: { ...evidence, scope },
      message: (audience === 'arm' ? msg('Signed in to {loginServer} with the Entra identity: token (ARM audience) → refresh token → access token for {scope}.', { loginServer: ctx.target.loginServer, scope }) : msg('Signed in to {loginServer} with the Entra identity: token (ACR audience) → refresh token → access token for {scope}.', { loginServer: ctx.target.loginServer, scope })),
    };
  },
};

function fmt(d: Date | undefined): string | undefined {
  return d ? isoDate(d) : undefined;
}

async function aadToken(
  credential: { getToken(scopes: string | string[], o?: { abortSignal?: AbortSignal }): Promise<{ token: string } | null> },
  scope: string, signal: AbortSignal,
): Promise<{ token: string } | { failure: unknown }> {
  try {
    const t = await credential.getToken(scope, { abortSignal: signal });
    if (!t?.token) return { failure: new Error('the credential returned no token') };
    return { token: t.token };
  } catch (e) {
    return { failure: e };
  }
}

function stepFail(f: StepFailure, evidence: Record<string, string | number | boolean | undefined>, step: 'challenge' | 'exchange' | 'token', policyDisabled = false): CheckOutcome<AadLoginData> {
  const ev = { ...evidence, step, status: f.status, registrySays: f.reason };
  if (step === 'challenge') {
    // The network checks own a broken challenge; this only says why the login could not start.
    return { status: 'warn', causeId: f.realmRefused ? 'network.challenge-invalid' : undefined, message: msg('The login could not start: {reason}.', { reason: f.reason }), evidence: ev };
  }
  if (f.netError) {
    return { status: 'warn', message: (step === 'exchange' ? msg('Step 2 of 3 ({step}) got no answer: {reason}.', { step, reason: f.reason }) : msg('Step 3 of 3 ({step}) got no answer: {reason}.', { step, reason: f.reason })), evidence: ev };
  }
  if (f.status === 429) return { status: 'fail', causeId: 'network.throttled', message: msg('The registry throttles the {step} request (429): {reason}.', { step, reason: f.reason }), evidence: ev };
  if (step === 'exchange') {
    return {
      status: 'fail', causeId: 'credentials.aad-exchange-failed', evidence: ev,
      message: (policyDisabled ? msg('Step 2 of 3 failed: the registry did not exchange the Entra token for a refresh token (POST /oauth2/exchange → {status}: {reason}) even with a containerregistry.azure.net token.', { status: String(f.status), reason: f.reason }) : msg('Step 2 of 3 failed: the registry did not exchange the Entra token for a refresh token (POST /oauth2/exchange → {status}: {reason}).', { status: String(f.status), reason: f.reason })),
    };
  }
  return {
    status: 'fail', causeId: 'credentials.access-token-failed', evidence: ev,
    message: msg('Step 3 of 3 failed: the registry issued no access token for {scope} (POST /oauth2/token → {status}: {reason}).', { scope: evidence.scope !== undefined ? String(evidence.scope) : msg('the scope'), status: String(f.status), reason: f.reason }),
  };
}
