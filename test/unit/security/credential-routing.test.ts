// No credential (password, basic auth, AAD token, refresh token, Docker's stored secret) ever
// reaches a host other than the registry's login server: spoofed realm, realm with another scheme
// or port, token endpoint redirecting elsewhere, a proxy that rewrites the tunnel to another server.
// Real TLS servers and a real CONNECT proxy on loopback; the whole diagnosis runs.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { diagnose } from '../../../src/core/engine/diagnose';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';
import type { DiagnosisReport } from '../../../src/core/engine/types';
import { EVIL, LOGIN, requestCarries, startHostileWorld, type HostileWorld } from './loopback-acr';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const AAD_TOKEN = `eyJhbGciOiJSUzI1NiJ9.${b64url({ oid: '11111111-2222-3333-4444-555555555555', tid: 'tenant-x', exp: Math.floor(Date.now() / 1000) + 3600, aud: 'https://management.azure.com' })}.AadSignaturePlanted123`;
const PASSWORD = 'Pw-Explicit-9f8e7d6c5b4a';
const STORED = 'Pw-Stored-In-Docker-Config-1a2b3c';
const REFRESH = 'Refresh-Token-Issued-By-Registry-77aa88bb';
const ACCESS = `eyJhbGciOiJSUzI1NiJ9.${b64url({ access: [{ type: 'repository', name: 'hello', actions: ['pull'] }], exp: Math.floor(Date.now() / 1000) + 3600 })}.AccessSig`;
const SECRETS = [AAD_TOKEN, PASSWORD, STORED, REFRESH];

// Entra stand-in. The ARM SDK clients (they ask with a scope array) get no token, so ARM is
// skipped at once instead of retrying an unreachable endpoint; the login flow (one scope string) gets one.
const credential: TokenCredential = {
  getToken: async (scopes): Promise<AccessToken> => {
    if (Array.isArray(scopes)) throw Object.assign(new Error('ARM is not part of this test'), { name: 'CredentialUnavailableError' });
    return { token: AAD_TOKEN, expiresOnTimestamp: Date.now() + 3600_000 };
  },
};

