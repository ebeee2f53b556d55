// Network scenarios (client side and registry side), each seen by plain docker/curl. Slow docker
// timeouts (black hole 10 s, drops 15 s, data endpoint minutes) are shown with curl and short
// deadlines instead, except one docker timeout per kind.
import { strict as assert } from 'node:assert';
import type { SandboxWorld } from '../../../sandbox/world';
import { IP } from '../../../sandbox/addresses';
import { NETWORK_SUBSCRIPTION_ID } from '../../../sandbox/scenarios/registry-network';
import { curl, docker, dockerLogin } from './run';
import { basicToken, http } from './acr-client';
import { getSeededWorld } from './shared-world';

const IMAGE = 'contoso.azurecr.io/hello:v1';
const FIREWALL_403 = "client with IP '192.0.2.1' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.";

describe('sandbox network scenarios (integration)', function () {
  this.timeout(120000);
  let w: SandboxWorld;
  before(async () => { w = await getSeededWorld(); });

  const spLogin = (timeoutMs = 30000) => dockerLogin(w.clientEnv(), w.loginServer, w.azure.clientId, w.azure.clientSecret, timeoutMs);
  const v2 = (extra: string[] = []) => curl(w.clientEnv(), ['--connect-timeout', '2', '--max-time', '3', '-o', '/dev/null', '-w', '%{http_code}', ...extra, `https://${w.loginServer}/v2/`]);

  /** A pull token and the first layer's blob URL of hello:v1 (asked with the data plane working). */
  async function blobUrl(): Promise<{ token: string; url: string }> {
    const t = await basicToken(w, w.azure.clientId, w.azure.clientSecret, 'repository:hello:pull');
    const token = String(t.json!.access_token);
    const m = await http(w, ['-H', `Authorization: Bearer ${token}`, '-H', 'Accept: application/vnd.docker.distribution.manifest.v2+json', `https://${w.loginServer}/v2/hello/manifests/v1`]);
    const digest = (m.json!.layers as { digest: string }[])[0].digest;
    return { token, url: `https://${w.loginServer}/v2/hello/blobs/${digest}` };
  }

  describe('client firewall access', () => {
    it('dns-missing: docker says lookup … on 127.0.0.1:53, curl cannot resolve', async () => {
      await w.apply('dns-missing');
      const r = await spLogin();
      assert.match(r.out, /dial tcp: lookup contoso\.azurecr\.io on 127\.0\.0\.1:53/);
      const c = await v2();
      assert.equal(c.code, 6, c.out);
    });

    it('login-server-refused: connection refused on 192.0.2.40:443', async () => {
      await w.apply('login-server-refused');
      const r = await spLogin();
      assert.ok(r.out.includes('dial tcp 192.0.2.40:443: connect: connection refused'), r.out);
      assert.equal((await v2()).code, 7);
    });

    it('black-hole: docker gives up with a TLS handshake timeout; curl times out', async () => {
      await w.apply('black-hole');
      const c = await v2();
      assert.equal(c.code, 28, c.out);
      const r = await spLogin(40000);
      assert.match(r.out, /net\/http: TLS handshake timeout/);
    });

    it('firewall-drop: the login server\'s packets are dropped (curl connect timeout)', async () => {
      await w.apply('firewall-drop');
      const c = await v2();
      assert.equal(c.code, 28, c.out);
      assert.match(c.stderr, /Connection timed out|Timeout was reached|timed out/i);
      await w.apply('healthy');
      assert.equal((await v2()).stdout, '401', 'the drop is gone after switching back');
    });

    it('data-endpoint-blocked: the login server answers, the blob redirect\'s data endpoint times out', async () => {
      await w.apply('data-endpoint-blocked');
      const l = await spLogin();
      assert.match(l.out, /Login Succeeded/);
      const { token, url } = await blobUrl();
      const redirect = await http(w, ['-o', '/dev/null', '-D', '-', '-H', `Authorization: Bearer ${token}`, url]);
      assert.equal(redirect.status, 307);
      const loc = /^location: (\S+)/im.exec(redirect.body)![1];
      assert.match(loc, /^https:\/\/contoso\.westeurope\.data\.azurecr\.io\//);
      const c = await curl(w.clientEnv(), ['--connect-timeout', '2', '-o', '/dev/null', loc]);
      assert.equal(c.code, 28, c.out);
    });

    it('replica-data-endpoint-blocked: the redirect names the northeurope replica, which times out; westeurope still answers', async () => {
      await w.apply('replica-data-endpoint-blocked');
      const { token, url } = await blobUrl();
      const redirect = await http(w, ['-o', '/dev/null', '-D', '-', '-H', `Authorization: Bearer ${token}`, url]);
      const loc = /^location: (\S+)/im.exec(redirect.body)![1];
      assert.match(loc, /^https:\/\/contoso\.northeurope\.data\.azurecr\.io\//);
      assert.equal((await curl(w.clientEnv(), ['--connect-timeout', '2', '-o', '/dev/null', loc])).code, 28);
      const weu = await curl(w.clientEnv(), ['--connect-timeout', '2', '-o', '/dev/null', '-w', '%{http_code}', loc.replace('northeurope', 'westeurope')]);
      assert.equal(weu.stdout, '200', weu.out);
    });

    it('client-proxy-broken: docker (daemon proxy) says unexpected EOF, curl (HTTPS_PROXY) says CONNECT aborted', async () => {
      const info = await w.apply('client-proxy-broken');
      assert.equal(w.clientEnv().HTTPS_PROXY, info.clientProxy);
      const r = await spLogin();
      assert.ok(r.out.includes('Get "https://contoso.azurecr.io/v2/": unexpected EOF'), r.out);
      const c = await v2();
      assert.equal(c.code, 56, c.out);
      const info2 = await docker(w.clientEnv(), ['info', '--format', '{{.HTTPSProxy}}']);
      assert.equal(info2.stdout.trim(), `http://${IP.brokenProxy}:8888`);
    });

    it('daemon-proxy-missing: curl through the shell\'s proxy works, direct traffic is dropped, dockerd has no proxy', async () => {
      await w.apply('daemon-proxy-missing');
      assert.equal((await v2()).stdout, '401', 'through tinyproxy');
      const direct = await v2(['--noproxy', '*']);
      assert.equal(direct.code, 28, direct.out);
      const info = await docker(w.clientEnv(), ['info', '--format', '{{.HTTPSProxy}}']);
      assert.equal(info.stdout.trim(), '');
    });

    it('tls-unknown-ca: docker says x509: certificate signed by unknown authority; curl exit 60; the issuer is the interception CA', async () => {
      await w.apply('tls-unknown-ca');
      const r = await spLogin();
      assert.match(r.out, /x509: certificate signed by unknown authority/);
      const c = await v2();
      assert.equal(c.code, 60, c.out);
      const s = await curl(w.clientEnv(), ['-k', '-v', '-o', '/dev/null', `https://${w.loginServer}/v2/`]);
      assert.match(s.stderr, /issuer: CN=Corporate TLS Inspection CA/);
      await w.apply('healthy');
      assert.equal((await v2()).stdout, '401');
    });

    it('challenge-invalid: 401 without a Bearer challenge; docker login fails with status 401', async () => {
      await w.apply('challenge-invalid');
      const h = await curl(w.clientEnv(), ['-si', `https://${w.loginServer}/v2/`]);
      assert.match(h.stdout, /^HTTP\/1\.1 401/m);
      assert.doesNotMatch(h.stdout, /Www-Authenticate: Bearer/i);
      const r = await spLogin();
      assert.ok(r.out.includes('login attempt to https://contoso.azurecr.io/v2/ failed with status: 401 Unauthorized'), r.out);
    });

    it('throttled: 429 Too Many Requests for docker login and pull', async () => {
      await w.apply('throttled');
      const r = await spLogin();
      assert.ok(r.out.includes('login attempt to https://contoso.azurecr.io/v2/ failed with status: 429 Too Many Requests'), r.out);
      const p = await docker(w.clientEnv(), ['pull', IMAGE]);
      assert.match(p.out, /toomanyrequests/);
      assert.equal((await v2()).stdout, '429');
    });
  });

  describe('registry network rules', () => {
    for (const name of ['public-access-disabled', 'ip-rule-excludes-client', 'service-endpoint-rule-missing', 'resource-provider-unregistered']) {
      it(`${name}: the front answers 403 with ACR's firewall text`, async () => {
        await w.apply(name);
        const r = await spLogin();
        assert.ok(r.out.includes('login attempt to https://contoso.azurecr.io/v2/ failed with status: 403 Forbidden'), r.out);
        const c = await http(w, [`https://${w.loginServer}/v2/`]);
        assert.equal(c.status, 403);
        assert.equal(c.body, FIREWALL_403);
        const p = await docker(w.clientEnv(), ['pull', IMAGE]);
        assert.ok(p.out.includes(FIREWALL_403), p.out);
      });
    }

    it('resource-provider-unregistered: the VNet rule\'s subnet is in a second subscription where ARM lists Microsoft.ContainerRegistry as NotRegistered', async () => {
      await w.apply('resource-provider-unregistered');
      const state = (sub: string) => w.state.providers[sub.toLowerCase()].find((x) => x.namespace === 'Microsoft.ContainerRegistry')!.registrationState;
      assert.equal(state(NETWORK_SUBSCRIPTION_ID), 'NotRegistered');
      assert.equal(state(w.azure.subscriptionId), 'Registered');
      const rule = w.state.registries[0].arm.properties.networkRuleSet!.virtualNetworkRules![0];
      assert.ok(rule.id.toLowerCase().startsWith(`/subscriptions/${NETWORK_SUBSCRIPTION_ID}/`), rule.id);
      assert.ok(w.state.virtualNetworks.some((v) => (v.properties.subnets ?? []).some((sn) => sn.id === rule.id)));
    });

    it('trusted-services-bypass-off: the client (allowed by IP rule) still gets in; bypass is None', async () => {
      await w.apply('trusted-services-bypass-off');
      assert.equal((await v2()).stdout, '401');
      assert.equal(w.state.registries[0].arm.properties.networkRuleBypassOptions, 'None');
    });

    it('sku-no-network-rules: a Basic registry with a left-over networkRuleSet; blobs come without a data-endpoint redirect', async () => {
      await w.apply('sku-no-network-rules');
      const reg = w.state.registries[0];
      assert.equal(reg.arm.sku.name, 'Basic');
      assert.equal(reg.arm.properties.networkRuleSet?.defaultAction, 'Deny');
      const { token, url } = await blobUrl();
      const b = await http(w, ['-o', '/dev/null', '-H', `Authorization: Bearer ${token}`, url]);
      assert.equal(b.status, 200);
      const { aadToken } = await import('./acr-client');
      const aad = await aadToken(w, 'https://management.azure.com');
      const patch = await http(w, ['-X', 'PATCH', '-H', `Authorization: Bearer ${aad.json!.access_token}`, '-H', 'Content-Type: application/json',
        '--data', JSON.stringify({ properties: { networkRuleSet: { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '192.0.2.1' }] } } }),
        `${w.azure.armEndpoint}${reg.arm.id}?api-version=2023-07-01`]);
      assert.equal(patch.status, 400, patch.body);
      assert.match(patch.body, /NetworkRuleSetNotSupported/);
    });

    it('private-endpoint-dns-public: DNS gives the public IP (403); the private endpoint IP works', async () => {
      await w.apply('private-endpoint-dns-public');
      const c = await http(w, [`https://${w.loginServer}/v2/`]);
      assert.equal(c.status, 403);
      const pe = await v2(['--resolve', `${w.loginServer}:443:${IP.contosoPe}`]);
      assert.equal(pe.stdout, '401');
    });

    it('private-endpoint-not-approved: DNS gives the private endpoint IP, which is unreachable', async () => {
      await w.apply('private-endpoint-not-approved');
      assert.equal(w.hosts['contoso.azurecr.io'], IP.contosoPe);
      const r = await spLogin();
      assert.ok(r.out.includes(`dial tcp ${IP.contosoPe}:443: connect: no route to host`), r.out);
      assert.equal((await v2()).code, 7);
    });

    it('private-endpoint-data-dns-missing: login works through the private endpoint, the data endpoint does not resolve', async () => {
      await w.apply('private-endpoint-data-dns-missing');
      const l = await spLogin();
      assert.match(l.out, /Login Succeeded/, l.out);
      const c = await curl(w.clientEnv(), ['-o', '/dev/null', 'https://contoso.westeurope.data.azurecr.io/']);
      assert.equal(c.code, 6, c.out);
    });

    /** GET an ARM path of the simulator as the sandbox's service principal. */
    async function arm(pathAndQuery: string): Promise<{ status: number; json?: Record<string, unknown> }> {
      const { aadToken } = await import('./acr-client');
      const aad = await aadToken(w, 'https://management.azure.com');
      return http(w, ['-H', `Authorization: Bearer ${aad.json!.access_token}`, `${w.azure.armEndpoint}${pathAndQuery}${pathAndQuery.includes('?') ? '&' : '?'}api-version=2023-09-01`]);
    }
    const netRg = () => `/subscriptions/${w.azure.subscriptionId}/resourceGroups/contoso-network/providers/Microsoft.Network`;

    it('nsg-blocks-registry: ARM serves the subnet\'s NSG with the Deny rule; login server and data endpoints are dropped on the wire', async () => {
      await w.apply('nsg-blocks-registry');
      const subnet = await arm(`${netRg()}/virtualNetworks/clients-vnet/subnets/workstations`);
      assert.equal(subnet.status, 200);
      const nsgId = String((subnet.json!.properties as { networkSecurityGroup: { id: string } }).networkSecurityGroup.id);
      const nsg = await arm(nsgId);
      const rules = (nsg.json!.properties as { securityRules: { name: string; properties: { access: string; destinationAddressPrefix: string; priority: number } }[]; defaultSecurityRules: unknown[] });
      assert.deepEqual(rules.securityRules.map((r) => [r.name, r.properties.access, r.properties.destinationAddressPrefix, r.properties.priority]), [['AllowMonitoring', 'Allow', 'AzureMonitor', 100], ['DenyContainerRegistry', 'Deny', 'AzureContainerRegistry', 200]]);
      assert.equal(rules.defaultSecurityRules.length, 6);
      const nics = await arm(`/subscriptions/${w.azure.subscriptionId}/providers/Microsoft.Network/networkInterfaces`);
      assert.match(JSON.stringify(nics.json), /"privateIPAddress":"192\.0\.2\.1".*\/subnets\/workstations"/, 'the workstation VM\'s NIC holds the client address');
      assert.equal((await v2()).code, 28);
      assert.equal((await curl(w.clientEnv(), ['--connect-timeout', '2', '-o', '/dev/null', 'https://contoso.westeurope.data.azurecr.io/'])).code, 28);
    });

    it('private-endpoint-nsg-blocks: the private endpoint\'s subnet has network policies on and an NSG denying the workstations; its IP is dropped', async () => {
      await w.apply('private-endpoint-nsg-blocks');
      assert.equal(w.hosts['contoso.azurecr.io'], IP.contosoPe);
      const subnet = await arm(`${netRg()}/virtualNetworks/clients-vnet/subnets/private-endpoints`);
      const p = subnet.json!.properties as { privateEndpointNetworkPolicies: string; networkSecurityGroup: { id: string } };
      assert.equal(p.privateEndpointNetworkPolicies, 'Enabled');
      const nsg = await arm(p.networkSecurityGroup.id);
      assert.match(JSON.stringify(nsg.json), /"name":"DenyWorkstations".*"sourceAddressPrefix":"192\.0\.2\.0\/28".*"access":"Deny".*"direction":"Inbound"/);
      assert.equal((await v2()).code, 28);
    });

    it('firewall-blocks-data-endpoints: the route table points at hub-fw, whose policy allows only the login server; the data endpoints time out', async () => {
      await w.apply('firewall-blocks-data-endpoints');
      const rt = await arm(`${netRg()}/routeTables/workstations-rt`);
      const route = (rt.json!.properties as { routes: { properties: { addressPrefix: string; nextHopType: string; nextHopIpAddress: string } }[] }).routes[0].properties;
      assert.deepEqual([route.addressPrefix, route.nextHopType, route.nextHopIpAddress], ['0.0.0.0/0', 'VirtualAppliance', '10.3.0.4']);
      const fws = await arm(`/subscriptions/${w.azure.subscriptionId}/providers/Microsoft.Network/azureFirewalls`);
      const fw = (fws.json!.value as { name: string; properties: { firewallPolicy: { id: string } } }[])[0];
      assert.equal(fw.name, 'hub-fw');
      const groups = await arm(`${fw.properties.firewallPolicy.id}/ruleCollectionGroups`);
      assert.match(JSON.stringify(groups.json), /"targetFqdns":\["contoso\.azurecr\.io"\]/);
      const policy = await arm(fw.properties.firewallPolicy.id);
      assert.equal(policy.status, 200);
      assert.equal(policy.json!.ruleCollectionGroups, undefined, 'the groups are a child collection, not a property');
      const l = await spLogin();
      assert.match(l.out, /Login Succeeded/, l.out);
      assert.equal((await curl(w.clientEnv(), ['--connect-timeout', '2', '-o', '/dev/null', 'https://contoso.westeurope.data.azurecr.io/'])).code, 28);
    });

    it('aks-firewall-blocks-registry: the cluster\'s node pool names the subnet routed to a classic firewall; this machine is not affected', async () => {
      await w.apply('aks-firewall-blocks-registry');
      const aks = w.state.managedClusters[0];
      assert.match(String(aks.properties.agentPoolProfiles?.[0]?.vnetSubnetID), /\/virtualNetworks\/clients-vnet\/subnets\/aks-nodes$/);
      const fw = await arm(`${netRg()}/azureFirewalls/hub-fw`);
      assert.equal((fw.json!.properties as { applicationRuleCollections: unknown[] }).applicationRuleCollections.length, 1);
      assert.equal((await v2()).stdout, '401');
    });

    it('bastion-private-endpoint: the private endpoint sits in AzureBastionSubnet; its IP is not reachable', async () => {
      await w.apply('bastion-private-endpoint');
      assert.equal(w.hosts['contoso.azurecr.io'], IP.contosoPe);
      const pe = await arm(w.state.privateEndpoints[0].id);
      assert.match(String((pe.json!.properties as { subnet: { id: string } }).subnet.id), /\/subnets\/AzureBastionSubnet$/);
      assert.equal((await v2()).code, 7);
    });

    it('bastion-tunnel: the login server resolves to this machine\'s loopback, where nothing answers; ARM lists the Bastion host in the private endpoint\'s network', async () => {
      await w.apply('bastion-tunnel');
      assert.equal(w.hosts['contoso.azurecr.io'], '127.0.0.1');
      assert.equal((await v2()).code, 7);
      const hosts = await arm(`/subscriptions/${w.azure.subscriptionId}/providers/Microsoft.Network/bastionHosts`);
      assert.match(JSON.stringify(hosts.json), /"enableTunneling":true.*\/virtualNetworks\/contoso-vnet\/subnets\/AzureBastionSubnet"/);
    });

    it('cmk-identity-broken: data plane works, ARM shows encryption with an identity the registry does not have', async () => {
      await w.apply('cmk-identity-broken');
      assert.equal((await v2()).stdout, '401');
      const reg = w.state.registries[0];
      assert.equal(reg.arm.properties.encryption.status, 'enabled');
      assert.equal(reg.arm.identity?.type, 'None');
    });
  });

  describe('combinations and several registries', () => {
    it('client-proxy-broken+missing-acrpull: both faults are present', async () => {
      const info = await w.apply('client-proxy-broken+missing-acrpull');
      assert.equal(info.expectedCause, 'network.client-proxy-broken');
      assert.deepEqual(info.alsoExpected, ['authz.missing-acrpull']);
      assert.equal((await v2()).code, 56);
      const t = await http(w, ['--noproxy', '*', '-u', `${w.azure.clientId}:${w.azure.clientSecret}`, `https://${w.loginServer}/oauth2/token?service=${w.loginServer}&scope=repository:hello:pull`], { ...w.clientEnv() });
      const claims = JSON.parse(Buffer.from(String(t.json!.access_token).split('.')[1], 'base64url').toString());
      assert.deepEqual(claims.access[0].actions, []);
    });

    it('mixed: contoso healthy, fabrikam served, northwind in ARM but not in DNS', async () => {
      await w.apply('mixed');
      assert.equal((await v2()).stdout, '401');
      const f = await curl(w.clientEnv(), ['-o', '/dev/null', '-w', '%{http_code}', 'https://fabrikam.azurecr.io/v2/']);
      assert.equal(f.stdout, '401');
      assert.ok(w.state.registries.some((r) => r.arm.name === 'northwind'));
      const fab = w.state.registries.find((r) => r.arm.name === 'fabrikam')!;
      const twin = w.state.servicePrincipals.find((p) => p.appId === w.azure.clientId && p.tenantId !== w.azure.tenantId)!;
      const { effectiveRegistryActions } = await import('../../../sandbox/arm/state');
      assert.deepEqual(effectiveRegistryActions(w.state, twin.objectId, fab).actions, [], 'no pull on fabrikam');
      const n = await curl(w.clientEnv(), ['-o', '/dev/null', 'https://northwind.azurecr.io/v2/']);
      assert.equal(n.code, 6);
    });
  });
});
