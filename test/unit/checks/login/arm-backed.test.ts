// The login checks that read Azure Resource Manager — login.registry, login.authz.aks,
// login.authz.managed-identity, login.advanced.login-events — and the network area's net.arm,
// against the ARM + Entra simulator on loopback (the real SDK clients), with the default world
// edited per case.
import * as assert from 'node:assert/strict';
import { defaultState, roleAssignment, DEFAULT_IDS, type ArmState } from '../../../../sandbox/arm/state';
import { startFixture, testPki, type Fixture } from '../../azure/simulator-fixture';
import { registryCheck } from '../../../../src/core/checks/login/registry';
import { aksCheck } from '../../../../src/core/checks/login/aks';
import { managedIdentityCheck } from '../../../../src/core/checks/login/managed-identity';
import { loginEventsCheck } from '../../../../src/core/checks/login/login-events';
import { armCheck } from '../../../../src/core/checks/network/arm-checks';
import { LOGIN, NET_CHALLENGE } from '../../../../src/core/checks/login/check-ids';
import { NET } from '../../../../src/core/checks/network/ids';
import type { RegistryFacts } from '../../../../src/core/checks/login/registry-facts';
import type { NetworkArmFacts } from '../../../../src/core/checks/network/registry-network-facts';
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import type { CheckStatus, Finding } from '../../../../src/core/engine/types';
import { testContext } from '../../../support/check-context';
import { renderMessage } from '../../../../src/core/text/message';

type Opts = { target?: string; env?: Partial<DiagnoseEnvironment>; data?: Record<string, unknown>; findings?: Record<string, CheckStatus | Partial<Finding>> };