describe('security: credentials go only to the login server', function () {
  this.timeout(60_000);
  let w: HostileWorld;
  let dir: string;
  before(async () => { w = await startHostileWorld(); dir = mkdtempSync(join(tmpdir(), 'acrdoc-sec-')); });
  after(async () => { await w.close(); rmSync(dir, { recursive: true, force: true }); });
  beforeEach(() => { w.seen.length = 0; w.connects.length = 0; w.rewrite = false; });

  function env(): DiagnoseEnvironment {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [LOGIN]: { auth: Buffer.from(`admin:${STORED}`).toString('base64') }, [EVIL]: { auth: Buffer.from('x:y').toString('base64') } } }));
    return {
      proxy: { httpsProxy: w.proxyUrl },
      // Direct paths (compared with the proxy's) go nowhere: nothing listens on 127.0.0.1:443.
      resolve: { [LOGIN]: '127.0.0.1', [EVIL]: '127.0.0.1', 'management.sandbox.test': '127.0.0.1' },
      dockerConfigDir: dir,
      dockerHost: `unix://${join(dir, 'no-docker.sock')}`,
      searchPath: '/nonexistent',
      extraCaPem: [w.pki.caPem],
      credentials: { kind: 'basic', username: 'admin', password: PASSWORD },
      // ARM itself is out of reach (closed port): the AAD flow still runs from the challenge.
      azure: { credential, armEndpoint: 'https://127.0.0.1:1', tenantId: 'tenant-x', subscriptionId: '00000000-0000-0000-0000-000000000001', principalId: '11111111-2222-3333-4444-555555555555' },
      repository: 'hello',
      now: () => new Date(),
    };
  }

  /** The registry as ACR would be, except for what the test changes. */
  function registry(realm: string, tokenAnswer?: (path: string) => { status: number; headers?: Record<string, string>; body?: string }) {
    w.handler = (req, _body, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/v2/' || path === '/v2') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="${LOGIN}"`, 'content-type': 'application/json' });
        res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
        return;
      }
      if (path.startsWith('/oauth2/')) {
        const a = tokenAnswer?.(path) ?? { status: 200, body: JSON.stringify(path.endsWith('exchange') ? { refresh_token: REFRESH } : { access_token: ACCESS, token: ACCESS }) };
        res.writeHead(a.status, { 'content-type': 'application/json', ...(a.headers ?? {}) });
        res.end(a.body ?? '');
        return;
      }
      res.writeHead(404); res.end();
    };
  }

  function assertNoCredentialLeft(report: DiagnosisReport): void {
    for (const s of w.seen) {
      for (const secret of SECRETS) {
        if (requestCarries(s, secret)) {
          assert.equal(s.host, LOGIN, `a credential went to ${s.host} (${s.method} ${s.path})`);
          assert.equal(s.via, 'good', `a credential went through a rewriting proxy to a server with another certificate (${s.method} ${s.path})`);
        }
      }
    }
    assert.ok(!w.connects.some((c) => c.startsWith(`${EVIL}:`)), `a tunnel was opened to ${EVIL}: ${w.connects.join(', ')}`);
    const out = JSON.stringify(report);
    for (const secret of [...SECRETS, ACCESS]) assert.ok(!out.includes(secret), `the report holds a secret (${secret.slice(0, 12)}…)`);
  }

  it('sanity: with an honest registry the credentials do reach the login server (so the scan below can see them)', async () => {
    registry(`https://${LOGIN}/oauth2/token`);
    const report = await diagnose(LOGIN, env(), { budgetMs: 8000 });
    assertNoCredentialLeft(report);
    const carried = SECRETS.filter((s) => w.seen.some((r) => requestCarries(r, s)));
    assert.ok(carried.includes(AAD_TOKEN), 'the AAD token was exchanged at the login server');
    assert.ok(carried.includes(PASSWORD), 'the explicit password was tried at the login server');
  });

  for (const [what, realm] of [
    ['a spoofed realm on another host', `https://${EVIL}/oauth2/token`],
    ['a realm whose host only starts like the login server', `https://${LOGIN}.${EVIL}/oauth2/token`],
    ['a realm with user info', `https://${LOGIN}@${EVIL}/oauth2/token`],
    ['a realm over plain http', `http://${LOGIN}/oauth2/token`],
    ['a realm on another port of the login server', `https://${LOGIN}:8443/oauth2/token`],
  ] as const) {
    it(`${what}: no credential is sent anywhere, and a finding names the realm`, async () => {
      registry(realm);
      const report = await diagnose(LOGIN, env(), { budgetMs: 8000 });
      assertNoCredentialLeft(report);
      const tokenCalls = w.seen.filter((s) => s.path.startsWith('/oauth2/'));
      assert.deepEqual(tokenCalls.map((s) => `${s.host} ${s.path}`), [], 'nothing was sent to a token endpoint');
      const said = report.findings.map((f) => `${f.message} ${JSON.stringify(f.evidence)}`).join('\n');
      assert.match(said, /realm/i, 'a finding says the realm was refused');
    });
  }

  it('a token endpoint that redirects to another host: the redirect is not followed', async () => {
    registry(`https://${LOGIN}/oauth2/token`, () => ({ status: 307, headers: { location: `https://${EVIL}/oauth2/token?steal=1` } }));
    const report = await diagnose(LOGIN, env(), { budgetMs: 8000 });
    assertNoCredentialLeft(report);
    assert.equal(w.seen.filter((s) => s.host === EVIL).length, 0);
  });

  it('a proxy that rewrites the tunnel to a server with another CA\'s certificate: TLS fails before any credential is sent', async () => {
    registry(`https://${LOGIN}/oauth2/token`);
    w.rewrite = true;
    const report = await diagnose(LOGIN, env(), { budgetMs: 8000 });
    assertNoCredentialLeft(report);
    assert.equal(w.seen.filter((s) => s.via === 'interceptor').length, 0, 'not a single HTTP request reached the interceptor');
    assert.ok(w.connects.length > 0, 'the client did use the proxy');
    assert.ok(report.causes.some((c) => /tls|proxy/.test(c.causeId)), `the interception is reported: ${report.causes.map((c) => c.causeId).join(', ')}`);
  });
});
