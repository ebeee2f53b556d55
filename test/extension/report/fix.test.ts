// "Run fix" through the real Azure SDK against an ARM simulator running in the extension host
// (so the test can see and shape its state): the firewall refusal is pasted into the report,
// its "Allow this client's IP address" fix runs after the confirmation — answered by the test
// stub, since a modal cannot be clicked from inside the host — and the rule appears in ARM.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_IDS, roleAssignment } from '../../../sandbox/arm/state';
import { signInThrough, startOwnSimulator, type OwnSimulator } from '../tree/own-arm-simulator';
import { SettingsScope } from '../tree/tree-helpers';
import { acrDoctor, until } from './report-helpers';

const LOGIN_SERVER = 'contoso.azurecr.io';
const CAUSE = 'network.ip-rule-excludes-client';
const CLIENT_IP = '192.0.2.77';
const REFUSAL = `Error response from daemon: Get "https://${LOGIN_SERVER}/v2/": denied: client with IP '${CLIENT_IP}' is not allowed access. Refer https://aka.ms/acr/firewall`;

describe('report fixes (extension host, in-host ARM simulator)', function () {
  this.timeout(120_000);
  const settings = new SettingsScope();
  let own: OwnSimulator;

  const contosoRules = () => own.state.registries.find((r) => r.arm.name === DEFAULT_IDS.registry)!.arm.properties.networkRuleSet;

  before(async () => {
    own = await startOwnSimulator();
    const reg = own.state.registries.find((r) => r.arm.name === DEFAULT_IDS.registry);
    assert.ok(reg, 'the simulator has contoso');
    reg.arm.properties.networkRuleSet = { defaultAction: 'Deny', ipRules: [{ action: 'Allow', value: '198.51.100.0/24' }] };
    await signInThrough(own, settings);
  });

  after(async () => {
    delete process.env.ACR_DOCTOR_TEST_CONFIRM;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await settings.restore();
    await own?.stop();
  });

  async function explained() {
    const { report } = await acrDoctor();
    await vscode.commands.executeCommand('acrDoctor.diagnose', LOGIN_SERVER);
    await report.settled(LOGIN_SERVER);
    await report.receive(LOGIN_SERVER, { method: 'explain/submit', params: { text: REFUSAL }, req: 1 });
    const state = report.snapshot(LOGIN_SERVER)!.state;
    const cause = state.explain?.causes.find((c) => c.causeId === CAUSE);
    assert.ok(cause, `pasting the refusal names ${CAUSE}: ${state.explain?.causes.map((c) => c.causeId).join(', ')}`);
    const fix = cause.fixes.find((f) => f.kind === 'changeAzureSetting');
    assert.ok(fix?.runnable, 'the IP rule fix is runnable');
    assert.ok(fix.command?.includes(CLIENT_IP), `the command names the pasted IP: ${fix.command}`);
    return { report, index: fix.index };
  }

  it('changes nothing when the confirmation is declined', async () => {
    const { report, index } = await explained();
    process.env.ACR_DOCTOR_TEST_CONFIRM = 'no';
    await report.receive(LOGIN_SERVER, { method: 'fix/run', params: { causeId: CAUSE, index }, req: 2 });
    assert.equal(report.snapshot(LOGIN_SERVER)!.state.lastFix?.outcome, 'cancelled');
    assert.deepEqual(contosoRules()?.ipRules.map((r) => r.value), ['198.51.100.0/24']);
  });

  it('reports ARM\'s refusal, and changes nothing, when the identity may not write the registry', async () => {
    const { report, index } = await explained();
    process.env.ACR_DOCTOR_TEST_CONFIRM = 'yes';
    await report.receive(LOGIN_SERVER, { method: 'fix/run', params: { causeId: CAUSE, index }, req: 5 });
    const last = report.snapshot(LOGIN_SERVER)!.state.lastFix;
    assert.equal(last?.outcome, 'failed');
    assert.match(last?.message ?? '', /authorization|not authori[sz]ed|AuthorizationFailed/i);
    assert.deepEqual(contosoRules()?.ipRules.map((r) => r.value), ['198.51.100.0/24']);
  });

  it('adds the client IP rule through the SDK when confirmed, then re-runs the diagnosis', async () => {
    // The sandbox principal has AcrPush and Reader; changing the firewall needs Contributor.
    const reg = own.state.registries.find((r) => r.arm.name === DEFAULT_IDS.registry)!;
    const principalId = own.state.servicePrincipals.find((sp) => sp.appId === process.env.AZURE_CLIENT_ID)!.objectId;
    own.state.roleAssignments.push(roleAssignment({ scope: reg.arm.id, role: 'Contributor', principalId, subscriptionId: DEFAULT_IDS.subscriptionId }));
    const { report, index } = await explained();
    process.env.ACR_DOCTOR_TEST_CONFIRM = 'yes';
    own.sim.handler.resetCalls();
    await report.receive(LOGIN_SERVER, { method: 'fix/run', params: { causeId: CAUSE, index }, req: 3 });
    const snap = report.snapshot(LOGIN_SERVER)!;
    assert.equal(snap.state.lastFix?.outcome, 'applied', snap.state.lastFix?.message);
    assert.deepEqual(contosoRules()?.ipRules.map((r) => r.value).sort(), [CLIENT_IP, '198.51.100.0/24'].sort());
    assert.equal(contosoRules()?.defaultAction, 'Deny', 'only the rule was added');
    assert.ok(own.sim.handler.armCalls() > 0, 'the change went through the in-host ARM simulator');
    await report.settled(LOGIN_SERVER);
    await until(() => report.snapshot(LOGIN_SERVER)!.state.phase === 'done', 'the re-run to end');
  });

  it('says so, and changes nothing, when the rule is already there', async () => {
    const { report, index } = await explained();
    process.env.ACR_DOCTOR_TEST_CONFIRM = 'yes';
    await report.receive(LOGIN_SERVER, { method: 'fix/run', params: { causeId: CAUSE, index }, req: 4 });
    assert.equal(contosoRules()?.ipRules.filter((r) => r.value === CLIENT_IP).length, 1);
  });
});
