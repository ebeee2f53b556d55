import { strict as assert } from 'node:assert';
import { causeFor403 } from '../../../../src/core/checks/network/challenge';
import type { NetworkArmFacts } from '../../../../src/core/checks/network/registry-network-facts';
import { runDiagnosis } from '../../../../src/core/engine/runner';
import type { Check } from '../../../../src/core/engine/types';
import { NET } from '../../../../src/core/checks/network/ids';
import { publicAccessCheck, networkRulesCheck, privateEndpointsCheck, serviceEndpointsCheck, trustedServicesCheck, skuCheck, encryptionCheck } from '../../../../src/core/checks/network/arm-checks';
import { getCause } from '../../../../src/core/catalogue/index';
import { parseRegistryInput } from '../../../../src/core/registry/target';
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import { msg, renderMessage } from '../../../../src/core/text/message';

const login = 'contoso.azurecr.io';
function facts(over: Partial<NetworkArmFacts> = {}): NetworkArmFacts {
  return {
    id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso', name: 'contoso', resourceGroup: 'rg', subscriptionId: 's',
    location: 'westeurope', sku: 'Premium', loginServer: login, publicNetworkAccess: 'Enabled',
    networkRuleSet: { defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [] }, networkRuleBypassOptions: 'AzureServices',
    dataEndpointEnabled: true, dataEndpointHostNames: ['contoso.westeurope.data.azurecr.io'], replicationRegions: ['westeurope'],
    privateEndpoints: [], serviceEndpointSubnets: [], subnets: [], providerRegistrations: [], gaps: [], ...over,
  };
}
const pe = (status: string) => ({ connectionName: 'contoso-pe-conn', status, fqdnIps: { [login]: ['192.0.2.23'] }, ips: ['192.0.2.23'] });

