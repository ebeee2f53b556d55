// What a second diagnosis in the same process takes from the first and what it reads again, against
// the ARM + Entra simulator: the registry's resource id (Resource Graph) and the ARM connections and
// token are kept; the registry's network facts are read again, so a firewall changed between two
// runs is seen; a kept id that no longer answers is looked up again.
import { strict as assert } from 'node:assert';
import type { TokenCredential } from '@azure/core-auth';
import { defaultState, DEFAULT_IDS, roleAssignment } from '../../../sandbox/arm/state';
import { startFixture, type Fixture } from '../azure/simulator-fixture';
import { loadNetworkArmFacts } from '../../../src/core/checks/network/arm-source';
import { ARM_PRECONNECTIONS, armRequest, preconnectArm, principalKeyOf, wrapsCredential, type ArmAccess } from '../../../src/core/azure/connection';
import { findRegistryKept, REGISTRY_REF_TTL_MS } from '../../../src/core/azure/registry-view';
import { runScopedCredential } from '../../../src/core/engine/run-credential';
import { parseRegistryInput } from '../../../src/core/registry/target';
import type { CallRecord } from '../../../sandbox/arm/server';

const target = parseRegistryInput('contoso.azurecr.io');
const isGraph = (c: CallRecord) => c.method === 'POST' && /microsoft\.resourcegraph\/resources/i.test(c.path);
const isRegistryRead = (c: CallRecord) => c.method === 'GET' && /\/registries\/contoso$/i.test(c.path);
const isToken = (c: CallRecord) => c.kind === 'entra' && /\/token$/i.test(c.path);

