// The simulator's Entra with the real @azure/identity ClientSecretCredential: tokens for ARM and
// ACR audiences, the AADSTS errors a broken service principal gets, and token verification.
import { strict as assert } from 'node:assert';
import { DEFAULT_IDS } from '../../../sandbox/arm/state';
import { verifyAccessToken, identityOracle, decodeAccessToken } from '../../../sandbox/arm/entra';
import { credentialFromEnvironment, signedInIdentity, isMicrosoftAuthority, armAccessFromEnvironment } from '../../../src/core/azure/credential';
import { listSubscriptions } from '../../../src/core/azure/list-subscriptions';
import { AzureAccessError, toAzureError } from '../../../src/core/azure/errors';
import { addPrincipal, startFixture, testPki, type Fixture } from './simulator-fixture';

describe('azure: Entra simulator with the real ClientSecretCredential', function () {
  this.timeout(60_000);
  let f: Fixture;
  afterEach(async () => { await f?.stop(); });

  const cred = (fx: Fixture, clientId: string, secret: string, tenant: string = DEFAULT_IDS.tenantId) => credentialFromEnvironment({
    AZURE_TENANT_ID: tenant, AZURE_CLIENT_ID: clientId, AZURE_CLIENT_SECRET: secret, AZURE_AUTHORITY_HOST: fx.sim.url,
  }, { extraCaPem: [testPki().caPem] }).credential;

  it('issues an ARM token whose claims name the service principal, and the ACR audience on request', async () => {
    f = await startFixture();
    const who = await signedInIdentity(f.azure);
    assert.equal(who.principalId, DEFAULT_IDS.spObjectId);
    assert.equal(who.tenantId, DEFAULT_IDS.tenantId);
    assert.equal(who.appId, DEFAULT_IDS.spAppId);
    assert.ok(who.expiresOn.getTime() > Date.now());
    const acr = await cred(f, DEFAULT_IDS.spAppId, f.secret).getToken('https://containerregistry.azure.net/.default');
    const v = verifyAccessToken(f.state, acr!.token, { audiences: ['https://containerregistry.azure.net'] });
    assert.ok(v.ok);
    assert.equal(v.claims.oid, DEFAULT_IDS.spObjectId);
    // The oracle the ACR front uses accepts it; a tampered token is refused.
    const oracle = identityOracle(f.state);
    assert.deepEqual(await oracle.verifyAccessToken(acr!.token), { ok: true, principalId: DEFAULT_IDS.spObjectId, tenantId: DEFAULT_IDS.tenantId, audience: 'https://containerregistry.azure.net' });
    const [h, p] = acr!.token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...decodeAccessToken(acr!.token), oid: 'someone-else' })).toString('base64url')}.${acr!.token.split('.')[2]}`;
    assert.equal((await oracle.verifyAccessToken(forged)).ok, false);
    assert.ok(p);
    // Issued tokens are known to the leak scans.
    assert.ok(f.state.issuedTokens.includes(acr!.token));
  });

  it('refuses an expired client secret with AADSTS7000222, and the SDK error becomes a typed one', async () => {
    f = await startFixture();
    const old = addPrincipal(f.state, 'old-sp', [{ role: 'Reader', scope: `/subscriptions/${DEFAULT_IDS.subscriptionId}` }], { secretEnd: new Date(Date.now() - 86_400_000) });
    const c = cred(f, old.appId, old.secret);
    const err = await c.getToken('https://management.azure.com/.default').then(() => undefined, (e: unknown) => e);
    assert.ok(err, 'getToken must fail');
    const typed = toAzureError(err, 'sign in');
    assert.equal(typed.kind, 'unauthenticated');
    assert.equal(typed.code, 'AADSTS7000222');
    assert.match(typed.message, /client secret keys for app '[0-9a-f-]+' are expired/);
    assert.ok(!typed.message.includes(old.secret));
    // Through a core function the same failure arrives as AzureAccessError.
    await assert.rejects(listSubscriptions(f.accessAs(DEFAULT_IDS.tenantId, old.appId, old.secret)), (e: unknown) => e instanceof AzureAccessError && e.kind === 'unauthenticated' && e.code === 'AADSTS7000222');
  });

  it('refuses a wrong secret (AADSTS7000215), an unknown app (AADSTS700016) and an unknown tenant (AADSTS90002 → MSAL endpoints_resolution_error)', async () => {
    f = await startFixture();
    const codeOf = async (clientId: string, secret: string, tenant?: string) => {
      const e = await cred(f, clientId, secret, tenant).getToken('https://management.azure.com/.default').then(() => undefined, (x: unknown) => x);
      return toAzureError(e, 'sign in').code;
    };
    assert.equal(await codeOf(DEFAULT_IDS.spAppId, 'not-the-secret'), 'AADSTS7000215');
    assert.equal(await codeOf('11111111-2222-4333-8444-555555555555', 'x'), 'AADSTS700016');
    assert.equal(await codeOf(DEFAULT_IDS.spAppId, f.secret, '99999999-9999-4999-8999-999999999999'), 'endpoints_resolution_error');
    const discovery = f.sim.handler.calls.find((c) => c.path.startsWith('/99999999-9999-4999-8999-999999999999/'));
    assert.equal(discovery?.status, 400, 'Entra answered the unknown tenant with 400 (AADSTS90002)');
  });

  it('ARM refuses tokens that are expired, forged or for another audience, with ARM\'s error codes', async () => {
    f = await startFixture();
    const call = async (token: string) => {
      const res = await fetchWithCa(f, `${f.sim.url}/subscriptions?api-version=2022-12-01`, { authorization: `Bearer ${token}` });
      return { status: res.status, body: JSON.parse(res.body) as { error?: { code?: string } }, www: res.www };
    };
    const good = await cred(f, DEFAULT_IDS.spAppId, f.secret).getToken('https://management.azure.com/.default');
    assert.equal((await call(good!.token)).status, 200);
    f.state.accessTokenLifetimeSeconds = -10;
    const expired = await cred(f, DEFAULT_IDS.spAppId, f.secret).getToken('https://containerregistry.azure.net/.default');
    const r1 = await call(expired?.token ?? 'x');
    assert.equal(r1.status, 401);
    assert.match(String(r1.body.error?.code), /ExpiredAuthenticationToken|InvalidAuthenticationTokenAudience/);
    f.state.accessTokenLifetimeSeconds = 3600;
    const acr = await cred(f, DEFAULT_IDS.spAppId, f.secret).getToken('https://containerregistry.azure.net/.default');
    const r2 = await call(acr!.token);
    assert.equal(r2.status, 401);
    assert.equal(r2.body.error?.code, 'InvalidAuthenticationTokenAudience');
    const r3 = await call('eyJhbGciOiJub25lIn0.eyJvaWQiOiJ4In0.');
    assert.equal(r3.status, 401);
    assert.equal(r3.body.error?.code, 'InvalidAuthenticationToken');
    assert.match(String(r3.www), /Bearer authorization_uri=/);
  });

  it('builds the credential from the environment the way the CLI and the sandbox set it', () => {
    assert.equal(isMicrosoftAuthority('https://login.microsoftonline.com'), true);
    assert.equal(isMicrosoftAuthority('https://login.sandbox.test'), false);
    const a = armAccessFromEnvironment({
      AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's', AZURE_AUTHORITY_HOST: 'https://login.sandbox.test',
      ACR_DOCTOR_ARM_ENDPOINT: 'https://management.sandbox.test/',
    });
    assert.equal(a.source, 'service-principal');
    assert.equal(a.armEndpoint, 'https://management.sandbox.test');
    assert.equal(a.armScope, 'https://management.sandbox.test/.default', 'a custom endpoint gets its own audience unless opted in');
    const optedIn = armAccessFromEnvironment({
      AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's', AZURE_AUTHORITY_HOST: 'https://login.sandbox.test',
      ACR_DOCTOR_ARM_ENDPOINT: 'https://management.sandbox.test/', ACR_DOCTOR_ALLOW_CUSTOM_ENDPOINT_AUDIENCE: '1',
    });
    assert.equal(optedIn.armScope, 'https://management.azure.com/.default');
    assert.equal(optedIn.allowCustomEndpointAudience, true);
    const china = armAccessFromEnvironment({ ACR_DOCTOR_ARM_ENDPOINT: 'https://management.chinacloudapi.cn' }, { preferAzureCli: true });
    assert.equal(china.source, 'azure-cli');
    assert.equal(china.armScope, 'https://management.chinacloudapi.cn/.default');
  });
});

import * as https from 'node:https';
function fetchWithCa(f: Fixture, url: string, headers: Record<string, string>): Promise<{ status: number; body: string; www?: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { headers, ca: testPki().caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), www: res.headers['www-authenticate'] }));
    });
    req.on('error', reject);
    req.end();
    void f;
  });
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { addCertificateCredential } from '../../../sandbox/arm/state';

describe('azure: certificate credentials against the Entra simulator', function () {
  this.timeout(60_000);
  let f: Fixture;
  afterEach(async () => { await f?.stop(); });

  function rsaCert(name: string, days: number): { certPem: string; keyPem: string; file: string } {
    const dir = testPki().dir;
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', String(days), '-subj', `/CN=${name}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    const certPem = fs.readFileSync(path.join(dir, `${name}.crt`), 'utf8');
    const keyPem = fs.readFileSync(path.join(dir, `${name}.key`), 'utf8');
    const file = path.join(dir, `${name}.pem`);
    fs.writeFileSync(file, `${keyPem}${certPem}`);
    return { certPem, keyPem, file };
  }

  it('ClientCertificateCredential signs in with a registered certificate; an unknown or expired one gets AADSTS700027', async () => {
    f = await startFixture();
    const sp = f.state.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === DEFAULT_IDS.tenantId)!;
    const good = rsaCert('sp-cert', 30);
    const cert = addCertificateCredential(sp, good.certPem);
    const env = (file: string) => ({ AZURE_TENANT_ID: DEFAULT_IDS.tenantId, AZURE_CLIENT_ID: DEFAULT_IDS.spAppId, AZURE_CLIENT_CERTIFICATE_PATH: file, AZURE_AUTHORITY_HOST: f.sim.url });
    const ok = credentialFromEnvironment(env(good.file), { extraCaPem: [testPki().caPem] });
    assert.equal(ok.source, 'service-principal');
    const t = await ok.credential.getToken('https://management.azure.com/.default');
    assert.equal(decodeAccessToken(t!.token)?.oid, DEFAULT_IDS.spObjectId);
    const stranger = rsaCert('stranger', 30);
    const e1 = await credentialFromEnvironment(env(stranger.file), { extraCaPem: [testPki().caPem] }).credential.getToken('https://management.azure.com/.default').then(() => undefined, (e: unknown) => e);
    assert.equal(toAzureError(e1, 'sign in').code, 'AADSTS700027');
    cert.endDateTime = new Date(Date.now() - 1000).toISOString();
    const e2 = await credentialFromEnvironment(env(good.file), { extraCaPem: [testPki().caPem] }).credential.getToken('https://management.azure.com/.default').then(() => undefined, (e: unknown) => e);
    const typed = toAzureError(e2, 'sign in');
    assert.equal(typed.code, 'AADSTS700027');
    assert.match(typed.message, /expired/);
  });
});
