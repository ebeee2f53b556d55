// The credential docker would send for this registry (credHelpers → credsStore → auths), tried
// against the registry's token service the way the daemon uses it. A refused one is stale
// (docker logout + login again); with anonymous pull enabled, a stale one also blocks the
// anonymous pull the user expects (the seed: run `docker logout` first).
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import { settledData } from '../../engine/context';
import { credentialSourceFor } from '../../docker/config';
import { runCredentialHelper, type HelperResult } from '../../docker/credential-helper';
import {
  accessTokenFromRefresh, accessTokenWithPassword, fetchChallenge, scopeFor, EXPOSED_TOKEN_USER,
} from '../../acr/token-flow';
import { accessClaim, claimDate, decodeJwt, type AccessEntry } from '../../acr/jwt';
import { targetOperation } from '../../engine/target';
import { clientCommand, clientFixParams } from '../../docker/client-tool';
import { anonymousPullAllowed } from './anonymous';
import { LOGIN, NET_CHALLENGE } from './check-ids';
import { acrNet, repositoryOf } from './token-requests';
import { isoDate, relative } from '../../text/dates';
import { msg, renderMessage } from '../../text/message';

export interface StoredCredentialData {
  source: 'none' | 'file' | 'helper';
  username?: string;
  works?: boolean;
  /** The credential itself, for the pull test (never put in evidence). */
  secret?: string;
  identityToken?: boolean;
  /** What the registry's token grants (the JWT's access claim) on `repository`, when it was accepted. */
  access?: AccessEntry[];
  repository?: string;
  /** The stored user is one of the registry's repository-scoped tokens (ARM lists it). */
  tokenName?: string;
  /** When a stored ACR token (identity token, exposed token) stops working. */
  expires?: Date;
}

export const storedCredentialCheck: Check = {
  id: LOGIN.storedCredential,
  area: 'login',
  title: 'Credential stored by docker login',
  needs: [LOGIN.dockerConfig, NET_CHALLENGE],
  // ARM's registry facts only explain a refused credential: try it first.
  awaits: [LOGIN.registry],
  timeoutMs: 8000,
  async run(ctx) {
    const cfg = ctx.data(LOGIN.dockerConfig)!;
    const login = ctx.target.loginServer;
    const tool = clientCommand(ctx.env);
    const src = credentialSourceFor(cfg, login);
    let username: string | undefined;
    let secret: string | undefined;
    let identityToken = false;
    let where: string;
    if (src.kind === 'none') {
      return { status: 'pass', message: msg('{tool} has no stored credential for {login}.', { tool, login }), evidence: { source: 'none' }, data: { source: 'none' } };
    }
    if (src.kind === 'helper') {
      where = `docker-credential-${src.helper}`;
      const r = await runCredentialHelper(src.helper, login, { pathEnv: ctx.env.searchPath, timeoutMs: 4000, signal: ctx.signal });
      if (r.state === 'missing-binary' || r.state === 'timeout' || r.state === 'failed') return helperProblem(r, src.helper, src.via, cfg.file, tool);
      if (r.state === 'not-found') {
        return { status: 'pass', message: msg('{where} holds no credential for {login}.', { where, login }), evidence: { source: 'helper', helper: src.helper }, data: { source: 'helper' } };
      }
      username = r.username; secret = r.secret; identityToken = r.identityToken;
    } else {
      where = cfg.file;
      username = src.entry.username; secret = src.entry.secret; identityToken = src.entry.identityToken;
    }
    if (!secret) {
      return { status: 'pass', message: msg('The stored entry for {login} holds no secret.', { login }), evidence: { source: src.kind }, data: { source: src.kind } };
    }
    return testStored(ctx, { source: src.kind, where, username, secret, identityToken, podman: cfg.owner === 'podman', podmanFile: cfg.owner === 'podman' ? cfg.file : undefined });
  },
};

// A store that will not hand out the login (locked keychain, gpg, no D-Bus session) rather than a broken helper.
const REFUSAL = /user interaction is not allowed|d-?bus|x11|gpg|decrypt|passphrase|logon session|\bis locked\b|keychain is locked|access (?:is )?denied|cancel(?:l?ed)?\b/i;

/** The helper is missing, fails or its store refuses: named, with what it said, and the install line for this platform. */
function helperProblem(r: Exclude<HelperResult, { state: 'found' | 'not-found' }>, helper: string, via: string, file: string, tool: string): CheckOutcome<StoredCredentialData> {
  const platformParam = process.platform === 'darwin' ? 'helperOnMac' : process.platform === 'win32' ? 'helperOnWindows' : 'helperOnLinux';
  const fixParams = { dockerConfigFile: file, helper, [platformParam]: helper };
  const evidence = { helper, program: `docker-credential-${helper}`, via, helperState: r.state };
  if (r.state === 'missing-binary') return { status: 'fail', causeId: 'client.credential-helper-missing', message: r.message, evidence, fixParams };
  // The helper's own words are a param of the message (its output, never translated).
  if (r.state === 'timeout' || REFUSAL.test(renderMessage(r.message))) {
    return { status: 'fail', causeId: 'client.credential-helper-refused', evidence, fixParams, message: msg('The credential store behind docker-credential-{helper} ({via}) does not hand out the login: {why}.', { helper, via, why: r.message }) };
  }
  return { status: 'fail', causeId: 'client.credential-helper-failed', evidence, fixParams, message: msg('docker-credential-{helper} ({via}) fails, so {tool} has no credential to send: {why}.', { helper, via, tool, why: r.message }) };
}

