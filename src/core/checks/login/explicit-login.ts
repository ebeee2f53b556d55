// Log in with the credentials the user gave (CLI flags, a prompt): admin user, service principal,
// repository-scoped token, `--expose-token` token, or any user name + password — each judged by
// what it is, so the message names the real problem (admin disabled, wrong user name for an
// exposed token, expired or disabled token, expired client secret) rather than "unauthorized".
import { ClientSecretCredential } from '@azure/identity';
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import { accessTokenWithPassword, fetchChallenge, scopeFor, EXPOSED_TOKEN_USER } from '../../acr/token-flow';
import { accessClaim, claimDate, decodeJwt, type AccessEntry } from '../../acr/jwt';
import { classifyAadError } from './aad-errors';
import type { RegistryFacts } from './registry-facts';
import { LOGIN, NET_CHALLENGE } from './check-ids';
import { acrNet, repositoryOf } from './token-requests';
import { isoDate, relative } from '../../text/dates';
import { armScope } from '../../azure/connection';
import { credentialLabel } from './credential-label';
import { msg, renderMessage } from '../../text/message';
import { clientCommand } from '../../docker/client-tool';

export interface ExplicitLoginData {
  kind: string;
  username: string;
  access: AccessEntry[];
  repository?: string;
  accessExpires?: Date;
  tokenName?: string;
  /** The Entra object id an `--expose-token` token was issued to (its `sub`), for the role analysis. */
  principalId?: string;
  /** When an `--expose-token` token (an ACR refresh token) stops working. */
  tokenExpires?: Date;
}

type Outcome = CheckOutcome;

export const explicitLoginCheck: Check = {
  id: LOGIN.explicit,
  area: 'login',
  title: 'Log in with the given credentials',
  needs: [NET_CHALLENGE],
  after: [LOGIN.registry],
  timeoutMs: 8000,
  applies: (_t, env) => !!env.credentials,
  async run(ctx): Promise<Outcome> {
    const facts = ctx.data(LOGIN.registry);
    const cred = knownKind(ctx.env.credentials!, facts);
    const reg = facts?.registry;
    const now = ctx.env.now();
    const evidence: Record<string, string | number | boolean | undefined> = { kind: cred.kind, username: cred.username };

    // What ARM says before anything is sent.
    if (cred.kind === 'admin' && reg?.adminUserEnabled === false) {
      return {
        status: 'fail', causeId: 'credentials.admin-user-disabled', evidence: { ...evidence, adminUserEnabled: false },
        message: msg('{username} is the admin user of {name}, but the admin user is disabled on the registry: it refuses the admin password.', { username: cred.username, name: reg.name }),
      };
    }
    if (cred.kind === 'repositoryToken' && facts?.tokens) {
      const t = facts.tokens.find((x) => x.name === cred.username);
      if (t && t.status === 'disabled') {
        return { status: 'fail', causeId: 'expiry.repository-token-disabled', evidence: { ...evidence, tokenStatus: 'disabled' }, fixParams: { tokenName: t.name }, message: msg('The repository-scoped token {name} is disabled, so the registry refuses its passwords.', { name: t.name }) };
      }
      if (t && t.passwords.length && t.passwords.every((p) => p.expiry && p.expiry.getTime() <= now.getTime())) {
        const dates = t.passwords.map((p) => `${p.name} expired ${isoDate(p.expiry!)} (${renderMessage(relative(p.expiry!, now))})`).join('; ');
        return {
          status: 'fail', causeId: 'expiry.repository-token-password', fixParams: { tokenName: t.name },
          evidence: { ...evidence, passwordExpiry: t.passwords.map((p) => `${p.name}: ${isoDate(p.expiry!)}`) },
          message: msg('Every password of the repository-scoped token {name} has expired: {dates}.', { name: t.name, dates }),
        };
      }
    }
    if (cred.kind === 'exposedToken' && cred.username !== EXPOSED_TOKEN_USER) {
      const exp = claimDate(decodeJwt(cred.password), 'exp');
      return {
        status: 'fail', causeId: 'credentials.exposed-token-username', evidence: { ...evidence, tokenExpires: exp ? isoDate(exp) : undefined },
        message: clientCommand(ctx.env) === 'docker'
          ? msg('A token from az acr login --expose-token must be used with the user name {EXPOSED_TOKEN_USER}, not "{username}"; docker login fails with "unauthorized: authentication required".', { EXPOSED_TOKEN_USER, username: cred.username })
          : msg('A token from az acr login --expose-token must be used with the user name {EXPOSED_TOKEN_USER}, not "{username}"; {tool} login is refused with any other.', { EXPOSED_TOKEN_USER, username: cred.username, tool: clientCommand(ctx.env) }),
      };
    }
    if (cred.kind === 'exposedToken') {
      const exp = claimDate(decodeJwt(cred.password), 'exp');
      if (exp && exp.getTime() <= now.getTime()) {
        return { status: 'fail', causeId: 'expiry.aad-token-expired', evidence: { ...evidence, tokenExpires: isoDate(exp) }, message: msg('The exposed token expired at {isoDate} ({relative}); such tokens live 3 hours. Run az acr login --expose-token again.', { isoDate: isoDate(exp), relative: relative(exp, now) }) };
      }
    }

    return tryLogin(ctx, evidence, cred);
  },
};

