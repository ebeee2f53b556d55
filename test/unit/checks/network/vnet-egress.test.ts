// The VNet egress checks against the ARM simulator with the sandbox scenarios' state: the real
// SDK pipeline reads subnets, NSGs, route tables, firewalls and firewall policies; the checks
// decide on what they read (the probes' findings are given, as the engine would hand them over).
import { strict as assert } from 'node:assert';
import { defaultState, DEFAULT_IDS, type ArmState } from '../../../../sandbox/arm/state';
import { getScenario } from '../../../../sandbox/scenarios/index';
import { defaultHosts } from '../../../../sandbox/addresses';
import type { ScenarioContext } from '../../../../sandbox/scenarios/types';
import { startFixture, testPki, type Fixture } from '../../azure/simulator-fixture';
import { loadNetworkArmFacts } from '../../../../src/core/checks/network/arm-source';
import { aksEgressCheck, bastionCheck, clientEgressCheck } from '../../../../src/core/checks/network/vnet-egress';
import { NET } from '../../../../src/core/checks/network/ids';
import type { NetworkArmFacts } from '../../../../src/core/checks/network/registry-network-facts';
import type { CheckOutcome, Finding } from '../../../../src/core/engine/types';
import { testContext } from '../../../support/check-context';
import type { CauseId } from '../../../../src/core/catalogue/types';
import { parseRegistryInput } from '../../../../src/core/registry/target';
import { resolveFixes, baseParams } from '../../../../src/core/engine/fixes';
import { getCause } from '../../../../src/core/catalogue/index';
import { say } from '../../../../src/core/text/say';
import { renderMessage } from '../../../../src/core/text/message';

const target = parseRegistryInput('contoso.azurecr.io');

function stateFor(scenario: string, edit?: (s: ArmState) => void): ArmState {
  const state = defaultState();
  const ctx: ScenarioContext = {
    state, contoso: state.registries.find((r) => r.arm.name === 'contoso')!, fabrikam: state.registries.find((r) => r.arm.name === 'fabrikam'),
    sp: state.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === DEFAULT_IDS.tenantId)!,
    subscriptionId: DEFAULT_IDS.subscriptionId, tenantId: DEFAULT_IDS.tenantId, hosts: defaultHosts(), nft: [], faults: {}, intercept: false,
    dockerd: { running: true, proxy: {}, oldVersion: false }, dockerConfig: { auths: {} }, clientEnv: {}, hideDockerCli: false, now: new Date(), refreshToken: () => '',
  };
  getScenario(scenario)!.setup(ctx);
  edit?.(state);
  return state;
}

/** The unit-test machine reaches 127.0.0.1 from 127.0.0.1: put the scenario's workstation subnet there. */
function workstationsOnLoopback(s: ArmState): void {
  const ws = s.virtualNetworks.flatMap((v) => v.properties.subnets).find((x) => x.name === 'workstations')!;
  ws.properties.addressPrefix = '127.0.0.0/8';
  for (const n of s.networkInterfaces) for (const c of n.properties.ipConfigurations) c.properties.privateIPAddress = '127.0.0.1';
  for (const p of s.firewallPolicies) for (const g of p.ruleCollectionGroups) for (const c of g.properties.ruleCollections) for (const r of c.rules) r.sourceAddresses = ['127.0.0.0/8'];
}

const finding = (checkId: string, status: Finding['status'], causeId?: CauseId, evidence: Finding['evidence'] = {}): Finding =>
  ({ checkId, area: 'network', title: checkId, status, message: '', causeId, evidence, fixes: [], startedMs: 0, durationMs: 0 });

async function run(f: Fixture, check: typeof clientEgressCheck, facts: NetworkArmFacts, opts: { resolved: string[]; findings?: Finding[] }): Promise<CheckOutcome> {
  const ctx = testContext({
    target, signal: AbortSignal.timeout(20_000),
    env: { azure: f.azure, extraCaPem: [testPki().caPem], now: () => new Date() },
    data: { [NET.arm]: facts, [NET.dns]: { addresses: opts.resolved, kinds: [], source: 'dns', durationMs: 1 } },
    findings: Object.fromEntries((opts.findings ?? []).map((x) => [x.checkId, x])),
  });
  return check.run(ctx);
}

