// Azure misbehaving: throttling with Retry-After, 500s, a hanging endpoint, garbage and
// wrongly-shaped JSON. The real SDKs plus core must answer with a typed error or a result —
// never hang past the caller's AbortSignal, never crash, never leak a secret into the message.
import { strict as assert } from 'node:assert';
import { DEFAULT_IDS, stateSecrets } from '../../../sandbox/arm/state';
import { listRegistries } from '../../../src/core/azure/list-registries';
import { fetchRegistryView } from '../../../src/core/azure/registry-view';
import { listSubscriptions } from '../../../src/core/azure/list-subscriptions';
import { listRoleAssignments } from '../../../src/core/azure/role-assignments';
import { listAksClusters } from '../../../src/core/azure/aks';
import { AzureAccessError } from '../../../src/core/azure/errors';
import { startFixture, type Fixture } from './simulator-fixture';

describe('azure: chaos and hostile ARM payloads', function () {
  this.timeout(90_000);
  let f: Fixture;
  afterEach(async () => { await f?.stop(); });

  it('a 429 with Retry-After is retried by the SDK and the listing succeeds', async () => {
    f = await startFixture();
    f.state.faults.arm = { kind: 'throttle', retryAfterSeconds: 1, remaining: 1 };
    const started = Date.now();
    const r = await listRegistries(f.azure);
    assert.equal(r.source, 'resource-graph');
    assert.deepEqual(r.registries.map((x) => x.name), ['contoso']);
    const statuses = f.sim.handler.calls.filter((c) => c.kind === 'arm').map((c) => c.status);
    assert.deepEqual(statuses, [429, 200]);
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
  });

  it('persistent throttling ends in a typed "throttled" error', async () => {
    f = await startFixture();
    f.state.faults.arm = { kind: 'throttle', retryAfterSeconds: 1 };
    await assert.rejects(listSubscriptions(f.azure), (e: unknown) => e instanceof AzureAccessError && e.kind === 'throttled' && e.status === 429);
  });

  it('persistent 500s: the registry view fails with a typed "server" error', async () => {
    f = await startFixture();
    f.state.faults.arm = { kind: 'error500' };
    await assert.rejects(fetchRegistryView(f.azure, f.state.registries[0].arm.id), (e: unknown) => e instanceof AzureAccessError && e.kind === 'server' && e.status === 500);
  });

  it('a hanging ARM endpoint is cut off by the caller\'s AbortSignal', async () => {
    f = await startFixture();
    // Sign in first so only ARM hangs.
    await f.azure.credential.getToken('https://management.azure.com/.default');
    f.state.faults.arm = { kind: 'hang' };
    const started = Date.now();
    await assert.rejects(listRegistries(f.azure, { signal: AbortSignal.timeout(1500) }), (e: unknown) => e instanceof AzureAccessError && e.kind === 'cancelled');
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });

  it('a slow ARM still answers (no premature timeout in core)', async () => {
    f = await startFixture();
    f.state.faults.arm = { kind: 'slow', delayMs: 1200 };
    const r = await listRegistries(f.azure);
    assert.equal(r.registries.length, 1);
  });

  it('garbage (HTML, truncated JSON) is a typed error or an empty result, never a crash', async () => {
    f = await startFixture();
    f.state.faults.arm = { kind: 'garbage' };
    for (const run of [
      () => listRegistries(f.azure),
      () => fetchRegistryView(f.azure, f.state.registries[0].arm.id),
      () => listSubscriptions(f.azure),
      () => listRoleAssignments(f.azure, f.state.registries[0].arm.id),
      () => listAksClusters(f.azure, { subscriptionIds: [DEFAULT_IDS.subscriptionId] }),
    ]) {
      const out = await run().then((v) => ({ v }), (e: unknown) => ({ e }));
      if ('e' in out) assert.ok(out.e instanceof AzureAccessError, `not typed: ${String(out.e)}`);
    }
  });

  it('wrongly-shaped JSON (value not an array, ids as numbers) is a typed error or skipped', async () => {
    f = await startFixture();
    f.state.faults.arm = { kind: 'malformed' };
    const outcomes: string[] = [];
    for (const run of [
      () => listRegistries(f.azure),
      () => fetchRegistryView(f.azure, f.state.registries[0].arm.id),
      () => fetchRegistryView(f.azure, 'contoso.azurecr.io'),
      () => listSubscriptions(f.azure),
      () => listRoleAssignments(f.azure, f.state.registries[0].arm.id),
    ]) {
      const out = await run().then((v) => ({ v }), (e: unknown) => ({ e }));
      if ('e' in out) { assert.ok(out.e instanceof AzureAccessError, `not typed: ${String(out.e)}`); outcomes.push(out.e.kind); } else outcomes.push('ok');
    }
    assert.ok(outcomes.some((o) => o === 'invalid-response'), outcomes.join(','));
  });

  it('hostile values inside a registry resource do not crash the view or the listing', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const p = reg.arm.properties as unknown as Record<string, unknown>;
    p.networkRuleSet = { defaultAction: 'Deny', ipRules: [null, 42, { value: { nested: true } }, { value: '1.2.3.4' }] };
    p.privateEndpointConnections = [null, 'x', { properties: null }, { name: 7 }];
    p.dataEndpointHostNames = 'not-an-array';
    p.policies = null;
    p.encryption = 'x'.repeat(100_000);
    reg.replications.push({ id: 42 } as never);
    reg.tokens[0].arm.properties.credentials.passwords = [{ name: 'password1', creationTime: 'yesterday', expiry: 'never' } as never];
    const outcomes = await Promise.all([
      fetchRegistryView(f.azure, reg.arm.id).then((v) => v, (e: unknown) => e),
      listRegistries(f.azure).then((v) => v, (e: unknown) => e),
      listRegistries(f.azure, { resourceGraph: false }).then((v) => v, (e: unknown) => e),
    ]);
    for (const o of outcomes) {
      if (o instanceof Error) assert.ok(o instanceof AzureAccessError, `not typed: ${o.stack}`);
    }
    const view = outcomes[0];
    if (view && !(view instanceof Error)) {
      assert.ok(Array.isArray((view as { ipRules: unknown }).ipRules));
      const tok = (view as { tokens: { passwords: { expiry?: Date }[] }[] }).tokens[0];
      assert.equal(tok?.passwords[0]?.expiry, undefined, 'an unparseable date is no date');
    }
  });

  it('an untrusted ARM certificate is a "tls" error and a closed port a "network" error', async () => {
    f = await startFixture();
    await assert.rejects(listSubscriptions({ credential: f.azure.credential, armEndpoint: f.sim.url, allowCustomEndpointAudience: true, maxRetries: 0 }),
      (e: unknown) => e instanceof AzureAccessError && e.kind === 'tls');
    await assert.rejects(listSubscriptions({ credential: f.azure.credential, armEndpoint: 'https://127.0.0.1:1', allowCustomEndpointAudience: true, maxRetries: 0 }),
      (e: unknown) => e instanceof AzureAccessError && e.kind === 'network' && e.code === 'ECONNREFUSED');
  });

  it('error messages never carry a secret of the world', async () => {
    f = await startFixture();
    f.state.faults.arm = { kind: 'error500' };
    const errors: string[] = [];
    for (const run of [() => listSubscriptions(f.azure), () => fetchRegistryView(f.azure, f.state.registries[0].arm.id)]) {
      await run().catch((e: unknown) => { errors.push(`${(e as Error).message} ${JSON.stringify(e)}`); });
    }
    assert.ok(errors.length >= 2);
    for (const s of stateSecrets(f.state)) for (const m of errors) assert.ok(!m.includes(s), 'secret in an error');
  });
});