/** A user name + password given without a kind (the CLI's --username): ARM tells the admin user and repository tokens apart. */
function knownKind<C extends { kind: string; username: string }>(cred: C, facts: RegistryFacts | undefined): C {
  if (cred.kind !== 'basic') return cred;
  if (facts?.registry && cred.username.toLowerCase() === facts.registry.name.toLowerCase()) return { ...cred, kind: 'admin' };
  if (facts?.tokens?.some((t) => t.name === cred.username)) return { ...cred, kind: 'repositoryToken' };
  return cred;
}

async function tryLogin(ctx: CheckContext, evidence: Record<string, string | number | boolean | undefined>, cred = ctx.env.credentials!): Promise<Outcome> {
  const net = acrNet(ctx);
  const repo = repositoryOf(ctx);
  const ch = await fetchChallenge(net);
  if (!ch.ok) return { status: 'warn', causeId: ch.realmRefused ? 'network.challenge-invalid' : undefined, message: msg('The login could not start: {reason}.', { reason: ch.reason }), evidence };
  const scope = scopeFor(repo, ['pull', 'push']);
  const res = await accessTokenWithPassword(net, ch.tokenUrl, cred.username, cred.password, scope);
  if (res.ok) {
    const claims = decodeJwt(res.accessToken);
    const sub = cred.kind === 'exposedToken' ? decodeJwt(cred.password)?.sub : undefined;
    const principalId = typeof sub === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sub) ? sub.toLowerCase() : undefined;
    const data: ExplicitLoginData = { kind: cred.kind, username: cred.username, access: accessClaim(claims), repository: repo, accessExpires: claimDate(claims, 'exp'), tokenName: cred.kind === 'repositoryToken' ? cred.username : undefined, principalId,
      tokenExpires: cred.kind === 'exposedToken' ? claimDate(decodeJwt(cred.password), 'exp') : undefined };
    return { status: 'pass', message: msg('The registry accepts {who}.', { who: credentialLabel(cred.kind, cred.username) }), evidence: { ...evidence, scope }, data };
  }
  const ev = { ...evidence, status: res.status, registrySays: res.reason };
  if (res.netError) return { status: 'warn', message: msg('The login got no answer: {reason}.', { reason: res.reason }), evidence: ev };
  if (res.status === 429) return { status: 'fail', causeId: 'network.throttled', message: msg('The registry throttles logins (429): {reason}.', { reason: res.reason }), evidence: ev };
  if (res.status !== 401 && res.status !== 403) {
    return { status: 'fail', causeId: 'credentials.access-token-failed', message: msg('The registry\'s token service failed ({status}): {reason}.', { status: String(res.status), reason: res.reason }), evidence: ev };
  }
  if (cred.kind === 'servicePrincipal') return servicePrincipalRefused(ctx, ev, res.reason);
  return {
    status: 'fail', causeId: 'credentials.invalid', evidence: ev,
    message: msg('The registry refuses {who} ({reason}).', { who: credentialLabel(cred.kind, cred.username), reason: res.reason }),
  };
}

/** Ask Entra ID why a service principal's secret is refused: wrong, or expired. */
async function servicePrincipalRefused(ctx: CheckContext, ev: Record<string, string | number | boolean | undefined>, reason: string): Promise<Outcome> {
  const cred = ctx.env.credentials!;
  const az = ctx.env.azure;
  const fixParams = { clientId: cred.username };
  if (az?.tenantId) {
    try {
      const c = new ClientSecretCredential(az.tenantId, cred.username, cred.password, {
        authorityHost: az.authorityHost, disableInstanceDiscovery: !!az.authorityHost && !/login\.microsoftonline\.com/i.test(az.authorityHost),
      });
      await c.getToken(armScope(az), { abortSignal: ctx.signal });
    } catch (e) {
      const f = classifyAadError(e);
      if (f.causeId === 'expiry.service-principal-secret') {
        return { status: 'fail', causeId: f.causeId, fixParams, evidence: { ...ev, aadError: f.code }, message: msg('The service principal {username}\'s client secret has expired: Entra ID says {message}', { username: cred.username, message: f.message }) };
      }
      return { status: 'fail', causeId: 'credentials.service-principal-invalid', fixParams, evidence: { ...ev, aadError: f.code }, message: msg('Microsoft Entra ID refuses the service principal {username} with this secret ({code}); the registry says: {reason}.', { username: cred.username, code: f.code ?? msg('no code'), reason }) };
    }
  }
  return {
    status: 'fail', causeId: 'credentials.service-principal-invalid', fixParams, evidence: ev,
    message: msg('The registry refuses the service principal {username} ({reason}): use the application (client) ID as user name and a valid client secret, in the registry\'s tenant.', { username: cred.username, reason }),
  };
}

