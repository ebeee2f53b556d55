// The peer, for real: Debian's azure-cli signs in to the sandbox's Entra/ARM simulator (custom
// cloud, service principal) and `az acr check-health` then takes the login server from ARM and runs
// the challenge, the Entra → ACR refresh token exchange and the access token against the sandbox's
// registry front — no error in the healthy world, its documented codes for injected faults.
import { strict as assert } from 'node:assert';
import type { SandboxWorld } from '../../../sandbox/world';
import { getSeededWorld } from '../sandbox/shared-world';
import { azAccount, azBinary, azCheckHealth, azFailure, azSignIn, azVerdict, parseCheckHealthCodes } from './az-check-health';

describe('az acr check-health signed in to the sandbox (integration)', function () {
  this.timeout(180_000);
  let w: SandboxWorld;
  before(async function () {
    this.timeout(300_000);
    assert.ok(azBinary(), 'az is not installed: scripts/setup.sh installs the Debian package azure-cli');
    w = await getSeededWorld();
    await w.apply('healthy');
  });

  it('az login --service-principal to the custom cloud AcrSandbox: MSAL instance discovery, tenant discovery, token, subscriptions (integration)', async () => {
    const s = await azSignIn(w);
    assert.ok(s.signedIn, `az could not sign in: ${s.loginError}`);
    const account = await azAccount(w);
    assert.equal(account.id, w.azure.subscriptionId);
    assert.equal(account.tenantId, w.azure.tenantId);
    assert.equal(account.environmentName, 'AcrSandbox');
    assert.deepEqual(account.user, { name: w.azure.clientId, type: 'servicePrincipal' });
    // What az asked the simulator while signing in (cloud register, then MSAL-python, then az's subscription list).
    for (const want of [
      /^200 GET management\.sandbox\.test\/metadata\/endpoints$/,
      /^200 GET login\.microsoftonline\.com\/common\/discovery\/instance$/,
      new RegExp(`^200 GET login\\.sandbox\\.test/${w.azure.tenantId}/v2\\.0/\\.well-known/openid-configuration$`),
      new RegExp(`^200 POST login\\.sandbox\\.test/${w.azure.tenantId}/oauth2/v2\\.0/token$`),
      /^200 GET management\.sandbox\.test\/subscriptions$/,
    ]) assert.ok(s.simulatorCalls.some((a) => want.test(a)), `az did not make ${want}:\n${s.simulatorCalls.join('\n')}`);
  });

  it('healthy: check-health finds the login server through ARM, passes challenge, refresh and access token, reports no error (integration)', async () => {
    await w.apply('healthy');
    const before = w.arm.calls.length;
    const r = await azCheckHealth(w, 'contoso', { timeoutMs: 120_000 });
    assert.equal(r.killed, false);
    assert.ok(r.signedIn);
    assert.deepEqual(r.codes, [], `az reported ${r.codes.join(', ')}: ${r.tail}`);
    for (const step of ['DNS lookup to contoso.azurecr.io at IP 192.0.2.20', 'Challenge endpoint https://contoso.azurecr.io/v2/',
      "Fetch refresh token for registry 'contoso.azurecr.io'", "Fetch access token for registry 'contoso.azurecr.io'"]) {
      assert.ok(r.passed.includes(step), `check-health did not pass "${step}": ${r.passed.join(' / ')}`);
    }
    // The login server came from ARM: generic resource list, then GET of the registry.
    const asked = w.arm.calls.slice(before).map((c) => `${c.status} ${c.method} ${c.path}`);
    assert.ok(asked.some((a) => /^200 GET \/subscriptions\/[^/]+\/resources$/.test(a)), asked.join('\n'));
    assert.ok(asked.some((a) => /^200 GET \/subscriptions\/[^/]+\/resourceGroups\/contoso-rg\/providers\/Microsoft\.ContainerRegistry\/registries\/contoso$/.test(a)), asked.join('\n'));
    // The registry front saw az's exchange of its Entra token and its refresh-token grant succeed.
    const events = Object.values(w.state.loginEvents).flat().filter((e) => e.LoginServer === 'contoso.azurecr.io');
    assert.ok(events.some((e) => e.Identity === 'aad-token' && e.ResultType === '200'), JSON.stringify(events));
    assert.ok(events.some((e) => e.Identity === 'refresh-token' && e.ResultType === '200'), JSON.stringify(events));
    for (const s of w.secrets()) assert.ok(!r.tail.includes(s), 'a secret in az output');
  });

  for (const [scenario, code] of [
    ['dns-missing', 'CONNECTIVITY_DNS_ERROR'],
    ['public-access-disabled', 'CONNECTIVITY_FORBIDDEN_ERROR'],
    ['aad-exchange-failed', 'CONNECTIVITY_REFRESH_TOKEN_ERROR'],
  ] as const) {
    it(`${scenario}: check-health reports ${code} (integration)`, async () => {
      const info = await w.apply(scenario);
      assert.equal(info.checkHealthCode, code);
      const r = await azCheckHealth(w, 'contoso', { timeoutMs: 120_000 });
      assert.equal(r.killed, false);
      assert.ok(r.signedIn, 'az is signed in to the sandbox');
      assert.deepEqual(r.codes, [code], `az said: ${r.tail}`);
    });
  }

  after(async () => { if (w) await w.apply('healthy'); });
});

describe('az check-health output parsing', () => {
  it('takes the codes of "An error occurred" lines only, once each, in order', () => {
    const out = [
      'WARNING: DNS lookup to contoso.azurecr.io at IP 192.0.2.20 : OK',
      'ERROR: 2026-12-04 02:46:41.634972 An error occurred: CONNECTIVITY_FORBIDDEN_ERROR',
      "Look at CONNECTIVITY_SSL_ERROR in the docs",
      'ERROR: 2026-12-04 02:46:41.635472 An error occurred: HELM_COMMAND_ERROR',
      'ERROR: 2026-12-04 02:46:41.635472 An error occurred: CONNECTIVITY_FORBIDDEN_ERROR',
    ].join('\n');
    assert.deepEqual(parseCheckHealthCodes(out), ['CONNECTIVITY_FORBIDDEN_ERROR', 'HELM_COMMAND_ERROR']);
    assert.equal(azFailure(out), undefined);
  });

  it("names az's own failure when it stopped on an exception (e.g. ARM behind a dead proxy)", () => {
    const out = [
      'ERROR: 2026-12-04 03:01:45.191735 An error occurred: DOCKER_PULL_ERROR',
      'An error occurred while pulling a sample image.',
      'WARNING: Azure CLI version: 2.45.0',
      "ERROR: ('Cannot connect to proxy.', RemoteDisconnected('Remote end closed connection without response'))",
    ].join('\n');
    assert.match(azFailure(out) ?? '', /^\('Cannot connect to proxy\.'/);
    assert.equal(azVerdict({ codes: ['DOCKER_PULL_ERROR'], killed: false, passed: [], exitCode: 1, ms: 5000, failure: azFailure(out) }),
      "DOCKER_PULL_ERROR; then az failed (exit 1): ('Cannot connect to proxy.', RemoteDisconnected('Remote end closed con");
    assert.equal(azVerdict({ codes: [], killed: true, passed: ['DNS lookup to contoso.azurecr.io at IP 192.0.2.41'], exitCode: null, ms: 30_000 }),
      'hung after "DNS lookup to contoso.azurecr.io", killed at 30 s');
  });
});