describe('network checks: ARM rules', () => {
  describe('which setting explains a 403', () => {
    it('without ARM: the IP rules, with the client IP as fix param', () => {
      assert.deepEqual(causeFor403(undefined, '192.0.2.1', ['192.0.2.20'], login), { causeId: 'network.ip-rule-excludes-client', why: msg('the registry\'s firewall refused this client'), params: { clientIp: '192.0.2.1' } });
    });
    it('public access disabled, or a private endpoint bypassed by public DNS', () => {
      assert.equal(causeFor403(facts({ publicNetworkAccess: 'Disabled' }), '192.0.2.1', ['192.0.2.20'], login).causeId, 'network.public-access-disabled');
      const c = causeFor403(facts({ publicNetworkAccess: 'Disabled', privateEndpoints: [pe('Approved')] }), '192.0.2.1', ['192.0.2.20'], login);
      assert.equal(c.causeId, 'network.private-endpoint-dns-public');
      assert.deepEqual(c.params, { clientIp: '192.0.2.1', privateIp: '192.0.2.23', resolvedIp: '192.0.2.20' });
    });
    it('IP rules name the rules and whether the client matches', () => {
      const c = causeFor403(facts({ networkRuleSet: { defaultAction: 'Deny', ipRules: [{ value: '198.51.100.0/24' }], virtualNetworkRules: [] } }), '192.0.2.1', [], login);
      assert.equal(c.causeId, 'network.ip-rule-excludes-client');
      assert.match(renderMessage(c.why), /198\.51\.100\.0\/24 do not include 192\.0\.2\.1/);
    });
    it('service endpoint subnets without a rule, and an unregistered provider', () => {
      const subnet = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a';
      assert.equal(causeFor403(facts({ networkRuleSet: { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] }, serviceEndpointSubnets: [subnet] }), '192.0.2.1', [], login).causeId, 'network.service-endpoint-rule-missing');
      const unreg = causeFor403(facts({ networkRuleSet: { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [{ id: subnet }] }, providerRegistrations: [{ subscriptionId: 's', state: 'NotRegistered' }] }), '192.0.2.1', [], login);
      assert.equal(unreg.causeId, 'network.resource-provider-unregistered');
      assert.equal(unreg.params.subscriptionId, 's');
      // "Selected networks" with nothing selected and the subnets unreadable: still the subnet rule.
      assert.equal(causeFor403(facts({ networkRuleSet: { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [] } }), '192.0.2.1', [], login).causeId, 'network.service-endpoint-rule-missing');
    });
  });

  describe('checks over an ARM view', () => {
    const target = parseRegistryInput(login);
    const env: DiagnoseEnvironment = { proxy: {}, dockerConfigDir: '/none', now: () => new Date(), azure: { credential: { getToken: async () => null }, armEndpoint: 'https://management.invalid' } };
    async function run(f: NetworkArmFacts, resolved: string[], challenge: { status: 'pass' | 'fail'; evidence?: Record<string, string | number> } = { status: 'pass' }) {
      const stubs: Check[] = [
        { id: NET.arm, area: 'network', title: 'arm', needs: [], timeoutMs: 1000, run: async () => ({ status: 'info', message: msg(''), data: f }) },
        { id: NET.dns, area: 'network', title: 'dns', needs: [], timeoutMs: 1000, run: async () => ({ status: 'pass', message: msg(''), data: { addresses: resolved } }) },
        { id: NET.challenge, area: 'network', title: 'v2', needs: [], timeoutMs: 1000, run: async () => ({ status: challenge.status, message: msg(''), evidence: challenge.evidence }) },
      ];
      return runDiagnosis([...stubs, publicAccessCheck, networkRulesCheck, privateEndpointsCheck, serviceEndpointsCheck, trustedServicesCheck, skuCheck, encryptionCheck], target, env, { causeOf: getCause });
    }
    it('a healthy Premium registry yields no cause', async () => {
      const r = await run(facts(), ['192.0.2.20']);
      assert.deepEqual(r.causes, []);
    });
    it('a Basic or Standard registry without network rules is healthy: the SKU check passes and says what Premium would add', async () => {
      for (const sku of ['Basic', 'Standard']) {
        const r = await run(facts({ sku, networkRuleSet: undefined, dataEndpointEnabled: false }), ['192.0.2.20']);
        assert.deepEqual(r.causes, [], sku);
        const f = r.findings.find((x) => x.checkId === NET.armSku)!;
        assert.equal(f.status, 'pass');
        assert.match(f.message, new RegExp(`^${sku} registry without network rules or private endpoints \\(those would need Premium\\)`));
        const allow = await run(facts({ sku, networkRuleSet: { defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [] } }), ['192.0.2.20']);
        assert.deepEqual(allow.causes, [], `${sku} with default action Allow`);
      }
    });
    it('the SKU warns for rules, private endpoints or closed public access on a SKU without them', async () => {
      const cases: Partial<NetworkArmFacts>[] = [
        { networkRuleSet: { defaultAction: 'Allow', ipRules: [{ value: '192.0.2.1' }], virtualNetworkRules: [] } },
        { networkRuleSet: { defaultAction: 'Allow', ipRules: [], virtualNetworkRules: [{ id: '/subscriptions/s/x/subnets/a' }] } },
        { privateEndpoints: [pe('Approved')] },
      ];
      for (const c of cases) {
        const r = await run(facts({ sku: 'Standard', ...c }), ['192.0.2.20']);
        const f = r.findings.find((x) => x.checkId === NET.armSku)!;
        assert.equal(f.status, 'warn', JSON.stringify(c));
        assert.equal(f.causeId, 'network.sku-no-network-rules');
      }
    });
    it('the resource provider is checked in the virtual network\'s subscription, and the fix registers it there', async () => {
      const vnetSub = '3c4d5e6f-0000-4000-8000-00000000be77';
      const subnet = `/subscriptions/${vnetSub}/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks`;
      const rules = { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [{ id: subnet }] };
      // Registered in the registry's subscription 's' means nothing for a VNet in another one.
      const r = await run(facts({ networkRuleSet: rules, providerRegistrations: [{ subscriptionId: vnetSub, state: 'NotRegistered' }] }), ['192.0.2.20'], { status: 'fail', evidence: { status: 403, clientIp: '192.0.2.1' } });
      assert.equal(r.causes[0].causeId, 'network.resource-provider-unregistered');
      assert.ok(r.causes[0].fixes.some((x) => x.command === `az provider register --namespace Microsoft.ContainerRegistry --subscription ${vnetSub}`), JSON.stringify(r.causes[0].fixes));
      assert.ok(!r.causes[0].fixes.some((x) => x.command?.includes('--subscription s')));
      const f = r.findings.find((x) => x.checkId === NET.armServiceEndpoints)!;
      assert.match(f.message, new RegExp(`NotRegistered in subscription ${vnetSub}`));
      const ok = await run(facts({ networkRuleSet: rules, providerRegistrations: [{ subscriptionId: vnetSub, state: 'Registered' }] }), ['192.0.2.20']);
      assert.ok(!ok.causes.some((c) => c.causeId === 'network.resource-provider-unregistered'));
    });
    it('a pending private endpoint that DNS points at is the root cause', async () => {
      const r = await run(facts({ privateEndpoints: [pe('Pending')] }), ['192.0.2.23']);
      assert.equal(r.causes[0].causeId, 'network.private-endpoint-not-approved');
      assert.ok(r.causes[0].fixes.some((x) => x.command === 'az acr private-endpoint-connection approve --registry-name contoso --name contoso-pe-conn'));
    });
    it('public DNS for an approved private endpoint outranks public access disabled', async () => {
      const r = await run(facts({ publicNetworkAccess: 'Disabled', privateEndpoints: [pe('Approved')] }), ['192.0.2.20'], { status: 'fail', evidence: { status: 403, clientIp: '192.0.2.1' } });
      assert.deepEqual(r.causes.map((c) => c.causeId).slice(0, 2), ['network.private-endpoint-dns-public', 'network.public-access-disabled']);
    });
    it('an IP rule that excludes the refused client names the rule', async () => {
      const r = await run(facts({ networkRuleSet: { defaultAction: 'Deny', ipRules: [{ value: '198.51.100.0/24' }], virtualNetworkRules: [] } }), ['192.0.2.20'], { status: 'fail', evidence: { status: 403, clientIp: '192.0.2.1' } });
      const f = r.findings.find((x) => x.checkId === NET.armNetworkRules)!;
      assert.equal(f.causeId, 'network.ip-rule-excludes-client');
      assert.match(f.message, /198\.51\.100\.0\/24 — none matches the client IP 192\.0\.2\.1/);
    });
    it('trusted services off on a restricted registry, SKU limits, broken CMK identity', async () => {
      const r = await run(facts({ networkRuleBypassOptions: 'None', networkRuleSet: { defaultAction: 'Deny', ipRules: [{ value: '192.0.2.1' }], virtualNetworkRules: [] } }), ['192.0.2.20']);
      assert.deepEqual(r.causes.map((c) => c.causeId), ['network.trusted-services-bypass-off']);
      const b = await run(facts({ sku: 'Basic', networkRuleSet: { defaultAction: 'Deny', ipRules: [{ value: '192.0.2.1' }], virtualNetworkRules: [] } }), ['192.0.2.20']);
      assert.deepEqual(b.causes.map((c) => c.causeId), ['network.sku-no-network-rules']);
      const k = await run(facts({ encryption: { status: 'enabled', identity: '1111' }, identity: { type: 'None', clientIds: [], principalIds: [] } }), ['192.0.2.20']);
      assert.deepEqual(k.causes.map((c) => c.causeId), ['registry.cmk-identity-broken']);
    });
  });
});
