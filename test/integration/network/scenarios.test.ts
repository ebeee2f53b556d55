// Every network scenario of the sandbox → the expected cause ranked first, through the real CLI
// against the real front, registry, dockerd, tinyproxy and nft rules; healthy → no failure;
// the black hole ends within the budget; a proxy scenario goes through the real tinyproxy.
// Correctness runs get a 20 s budget (--timeout 20, which also stretches each check's deadline):
// this machine is shared and loaded; speed is measured by `npm run bench`, not here.
import { strict as assert } from 'node:assert';
import type { SandboxWorld } from '../../../sandbox/world';
import { getSeededWorld } from '../sandbox/shared-world';
import { diagnoseJson, runCli, summary } from './cli-run';
import { NETWORK_SUBSCRIPTION_ID } from '../../../sandbox/scenarios/registry-network';

// Each scenario's cause is asserted for every scenario by the fault matrix (test/integration/matrix),
// through the same CLI; this loop runs only when asked (NETWORK_SCENARIOS=a,b or =all) so npm test
// does not diagnose every scenario twice.
const ALL_NETWORK_SCENARIOS = [
  'dns-missing', 'login-server-refused', 'black-hole', 'firewall-drop', 'data-endpoint-blocked', 'replica-data-endpoint-blocked',
  'client-proxy-broken', 'daemon-proxy-missing', 'tls-unknown-ca', 'challenge-invalid', 'throttled',
  'public-access-disabled', 'ip-rule-excludes-client', 'sku-no-network-rules',
  'private-endpoint-dns-public', 'private-endpoint-not-approved', 'private-endpoint-data-dns-missing',
  'service-endpoint-rule-missing', 'resource-provider-unregistered', 'trusted-services-bypass-off', 'cmk-identity-broken',
  'nsg-blocks-registry', 'private-endpoint-nsg-blocks', 'firewall-blocks-data-endpoints', 'aks-firewall-blocks-registry', 'bastion-private-endpoint', 'bastion-tunnel',
];
const wanted = process.env.NETWORK_SCENARIOS;
const NETWORK_SCENARIOS = !wanted ? [] : wanted === 'all' ? ALL_NETWORK_SCENARIOS : wanted.split(',');

describe('network diagnosis of sandbox scenarios (integration)', function () {
  this.timeout(180000);
  let w: SandboxWorld;
  before(async () => { w = await getSeededWorld(); });

  it('healthy: no failure, no cause, exit 0 (integration)', async () => {
    await w.apply('healthy');
    const r = await diagnoseJson(w.clientEnv(), w.loginServer, ['--repository', 'hello', '--only', 'network', '--timeout', '20']);
    const failures = r.report.findings.filter((f) => f.status === 'fail');
    assert.deepEqual(failures.map((f) => f.checkId), [], summary(r.report));
    assert.deepEqual(r.report.causes, [], summary(r.report));
    assert.equal(r.code, 0);
    const redirect = r.report.findings.find((f) => f.checkId === 'net.blob-redirect');
    assert.equal(redirect?.status, 'pass', summary(r.report));
    assert.match(String(redirect?.evidence.redirect), /^https:\/\/contoso\.westeurope\.data\.azurecr\.io\//);
    for (const s of w.secrets()) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), 'no secret of the world in the output');
  });

  for (const name of NETWORK_SCENARIOS) {
    it(`${name}: the expected cause is ranked first (integration)`, async () => {
      const info = await w.apply(name);
      const r = await diagnoseJson(w.clientEnv(), w.loginServer, ['--repository', 'hello', '--timeout', '20']);
      assert.ok(r.report.causes.length > 0, `no cause\n${summary(r.report)}`);
      assert.equal(r.report.causes[0].causeId, info.expectedCause, summary(r.report));
      assert.equal(r.code, 1);
      for (const s of w.secrets()) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), 'no secret of the world in the output');
    });
  }

  it('resource-provider-unregistered: read in the VNet\'s subscription, the fix registers it there (integration)', async () => {
    await w.apply('resource-provider-unregistered');
    const r = await diagnoseJson(w.clientEnv(), w.loginServer, ['--repository', 'hello', '--only', 'network', '--timeout', '20']);
    const first = r.report.causes[0];
    assert.equal(first?.causeId, 'network.resource-provider-unregistered', summary(r.report));
    const commands = first.fixes.map((f) => f.command ?? '');
    assert.ok(commands.includes(`az provider register --namespace Microsoft.ContainerRegistry --subscription ${NETWORK_SUBSCRIPTION_ID}`), commands.join(' | '));
    assert.ok(!commands.some((c) => c.includes(w.azure.subscriptionId)), 'not the registry\'s own subscription');
  });

  it('black hole: the whole diagnosis ends within the default budget (integration)', async () => {
    await w.apply('black-hole');
    const r = await diagnoseJson(w.clientEnv(), w.loginServer, ['--only', 'network']);
    // Default budget 6 s; generous bound for a loaded machine.
    assert.ok(r.report.durationMs < 8000, `took ${r.report.durationMs} ms\n${summary(r.report)}`);
    const tls = r.report.findings.find((f) => f.checkId === 'net.tls');
    assert.equal(tls?.causeId, 'network.login-server-timeout', summary(r.report));
  });

  it('proxy: the diagnosis goes through the real tinyproxy (integration)', async () => {
    await w.apply('daemon-proxy-missing');
    const env = w.clientEnv();
    assert.match(String(env.HTTPS_PROXY), /:8888$/);
    const r = await diagnoseJson(env, w.loginServer, ['--only', 'network', '--timeout', '20']);
    const proxy = r.report.findings.find((f) => f.checkId === 'net.proxy');
    assert.equal(proxy?.status, 'pass', summary(r.report));
    assert.equal(proxy?.evidence.proxy, env.HTTPS_PROXY!.replace(/\/$/, ''));
    const challenge = r.report.findings.find((f) => f.checkId === 'net.challenge');
    assert.equal(challenge?.status, 'pass', summary(r.report));
    assert.equal(challenge?.evidence.proxy, proxy?.evidence.proxy);
    // The direct path is closed in this scenario: only the proxy reached the registry.
    assert.equal(r.report.findings.find((f) => f.checkId === 'net.tcp')?.status, 'info');
  });

  it('human output streams findings without colour when not a TTY, in Dutch with LANG=nl (integration)', async () => {
    await w.apply('ip-rule-excludes-client');
    const r = await runCli({ ...w.clientEnv(), LANG: 'nl_NL.UTF-8' }, ['diagnose', 'contoso', '--only', 'network', '--timeout', '20']);
    assert.equal(r.code, 1);
    assert.ok(!r.stdout.includes('\x1b['), 'no colour codes');
    assert.match(r.stdout, /Oorzaken, meest waarschijnlijke eerst/);
    assert.match(r.stdout, /De firewall van het register staat het IP-adres van deze client niet toe/);
    assert.match(r.stdout, /az acr network-rule add --name contoso --ip-address 192\.0\.2\.1/);
    // The checks' titles and messages too, not only the causes.
    assert.match(r.stdout, /TCP-verbinding met de aanmeldingsserver op poort 443/);
    assert.match(r.stdout, /verbonden met 192\.0\.2\.20:443 in \d+ ms/);
    assert.match(r.stdout, /GET \/v2\/ antwoordde 403 Forbidden voor client-IP 192\.0\.2\.1: standaardactie Deny; de IP-regels 198\.51\.100\.0\/24 bevatten 192\.0\.2\.1 niet/);
    assert.doesNotMatch(r.stdout, /connected to|did not pass/);
  });
});
