// A spoofed /v2/ challenge (realm on another host) must not make any credential leave: not the
// stored docker password, not the given credentials, not an Entra token. A real TLS server on the
// namespace's 127.0.0.1:443 plays the login server and records every request; the realm's host
// resolves to it too, so a request there would be seen.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AccessToken } from '@azure/core-auth';
import { runDiagnosis } from '../../../src/core/engine/runner';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { getCause } from '../../../src/core/catalogue/index';
import { LOGIN_CHECKS } from '../../../src/core/checks/login/index';
import { proxyCheck, dnsCheck, tcpCheck, tlsCheck } from '../../../src/core/checks/network/client-path';
import { challengeCheck } from '../../../src/core/checks/network/challenge';
import { accessTokenWithPassword, exchangeAadToken, fetchChallenge } from '../../../src/core/acr/token-flow';

const LOGIN = 'contoso.azurecr.io';
const EVIL = 'contoso.azurecr.io.evil.test';
const PASSWORD = 'stored-password-9f8e7d';
const GIVEN = 'given-password-1a2b3c';
const AAD = 'eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ0In0.aad-token-secret';

describe('realm guard with a spoofed challenge (integration)', function () {
  this.timeout(60000);
  let dir: string;
  let server: https.Server;
  let ca: string;
  const seen: { host?: string; path?: string; authorization?: string; body: string }[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'realm-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${LOGIN}`,
      '-addext', `subjectAltName=DNS:${LOGIN},DNS:${EVIL}`, '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem')], { stdio: 'ignore' });
    ca = fs.readFileSync(path.join(dir, 'c.pem'), 'utf8');
    server = https.createServer({ key: fs.readFileSync(path.join(dir, 'k.pem')), cert: ca }, (req, res) => {
      let body = '';
      req.on('data', (b) => { body += b; });
      req.on('end', () => {
        seen.push({ host: req.headers.host, path: req.url, authorization: req.headers.authorization, body });
        res.writeHead(401, { 'www-authenticate': `Bearer realm="https://${EVIL}/oauth2/token",service="${LOGIN}"`, 'content-type': 'application/json' });
        res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
      });
    });
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(443, '127.0.0.1', resolve); });
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const net = () => ({ loginServer: LOGIN, resolve: { [LOGIN]: '127.0.0.1', [EVIL]: '127.0.0.1' }, extraCaPem: [ca], proxy: {}, timeoutMs: 4000 });

  it('the token flows refuse the realm and send nothing to it (integration)', async () => {
    const ch = await fetchChallenge(net());
    assert.equal(ch.ok, false);
    assert.equal(!ch.ok && ch.realmRefused, true);
    const r1 = await accessTokenWithPassword(net(), `https://${EVIL}/oauth2/token`, 'u', GIVEN, 'repository:hello:pull');
    assert.equal(r1.ok, false);
    const r2 = await exchangeAadToken(net(), `https://${EVIL}/oauth2/token`, AAD, 't');
    assert.equal(r2.ok, false);
    assert.ok(seen.every((s) => s.host === LOGIN && s.path === '/v2/' && !s.authorization), JSON.stringify(seen));
  });

  it('a whole diagnosis with a stored docker login, given credentials and an Entra identity sends no credential (integration)', async () => {
    seen.length = 0;
    const cfgDir = path.join(dir, 'docker');
    fs.mkdirSync(cfgDir, { recursive: true });
    fs.writeFileSync(path.join(cfgDir, 'config.json'), JSON.stringify({ auths: { [LOGIN]: { auth: Buffer.from(`contoso:${PASSWORD}`).toString('base64') } } }));
    const credential = { getToken: async (): Promise<AccessToken> => ({ token: AAD, expiresOnTimestamp: Date.now() + 3600_000 }) };
    const env: DiagnoseEnvironment = {
      proxy: {}, resolve: net().resolve, extraCaPem: [ca], dockerConfigDir: cfgDir, dockerHost: 'unix:///nonexistent.sock',
      credentials: { kind: 'admin', username: 'contoso', password: GIVEN }, repository: 'hello', operation: 'pull',
      azure: { credential, armEndpoint: 'https://management.invalid', tenantId: 't', subscriptionId: 's' },
      now: () => new Date(),
    };
    const report = await runDiagnosis([proxyCheck, dnsCheck, tcpCheck, tlsCheck, challengeCheck, ...LOGIN_CHECKS], parseRegistryInput(LOGIN), env, { budgetMs: 15000, causeOf: getCause });
    assert.ok(seen.length > 0, 'the login server was asked');
    for (const s of seen) {
      assert.equal(s.host, LOGIN);
      assert.equal(s.authorization, undefined, `a credential was sent to ${s.host}${s.path}`);
      assert.ok(!s.body.includes(PASSWORD) && !s.body.includes(GIVEN) && !s.body.includes(AAD), 'a credential in a request body');
    }
    const json = JSON.stringify(report);
    for (const secret of [PASSWORD, GIVEN, AAD]) assert.ok(!json.includes(secret), 'a secret in the report');
    assert.ok(report.causes.some((c) => c.causeId === 'network.challenge-invalid'), JSON.stringify(report.causes));
  });
});