describe('checks that read ARM (simulator on loopback)', function () {
  this.timeout(60_000);
  const fixtures: Fixture[] = [];
  after(async () => { for (const f of fixtures.splice(0)) await f.stop(); });

  async function world(edit?: (s: ArmState) => void): Promise<Fixture> {
    const state = defaultState();
    edit?.(state);
    const f = await startFixture(state);
    fixtures.push(f);
    return f;
  }
  const ctx = (f: Fixture, o: Opts = {}) => testContext({
    target: o.target, data: o.data, findings: o.findings, signal: AbortSignal.timeout(30_000),
    env: { azure: f.azure, extraCaPem: [testPki().caPem], now: () => new Date(), ...o.env },
  });
  /** login.registry's data for contoso, as the checks after it get it. */
  async function registryFacts(f: Fixture): Promise<RegistryFacts> {
    const out = await registryCheck.run(ctx(f));
    assert.equal(out.status, 'pass', renderMessage(out.message));
    return out.data as RegistryFacts;
  }

  let healthy: Fixture;
  before(async () => { healthy = await world(); });

  describe('login.registry', () => {
    it('passes when ARM lists the registry, and hands on its role assignments and tokens', async () => {
      const facts = await registryFacts(healthy);
      assert.equal(facts.registry?.name, DEFAULT_IDS.registry);
      assert.ok(facts.roleAssignments?.length, 'role assignments read');
      assert.ok(facts.tokens?.some((t) => t.name === 'ci-token'));
    });

    it('fails with name.registry-not-found when ARM lists no such registry and it does not answer either', async () => {
      const out = await registryCheck.run(ctx(healthy, { target: 'contosso.azurecr.io', findings: { [NET.dns]: 'fail', [NET_CHALLENGE]: 'fail' } }));
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'name.registry-not-found');
    });

    it('fails with authz.missing-reader when the registry answers but this identity cannot see it in ARM', async () => {
      const out = await registryCheck.run(ctx(healthy, { target: 'hidden.azurecr.io', findings: { [NET.dns]: 'pass', [NET_CHALLENGE]: 'pass' } }));
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'authz.missing-reader');
    });

    it('warns without a verdict when ARM cannot be asked at all', async () => {
      const f = await world((s) => { s.faults.arm = { kind: 'error500' }; });
      const out = await registryCheck.run(ctx(f));
      assert.equal(out.status, 'warn', renderMessage(out.message));
      assert.equal(out.causeId, undefined);
    });
  });

  describe('login.authz.aks', () => {
    it('passes when the cluster\'s kubelet identity holds AcrPull', async () => {
      const out = await aksCheck.run(ctx(healthy, { data: { [LOGIN.registry]: await registryFacts(healthy) } }));
      assert.equal(out.status, 'pass', renderMessage(out.message));
      assert.deepEqual(out.evidence?.withoutPull, []);
    });

    it('warns with authz.aks-kubelet-missing-acrpull when the kubelet identity lost its role', async () => {
      const f = await world((s) => { s.roleAssignments = s.roleAssignments.filter((a) => a.properties.principalId !== DEFAULT_IDS.kubeletObjectId); });
      const out = await aksCheck.run(ctx(f, { data: { [LOGIN.registry]: await registryFacts(f) } }));
      assert.equal(out.status, 'warn');
      assert.equal(out.causeId, 'authz.aks-kubelet-missing-acrpull');
      assert.equal(out.fixParams?.cluster, DEFAULT_IDS.aksName);
      assert.equal(out.fixParams?.principalId, DEFAULT_IDS.kubeletObjectId);
    });

    it('fails for a named cluster ARM does not list, and is info without role assignments', async () => {
      const named = await aksCheck.run(ctx(healthy, { env: { identity: { kind: 'aks', cluster: 'no-such-aks' } }, data: { [LOGIN.registry]: await registryFacts(healthy) } }));
      assert.equal(named.status, 'fail');
      assert.equal(named.evidence?.clustersSeen, DEFAULT_IDS.aksName);
      assert.equal((await aksCheck.run(ctx(healthy))).status, 'info');
    });
  });

  describe('login.authz.managed-identity', () => {
    it('judges a user-assigned identity found by its client id through its role assignments', async () => {
      const out = await managedIdentityCheck.run(ctx(healthy, { env: { identity: { kind: 'mi', clientId: DEFAULT_IDS.kubeletClientId }, operation: 'pull' }, data: { [LOGIN.registry]: await registryFacts(healthy) } }));
      assert.equal(out.status, 'pass', renderMessage(out.message));
      assert.equal(out.evidence?.clientId, DEFAULT_IDS.kubeletClientId);
    });

    it('fails with authz.missing-acrpull for a pull when the identity holds no pulling role', async () => {
      const f = await world((s) => { s.roleAssignments = s.roleAssignments.filter((a) => a.properties.principalId !== DEFAULT_IDS.kubeletObjectId); });
      const out = await managedIdentityCheck.run(ctx(f, { env: { identity: { kind: 'mi', clientId: DEFAULT_IDS.kubeletClientId }, operation: 'pull' }, data: { [LOGIN.registry]: await registryFacts(f) } }));
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'authz.missing-acrpull');
      assert.equal(out.fixParams?.principalId, DEFAULT_IDS.kubeletObjectId);
    });

    it('fails naming the unknown client id when Azure lists no such identity', async () => {
      const out = await managedIdentityCheck.run(ctx(healthy, { env: { identity: { kind: 'mi', clientId: '00000000-0000-0000-0000-000000000000' } }, data: { [LOGIN.registry]: await registryFacts(healthy) } }));
      assert.equal(out.status, 'fail');
      assert.equal(out.evidence?.clientId, '00000000-0000-0000-0000-000000000000');
    });
  });

  describe('login.advanced.login-events', () => {
    /** The signed-in principal may read the workspace; `results` are the last day's logins (HTTP status as text). */
    const withEvents = (results: string[]) => (s: ArmState) => {
      const sp = s.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === DEFAULT_IDS.tenantId)!;
      s.roleAssignments.push(roleAssignment({ scope: s.workspaces[0].id, role: 'Reader', principalId: sp.objectId, subscriptionId: DEFAULT_IDS.subscriptionId, createdOn: new Date(Date.now() - 30 * 86400_000) }));
      s.loginEvents[DEFAULT_IDS.workspaceCustomerId] = results.map((ResultType, i) => ({
        TimeGenerated: new Date(Date.now() - (i + 1) * 300_000).toISOString(), LoginServer: 'contoso.azurecr.io', Identity: 'contoso',
        CallerIpAddress: '198.51.100.7', ResultType, ResultDescription: ResultType === '200' ? 'ok' : 'authentication required', UserAgent: 'docker/27',
      }));
    };

    it('passes when the workspace the diagnostic settings name holds no failed login', async () => {
      const f = await world(withEvents(['200', '200']));
      const out = await loginEventsCheck.run(ctx(f, { data: { [LOGIN.registry]: await registryFacts(f) } }));
      assert.equal(out.status, 'pass', renderMessage(out.message));
      assert.deepEqual(out.evidence, { workspace: DEFAULT_IDS.workspaceCustomerId, events: 2, failed: 0 });
    });

    it('warns with advanced.login-events-log and the latest failure\'s identity and IP', async () => {
      const f = await world(withEvents(['401', '200', '401']));
      const out = await loginEventsCheck.run(ctx(f, { data: { [LOGIN.registry]: await registryFacts(f) } }));
      assert.equal(out.status, 'warn', renderMessage(out.message));
      assert.equal(out.causeId, 'advanced.login-events-log');
      assert.equal(out.evidence?.failed, 2);
      assert.equal(out.evidence?.latestIp, '198.51.100.7');
      assert.deepEqual(out.fixParams, { workspaceId: DEFAULT_IDS.workspaceCustomerId });
    });

    it('is info when the workspace cannot be read by this sign-in', async () => {
      const out = await loginEventsCheck.run(ctx(healthy, { data: { [LOGIN.registry]: await registryFacts(healthy) } }));
      assert.equal(out.status, 'info');
      assert.equal(out.causeId, undefined);
    });

    it('is info when the registry sends no login events anywhere, and when ARM does not know it', async () => {
      const f = await world((s) => { s.diagnosticSettings = {}; });
      const none = await loginEventsCheck.run(ctx(f, { data: { [LOGIN.registry]: await registryFacts(f) } }));
      assert.equal(none.status, 'info');
      assert.equal(none.causeId, undefined);
      assert.equal((await loginEventsCheck.run(ctx(f))).status, 'info');
    });
  });

  describe('net.arm', () => {
    it('is info with the network facts as data when the registry is visible', async () => {
      const out = await armCheck.run(ctx(healthy));
      assert.equal(out.status, 'info');
      const facts = out.data as NetworkArmFacts;
      assert.equal(facts.name, DEFAULT_IDS.registry);
      assert.ok(facts.dataEndpointHostNames.length >= 1);
    });

    it('is info without data for a registry this sign-in cannot see', async () => {
      const out = await armCheck.run(ctx(healthy, { target: 'hidden.azurecr.io' }));
      assert.equal(out.status, 'info');
      assert.equal(out.data, undefined);
    });
  });
});
