// A fake registry token service for the login checks, on the loopback world of the security tests
// (HTTPS with a test CA behind a CONNECT proxy): GET /v2/ challenges, /oauth2/exchange swaps an
// Entra token for a refresh token, /oauth2/token issues access tokens (Basic user + password, a
// refresh token, or nothing for an anonymous pull). Every token is a JWT whose access claim is
// what `grants` says.
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import { LOGIN, startHostileWorld, type HostileWorld } from '../../security/loopback-acr';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A JWT with the given claims (unsigned: the checks read claims, the registry checks signatures). */
export function jwt(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.c2ln`;
}

export interface FakeAcrRules {
  /** user name → password the registry accepts with Basic auth. */
  users: Record<string, string>;
  /** Refresh tokens the registry accepts. */
  refreshTokens: string[];
  /** Entra tokens /oauth2/exchange accepts (the refresh token it gives is `refresh:<token>`). */
  aadTokens: string[];
  anonymousPull: boolean;
  /** Actions granted on the asked repository to anyone the registry accepts. */
  grants: string[];
  /** Status for every /oauth2 request (a broken token service), instead of the rules above. */
  tokenStatus?: number;
  /** Status for POST /oauth2/token only (the exchange still works). */
  accessStatus?: number;
  /** The /v2/ answer's realm host (default: the login server). */
  realmHost?: string;
  /** Answers for other paths (the registry API: tags, manifests, blobs); true when it answered. */
  api?: (url: URL, res: import('node:http').ServerResponse) => boolean;
}

export interface FakeAcr {
  world: HostileWorld;
  rules: FakeAcrRules;
  /** What a check's environment needs to reach the fake registry. */
  env: Pick<DiagnoseEnvironment, 'proxy' | 'extraCaPem'>;
  reset(): void;
  close(): Promise<void>;
}

const defaults = (): FakeAcrRules => ({ users: {}, refreshTokens: [], aadTokens: [], anonymousPull: false, grants: ['pull'] });

export async function startFakeAcr(): Promise<FakeAcr> {
  const world = await startHostileWorld();
  const acr: FakeAcr = {
    world, rules: defaults(),
    env: { proxy: { httpsProxy: world.proxyUrl }, extraCaPem: [world.pki.caPem] },
    reset() { acr.rules = defaults(); world.seen.length = 0; },
    close: () => world.close(),
  };
  world.handler = (req, body, res) => {
    const url = new URL(req.url ?? '/', `https://${LOGIN}`);
    const r = acr.rules;
    const send = (status: number, o: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(o)); };
    const refuse = () => send(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] });
    if (url.pathname === '/v2/') {
      res.writeHead(401, { 'www-authenticate': `Bearer realm="https://${r.realmHost ?? LOGIN}/oauth2/token",service="${LOGIN}"` });
      res.end();
      return;
    }
    if (r.tokenStatus) { send(r.tokenStatus, { errors: [{ code: 'ERROR', message: `status ${r.tokenStatus}` }] }); return; }
    const form = new URLSearchParams(body);
    const scope = url.searchParams.get('scope') ?? form.get('scope') ?? '';
    const repo = /^repository:([^:]+):/.exec(scope)?.[1];
    const access = repo ? [{ type: 'repository', name: repo, actions: r.grants }] : [];
    const accessToken = () => jwt({ access, exp: Math.floor(Date.now() / 1000) + 3600 });
    if (url.pathname === '/oauth2/exchange') {
      const aad = form.get('access_token') ?? '';
      if (!r.aadTokens.includes(aad)) { refuse(); return; }
      send(200, { refresh_token: jwt({ sub: 'refresh', exp: Math.floor(Date.now() / 1000) + 3 * 3600, t: aad.slice(-6) }) });
      return;
    }
    if (url.pathname === '/oauth2/token' && req.method === 'POST') {
      if (r.accessStatus) { send(r.accessStatus, { errors: [{ code: 'DENIED', message: `status ${r.accessStatus}` }] }); return; }
      const refresh = form.get('refresh_token') ?? '';
      if (!(r.refreshTokens.includes(refresh) || (r.aadTokens.length && /"sub":"refresh"/.test(Buffer.from(refresh.split('.')[1] ?? '', 'base64url').toString())))) { refuse(); return; }
      send(200, { access_token: accessToken() });
      return;
    }
    if (url.pathname === '/oauth2/token') {
      const auth = String(req.headers.authorization ?? '');
      if (!auth) { if (r.anonymousPull) send(200, { access_token: accessToken() }); else refuse(); return; }
      const [user, ...rest] = Buffer.from(auth.replace(/^Basic /i, ''), 'base64').toString().split(':');
      if (r.users[user] !== undefined && r.users[user] === rest.join(':')) send(200, { access_token: accessToken() });
      else refuse();
      return;
    }
    if (r.api?.(url, res)) return;
    send(404, { errors: [{ code: 'NOT_FOUND', message: url.pathname }] });
  };
  return acr;
}