describe('warm runs: ARM facts a second diagnosis keeps and reads again', function () {
  this.timeout(30_000);
  let f: Fixture;
  let connections = 0;
  beforeEach(async () => {
    f = await startFixture(defaultState());
    f.sim.server.on('secureConnection', () => { connections++; });
  });
  afterEach(() => f.stop());

  /** One diagnosis's view of Azure: the caller's credential wrapped for the run, as the runner does. */
  const run = (azure: ArmAccess = f.azure) => {
    const signal = AbortSignal.timeout(20_000);
    const credential: TokenCredential = wrapsCredential(runScopedCredential(azure.credential, signal), azure.credential);
    return loadNetworkArmFacts({ ...azure, credential }, target, azure.extraCaPem, signal);
  };
  const callsDuring = async <T>(work: () => Promise<T>): Promise<{ value: T; calls: CallRecord[]; connections: number }> => {
    const from = f.sim.handler.calls.length; const c0 = connections;
    const value = await work();
    return { value, calls: f.sim.handler.calls.slice(from), connections: connections - c0 };
  };

  it('keys what it keeps by the credential a run wrapped, not by the run', () => {
    const base = f.azure.credential;
    const a = wrapsCredential(runScopedCredential(base, new AbortController().signal), base);
    const b = wrapsCredential(runScopedCredential(a, new AbortController().signal), a);
    assert.equal(principalKeyOf(a), base);
    assert.equal(principalKeyOf(b), base);
    assert.equal(principalKeyOf(base), base);
  });

  it('skips the Resource Graph lookup the second time but reads the registry again: a changed firewall is seen', async () => {
    const first = await callsDuring(() => run());
    assert.equal(first.value?.networkRuleSet?.defaultAction ?? 'Allow', 'Allow');
    assert.equal(first.calls.filter(isGraph).length, 1, 'the first run looks the registry up');
    const contoso = f.state.registries.find((r) => r.arm.name === 'contoso')!;
    contoso.arm.properties.networkRuleSet = { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '198.51.100.0/24' }], virtualNetworkRules: [] };
    const second = await callsDuring(() => run());
    assert.equal(second.calls.filter(isGraph).length, 0, 'the kept resource id is used');
    assert.equal(second.calls.filter(isRegistryRead).length, 1, 'the registry itself is read again');
    assert.equal(second.value?.networkRuleSet?.defaultAction, 'Deny');
    assert.deepEqual(second.value?.networkRuleSet?.ipRules.map((r) => r.value), ['198.51.100.0/24']);
  });

  it('keeps the Entra token and the ARM connections for the next run (no token request, no new TLS connection)', async () => {
    const first = await callsDuring(() => run());
    assert.ok(first.calls.some(isToken), 'the first run asks Entra for a token');
    assert.ok(first.connections >= 1);
    const second = await callsDuring(() => run());
    assert.equal(second.calls.filter(isToken).length, 0, 'the token is still valid');
    assert.ok(second.calls.length > 0, 'the second run still reads ARM');
    assert.equal(second.connections, 0, 'ARM requests ride the kept connections');
  });

  it('looks a kept id up again when the registry no longer answers there (moved to another resource group)', async () => {
    await run();
    const contoso = f.state.registries.find((r) => r.arm.name === 'contoso')!;
    const moved = contoso.arm.id.replace(/\/resourceGroups\/[^/]+\//i, '/resourceGroups/moved-rg/');
    if (!f.state.resourceGroups.some((g) => g.name === 'moved-rg')) {
      const rg = f.state.resourceGroups.find((g) => contoso.arm.id.toLowerCase().includes(`/resourcegroups/${g.name.toLowerCase()}/`))!;
      f.state.resourceGroups.push({ ...rg, name: 'moved-rg', id: rg.id.replace(/[^/]+$/, 'moved-rg') });
    }
    const sp = f.state.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === DEFAULT_IDS.tenantId)!;
    f.state.roleAssignments.push(roleAssignment({ scope: moved.replace(/\/providers\/.*$/i, ''), role: 'Contributor', principalId: sp.objectId, subscriptionId: DEFAULT_IDS.subscriptionId }));
    contoso.arm.id = moved;
    const second = await callsDuring(() => run());
    assert.equal(second.calls.filter(isGraph).length, 1, 'a fresh lookup after the kept id answered 404');
    assert.equal(second.value?.resourceGroup.toLowerCase(), 'moved-rg');
  });

  it('does not share a kept id with another principal, and forgets it after REGISTRY_REF_TTL_MS', async () => {
    let now = 1_000_000;
    const clock = () => now;
    assert.equal((await findRegistryKept(f.azure, target.loginServer, undefined, clock)).kept, false);
    assert.equal((await findRegistryKept(f.azure, target.loginServer, undefined, clock)).kept, true);
    const other = f.accessAs(f.azure.tenantId!, f.state.servicePrincipals[0].appId, f.state.servicePrincipals[0].secrets[0].value);
    assert.equal((await findRegistryKept(other, target.loginServer, undefined, clock)).kept, false, 'another credential looks up itself');
    now += REGISTRY_REF_TTL_MS;
    assert.equal((await findRegistryKept(f.azure, target.loginServer, undefined, clock)).kept, false, 'too old: looked up again');
  });

  it('opens ARM connections ahead of the token (unauthenticated HEADs) and the first ARM request rides one of them', async () => {
    const heads: (string | undefined)[] = [];
    f.sim.server.on('request', (req: { method?: string; url?: string; headers: Record<string, unknown> }) => {
      if (req.method === 'HEAD' && req.url === '/') heads.push(typeof req.headers.authorization === 'string' ? 'with authorization' : undefined);
    });
    let now = 5_000_000;
    const before = connections;
    preconnectArm(f.azure, undefined, () => now);
    for (let i = 0; i < 100 && heads.length < ARM_PRECONNECTIONS; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(heads, Array(ARM_PRECONNECTIONS).fill(undefined), 'HEADs of the root, without a token');
    assert.equal(connections - before, ARM_PRECONNECTIONS, 'one connection per HEAD');
    const sub = DEFAULT_IDS.subscriptionId;
    const token = f.sim.handler.calls.length;
    await armRequest(f.azure, 'GET', `/subscriptions/${sub}/providers/Microsoft.ContainerRegistry`, { apiVersion: '2021-04-01', operation: 'read provider' });
    assert.ok(f.sim.handler.calls.slice(token).some(isToken), 'the request needed a token first');
    // The token comes over the credential's own connection; the ARM request over the preconnected one.
    assert.equal(connections - before, ARM_PRECONNECTIONS + 1);
    now += 1000;
    preconnectArm(f.azure, undefined, () => now);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(heads.length, ARM_PRECONNECTIONS, 'not again within a minute');
  });
});