async function withScenario<T>(scenario: string, edit: ((s: ArmState) => void) | undefined, body: (f: Fixture, facts: NetworkArmFacts) => Promise<T>): Promise<T> {
  const f = await startFixture(stateFor(scenario, edit));
  try {
    const facts = (await loadNetworkArmFacts(f.azure, target, [testPki().caPem], AbortSignal.timeout(20_000)))!;
    return await body(f, facts);
  } finally { await f.stop(); }
}

const fixCommands = (o: CheckOutcome) => resolveFixes(getCause(o.causeId!), { ...baseParams(target), ...(o.fixParams ?? {}) }).map((x) => x.command).filter(Boolean);
const timeout = finding(NET.tcp, 'fail', 'network.login-server-timeout');
const dataBlocked = finding(NET.dataEndpoints, 'fail', 'network.data-endpoint-blocked');

describe('VNet egress checks against the ARM simulator (scenario state)', function () {
  this.timeout(60_000);

  it('nsg-blocks-registry: this machine\'s subnet NSG denies the AzureContainerRegistry tag — fail when the path timed out, info when it worked', async () => {
    await withScenario('nsg-blocks-registry', workstationsOnLoopback, async (f, facts) => {
      assert.ok(facts.subnets.some((s) => s.id.endsWith('/workstations') && s.networkSecurityGroupId?.endsWith('/workstations-nsg')), 'subnets come with their NSG');
      const o = await run(f, clientEgressCheck, facts, { resolved: ['127.0.0.1'], findings: [timeout] });
      assert.equal(o.status, 'fail', renderMessage(o.message));
      assert.equal(o.causeId, 'network.nsg-blocks-registry');
      assert.equal(renderMessage(o.message), 'this machine (127.0.0.1, subnet workstations): outbound rule DenyContainerRegistry (priority 200, Deny) of NSG workstations-nsg on subnet workstations denies TCP 443 to contoso.azurecr.io (service tag AzureContainerRegistry)');
      assert.match(say(o.message, 'nl'), /^deze computer \(127\.0\.0\.1, subnet workstations\): uitgaande regel DenyContainerRegistry \(prioriteit 200, Deny\) van NSG workstations-nsg/);
      assert.ok(fixCommands(o).includes('az network nsg rule create --resource-group contoso-network --nsg-name workstations-nsg --name AllowContainerRegistry443 --priority 199 --direction Outbound --access Allow --protocol Tcp --source-address-prefixes 127.0.0.1 --destination-port-ranges 443 --destination-address-prefixes AzureContainerRegistry'), fixCommands(o).join('\n'));
      assert.ok(fixCommands(o).includes('az network nsg rule delete --resource-group contoso-network --nsg-name workstations-nsg --name DenyContainerRegistry'));
      assert.equal(o.evidence?.nsgRule, 'DenyContainerRegistry', 'the explanation names the rule');
      assert.equal(o.evidence?.networkInterface, 'workstation-01-nic', 'placed by its network interface');
      assert.equal(o.evidence?.nsgRulePriority, '200');
      const worked = await run(f, clientEgressCheck, facts, { resolved: ['127.0.0.1'], findings: [finding(NET.challenge, 'pass'), finding(NET.dataEndpoints, 'pass')] });
      assert.equal(worked.status, 'info', renderMessage(worked.message));
      assert.equal(worked.causeId, undefined);
    });
  });

  it('private-endpoint-nsg-blocks: the private endpoint subnet\'s NSG (network policies on) denies this machine inbound', async () => {
    await withScenario('private-endpoint-nsg-blocks', (s) => {
      workstationsOnLoopback(s);
      s.networkSecurityGroups[0].properties.securityRules[0].properties.sourceAddressPrefix = '127.0.0.0/8';
      s.privateEndpoints[0].properties.customDnsConfigs[0].ipAddresses = ['127.0.0.3'];
    }, async (f, facts) => {
      const o = await run(f, clientEgressCheck, facts, { resolved: ['127.0.0.3'], findings: [timeout] });
      assert.equal(o.status, 'fail', renderMessage(o.message));
      assert.equal(o.causeId, 'network.nsg-blocks-registry');
      assert.equal(renderMessage(o.message), 'this machine (127.0.0.1, subnet workstations): inbound rule DenyWorkstations (priority 300, Deny) of NSG private-endpoints-nsg on the private endpoint\'s subnet private-endpoints denies TCP 443 from 127.0.0.1 to contoso.azurecr.io');
      assert.ok(fixCommands(o).includes('az network nsg rule create --resource-group contoso-network --nsg-name private-endpoints-nsg --name AllowContainerRegistry443 --priority 299 --direction Inbound --access Allow --protocol Tcp --source-address-prefixes 127.0.0.1 --destination-port-ranges 443 --destination-address-prefixes 127.0.0.3'), fixCommands(o).join('\n'));
    });
  });

  it('firewall-blocks-data-endpoints: the policy lets the login server through, not the data endpoints', async () => {
    await withScenario('firewall-blocks-data-endpoints', workstationsOnLoopback, async (f, facts) => {
      const o = await run(f, clientEgressCheck, facts, { resolved: ['127.0.0.1'], findings: [finding(NET.challenge, 'pass'), dataBlocked] });
      assert.equal(o.status, 'fail', renderMessage(o.message));
      assert.equal(o.causeId, 'network.firewall-blocks-registry');
      assert.match(renderMessage(o.message), /route to-hub-firewall \(0\.0\.0\.0\/0\) of route table workstations-rt on subnet workstations sends the traffic to Azure Firewall hub-fw \(10\.3\.0\.4\), which has no rule allowing contoso\.westeurope\.data\.azurecr\.io, contoso\.northeurope\.data\.azurecr\.io \(default deny\); it allows contoso\.azurecr\.io$/);
      const cmds = fixCommands(o);
      assert.ok(cmds.includes('az network firewall policy rule-collection-group collection add-filter-collection --resource-group contoso-network --policy-name hub-fw-policy --rule-collection-group-name DefaultApplicationRuleCollectionGroup --name AllowContainerRegistry --collection-priority 199 --action Allow --rule-type ApplicationRule --rule-name allow-contoso --protocols Https=443 --source-addresses 127.0.0.1 --target-fqdns contoso.westeurope.data.azurecr.io contoso.northeurope.data.azurecr.io'), cmds.join('\n'));
      assert.ok(!cmds.some((c) => c!.startsWith('az network firewall application-rule')), 'a policy-managed firewall gets the policy command only');
      assert.ok(cmds.includes('az network route-table route show --resource-group contoso-network --route-table-name workstations-rt --name to-hub-firewall'));
    });
  });

  it('aks-firewall-blocks-registry: the AKS node subnet goes through a classic firewall without a rule for the registry (warning, with the application-rule fix)', async () => {
    await withScenario('aks-firewall-blocks-registry', undefined, async (f, facts) => {
      const o = await run(f, aksEgressCheck, facts, { resolved: ['192.0.2.20'] });
      assert.equal(o.status, 'warn', renderMessage(o.message));
      assert.equal(o.causeId, 'network.firewall-blocks-registry');
      assert.match(renderMessage(o.message), /^AKS cluster contoso-aks \(node subnet aks-nodes\): route to-hub-firewall .* which has no rule allowing contoso\.azurecr\.io, contoso\.westeurope\.data\.azurecr\.io, contoso\.northeurope\.data\.azurecr\.io \(default deny\); its nodes cannot pull from contoso$/);
      assert.deepEqual(o.evidence?.notEvaluated, undefined);
      assert.ok(fixCommands(o).includes('az network firewall application-rule create --resource-group contoso-network --firewall-name hub-fw --collection-name AllowContainerRegistry --priority 200 --action Allow --name allow-contoso --protocols Https=443 --source-addresses 10.3.1.0/24 --target-fqdns contoso.azurecr.io contoso.westeurope.data.azurecr.io contoso.northeurope.data.azurecr.io'), fixCommands(o).join('\n'));
      // This machine is not in that network.
      const me = await run(f, clientEgressCheck, facts, { resolved: ['127.0.0.1'] });
      assert.equal(me.status, 'pass', renderMessage(me.message));
    });
  });

  it('bastion-private-endpoint: the private endpoint in AzureBastionSubnet explains the unreachable host', async () => {
    await withScenario('bastion-private-endpoint', undefined, async (f, facts) => {
      assert.match(facts.privateEndpoints[0].subnetId ?? '', /\/subnets\/AzureBastionSubnet$/);
      const o = await run(f, bastionCheck, facts, { resolved: ['192.0.2.23'], findings: [finding(NET.tcp, 'fail', 'network.login-server-unreachable')] });
      assert.equal(o.status, 'fail', renderMessage(o.message));
      assert.equal(o.causeId, 'network.bastion-endpoint-unsupported');
      assert.ok(fixCommands(o).includes('az network private-endpoint delete --resource-group contoso-rg --name contoso-pe'));
      const quiet = await run(f, bastionCheck, facts, { resolved: ['192.0.2.20'] });
      assert.equal(quiet.status, 'warn');
    });
  });

  it('bastion-tunnel: the login server on this machine\'s loopback and a Bastion host in the private endpoint\'s network', async () => {
    await withScenario('bastion-tunnel', undefined, async (f, facts) => {
      const refused = finding(NET.tcp, 'fail', 'network.login-server-unreachable');
      const o = await run(f, bastionCheck, facts, { resolved: ['127.0.0.1'], findings: [refused] });
      assert.equal(o.status, 'fail', renderMessage(o.message));
      assert.equal(o.causeId, 'network.bastion-endpoint-unsupported');
      assert.equal(renderMessage(o.message), 'contoso.azurecr.io resolves to 127.0.0.1 (a tunnel on this machine) and the network contoso-vnet of the registry\'s private endpoint has Azure Bastion contoso-bastion (native client tunnelling on): an Azure Bastion endpoint is not supported for the registry');
      assert.match(say(o.message, 'nl'), /Azure Bastion eindpunt wordt niet ondersteund voor het register$/);
      assert.ok(fixCommands(o).includes('az network bastion ssh --name contoso-bastion --resource-group contoso-rg --target-resource-id <vm-resource-id> --auth-type AAD'), fixCommands(o).join('\n'));
      // The public address, or a loopback with no Bastion host in that network: nothing to say.
      assert.equal((await run(f, bastionCheck, facts, { resolved: ['192.0.2.20'], findings: [refused] })).status, 'pass');
    });
    await withScenario('bastion-tunnel', (s) => { s.bastionHosts = []; }, async (f, facts) => {
      const o = await run(f, bastionCheck, facts, { resolved: ['127.0.0.1'], findings: [finding(NET.tcp, 'fail', 'network.login-server-unreachable')] });
      assert.equal(o.status, 'pass', renderMessage(o.message));
    });
  });

  it('healthy: nothing to report, in all three checks', async () => {
    await withScenario('healthy', undefined, async (f, facts) => {
      for (const c of [clientEgressCheck, aksEgressCheck, bastionCheck]) {
        const o = await run(f, c, facts, { resolved: ['127.0.0.1'], findings: [finding(NET.challenge, 'pass')] });
        assert.equal(o.status, 'pass', `${c.id}: ${renderMessage(o.message)}`);
      }
    });
  });

  it('an address range alone does not place this machine: no interface with its address → pass; interfaces unreadable → only a warning', async () => {
    await withScenario('nsg-blocks-registry', (s) => { workstationsOnLoopback(s); s.networkInterfaces[0].properties.ipConfigurations[0].properties.privateIPAddress = '127.0.0.9'; }, async (f, facts) => {
      const o = await run(f, clientEgressCheck, facts, { resolved: ['127.0.0.1'], findings: [timeout] });
      assert.equal(o.status, 'pass', renderMessage(o.message));
      assert.equal(renderMessage(o.message), 'this machine\'s address 127.0.0.1 lies in the range of subnet workstations, but no network interface there has it: this machine is not in that network');
    });
    await withScenario('nsg-blocks-registry', (s) => { workstationsOnLoopback(s); s.faults.arm = { kind: 'error500', pathContains: '/networkInterfaces' }; }, async (f, facts) => {
      const o = await run(f, clientEgressCheck, facts, { resolved: ['127.0.0.1'], findings: [timeout] });
      assert.equal(o.status, 'warn', renderMessage(o.message));
      assert.equal(o.causeId, 'network.nsg-blocks-registry');
      assert.match(String(o.evidence?.notReadable), /network interfaces/);
    });
  });

  it('an NSG the principal may not read is named as not readable, never a verdict', async () => {
    await withScenario('nsg-blocks-registry', (s) => {
      workstationsOnLoopback(s);
      const nsg = s.networkSecurityGroups[0];
      nsg.id = nsg.id.replace('/contoso-network/', '/locked-rg/');
      s.virtualNetworks.flatMap((v) => v.properties.subnets).find((x) => x.name === 'workstations')!.properties.networkSecurityGroup = { id: nsg.id };
    }, async (f, facts) => {
      const o = await run(f, clientEgressCheck, facts, { resolved: ['127.0.0.1'], findings: [timeout] });
      assert.equal(o.status, 'pass', renderMessage(o.message));
      assert.match(String(o.evidence?.notReadable), /NSG workstations-nsg/);
    });
  });
});
