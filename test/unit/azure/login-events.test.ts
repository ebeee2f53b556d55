// The advanced step: find the Log Analytics workspace of the registry's diagnostic settings and
// query ContainerRegistryLoginEvents with the real @azure/monitor-query client.
import { strict as assert } from 'node:assert';
import { DEFAULT_IDS } from '../../../sandbox/arm/state';
import { findLoginEventsWorkspace, loginEventsQuery, queryLoginEvents } from '../../../src/core/azure/login-events';
import { AzureAccessError } from '../../../src/core/azure/errors';
import { addPrincipal, startFixture, type Fixture } from './simulator-fixture';

describe('azure: registry login events (diagnostic settings + Log Analytics)', function () {
  this.timeout(60_000);
  let f: Fixture;
  afterEach(async () => { await f?.stop(); });

  it('finds the workspace and returns the failed logins of the registry', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const rg = `/subscriptions/${DEFAULT_IDS.subscriptionId}/resourceGroups/contoso-rg`;
    const reader = addPrincipal(f.state, 'ops', [{ role: 'Reader', scope: rg }]);
    const az = f.accessAs(DEFAULT_IDS.tenantId, reader.appId, reader.secret);
    const t = new Date(Date.now() - 3600_000).toISOString();
    f.state.loginEvents[DEFAULT_IDS.workspaceCustomerId] = [
      { TimeGenerated: t, LoginServer: 'contoso.azurecr.io', Identity: 'ci-token', CallerIpAddress: '192.0.2.50', ResultType: '401', ResultDescription: 'unauthorized: the password has expired', UserAgent: 'docker/20.10' },
      { TimeGenerated: t, LoginServer: 'other.azurecr.io', Identity: 'x', CallerIpAddress: '192.0.2.51', ResultType: '200', ResultDescription: 'ok', UserAgent: 'docker' },
    ];
    const ws = await findLoginEventsWorkspace(az, reg.arm.id);
    assert.equal(ws?.customerId, DEFAULT_IDS.workspaceCustomerId);
    assert.equal(ws?.diagnosticSetting, 'to-logs');
    const events = await queryLoginEvents(az, ws.customerId, 'contoso.azurecr.io', { endpoint: `${f.sim.url}/v1` });
    assert.equal(events.length, 1);
    assert.equal(events[0].resultType, '401');
    assert.match(events[0].resultDescription!, /password has expired/);
    assert.equal(events[0].callerIp, '192.0.2.50');
    assert.ok(events[0].time instanceof Date);
    assert.match(loginEventsQuery('Contoso.azurecr.io'), /ContainerRegistryLoginEvents[\s\S]*LoginServer =~ 'contoso\.azurecr\.io'/);
  });

  it('no diagnostic settings → null; no read rights on the workspace → a typed error', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    // The default SP reads the registry but not the workspace.
    await assert.rejects(queryLoginEvents(f.azure, DEFAULT_IDS.workspaceCustomerId, 'contoso.azurecr.io', { endpoint: `${f.sim.url}/v1` }),
      (e: unknown) => e instanceof AzureAccessError && e.kind === 'forbidden');
    f.state.diagnosticSettings = {};
    assert.equal(await findLoginEventsWorkspace(f.azure, reg.arm.id), null);
  });
});