async function testStored(
  ctx: CheckContext,
  c: { source: 'file' | 'helper'; where: string; username?: string; secret: string; identityToken: boolean; podman?: boolean; podmanFile?: string },
): Promise<CheckOutcome<StoredCredentialData>> {
  const login = ctx.target.loginServer;
  const tool = clientCommand(ctx.env);
  const net = acrNet(ctx);
  const repo = repositoryOf(ctx);
  const shownUser = c.identityToken ? '(identity token from az acr login)' : c.username ?? '(none)';
  const evidence = { source: c.source, storedIn: c.where, username: shownUser } as Record<string, string | number | boolean | undefined>;
  const ch = await fetchChallenge(net);
  if (!ch.ok) {
    return { status: 'warn', message: msg('The stored credential could not be tried: {reason}.', { reason: ch.reason }), evidence, data: { source: c.source, username: c.username } };
  }
  // An ACR refresh token (identity token, or the `--expose-token` password) carries its expiry.
  const jwtExp = claimDate(decodeJwt(c.secret), 'exp');
  if (jwtExp) evidence.expires = isoDate(jwtExp);
  // Push rights are asked for only when the user pushes: the pull scope is what docker asks first.
  const scope = scopeFor(repo, targetOperation(ctx.env) === 'push' ? ['pull', 'push'] : ['pull']);
  const res = c.identityToken
    ? await accessTokenFromRefresh(net, ch.tokenUrl, c.secret, scope)
    : await accessTokenWithPassword(net, ch.tokenUrl, c.username ?? '', c.secret, scope);
  const data: StoredCredentialData = { source: c.source, username: c.username, secret: c.secret, identityToken: c.identityToken };
  if (res.ok) {
    // Only a judged docker identity needs to know whether the user is a repository token.
    const facts = ctx.env.identity?.kind === 'docker' ? await settledData(ctx, LOGIN.registry) : undefined;
    const tokenName = !c.identityToken && c.username && facts?.tokens?.some((t) => t.name === c.username) ? c.username : undefined;
    const access = accessClaim(decodeJwt(res.accessToken));
    return { status: 'pass', message: msg('The credential {tool} stored for {login} ({shownUser}) is accepted by the registry.', { tool, login, shownUser }), evidence, data: { ...data, works: true, access, repository: repo, tokenName, expires: jwtExp } };
  }
  if (res.netError || (res.status !== undefined && res.status !== 401 && res.status !== 403)) {
    return { status: 'warn', message: msg('The stored credential could not be tried: {reason}.', { reason: res.reason }), evidence: { ...evidence, status: res.status }, data };
  }
  evidence.status = res.status;
  evidence.registrySays = res.reason;
  const facts = await settledData(ctx, LOGIN.registry);
  const anonymous = facts?.registry?.anonymousPullEnabled ?? (repo ? await anonymousPullAllowed(net, ch.tokenUrl, repo) : false);
  const fixParams = { loginServer: login, ...clientFixParams(ctx.env), ...(c.podmanFile ? { podmanAuthFile: c.podmanFile } : {}) };
  const now = ctx.env.now();
  if (anonymous) {
    return {
      status: 'fail', causeId: 'credentials.anonymous-pull-blocked', evidence: { ...evidence, anonymousPull: true }, fixParams, data: { ...data, works: false },
      message: msg('{login} allows anonymous pull, but {tool} sends the stored credential ({shownUser}) from {where}, which the registry refuses ({reason}); {tool} logout {login} lets the anonymous pull through.', { tool, login, shownUser, where: c.where, reason: res.reason }),
    };
  }
  if (jwtExp && jwtExp.getTime() <= now.getTime()) {
    return {
      status: 'fail', causeId: 'expiry.aad-token-expired', evidence, fixParams: { ...fixParams, expiredAt: isoDate(jwtExp) }, data: { ...data, works: false },
      message: msg('The token {tool} stored for {login} expired at {isoDate} ({relative}); ACR tokens live 3 hours. Log in again.', { tool, login, isoDate: isoDate(jwtExp), relative: relative(jwtExp, now) }),
    };
  }
  if (c.podman) {
    return {
      status: 'fail', causeId: 'client.podman-auth-stale', evidence: { ...evidence, client: 'podman' }, fixParams, data: { ...data, works: false },
      message: msg('The login podman stored for {login} (user {user}, in {where}) is refused by the registry ({reason}); podman sends it with every pull and push.', { login, user: shownUser, where: c.where, reason: res.reason }),
    };
  }
  if (c.username === EXPOSED_TOKEN_USER || c.identityToken) {
    return {
      status: 'fail', causeId: 'credentials.stale-docker-credential', evidence, fixParams, data: { ...data, works: false },
      message: msg('The token {tool} stored for {login} is refused by the registry ({reason}). Log in again with az acr login.', { tool, login, reason: res.reason }),
    };
  }
  return {
    status: 'fail', causeId: 'credentials.stale-docker-credential', evidence, fixParams, data: { ...data, works: false },
    message: msg('The credential {tool} stored for {login} (user {shownUser}, in {where}) is refused by the registry ({reason}); {tool} uses it for every push and pull.', { tool, login, shownUser, where: c.where, reason: res.reason }),
  };
}
