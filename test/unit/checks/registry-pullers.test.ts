// The registry's own pullers without Azure: ACR Tasks and connected registries as ARM returns them
// (whole and half-filled), and their verdicts: the task's identity and rights, a connected
// registry offline or never activated, sync, client and stored tokens disabled or gone.
import * as assert from 'node:assert/strict';
import { pullerOfConnectedRegistry, pullerOfTask } from '../../../src/core/azure/registry-pullers';
import type { PullerDetails } from '../../../src/core/azure/puller-details';
import type { Puller } from '../../../src/core/azure/pullers';
import { judgePuller, verdictWord, type PullRegistryFacts } from '../../../src/core/checks/pullers/verdicts';
import { renderMessage } from '../../../src/core/text/message';
import { say } from '../../../src/core/text/say';

const SUB = '11111111-2222-4333-8444-555555555555';
const REG_ID = `/subscriptions/${SUB}/resourceGroups/contoso-rg/providers/Microsoft.ContainerRegistry/registries/contoso`;
const REF = { id: REG_ID, subscriptionId: SUB, resourceGroup: 'contoso-rg', name: 'contoso', loginServer: 'contoso.azurecr.io' };
const NOW = new Date('2026-12-07T12:00:00Z');
const PID = '0f0f0f0f-1111-4222-8333-444444444444';
const SYNC = `${REG_ID}/tokens/edge-sync-token`;
const CLIENT = `${REG_ID}/tokens/edge-client`;
const dns = { zones: [], read: true };

const facts = (o: Partial<PullRegistryFacts> = {}): PullRegistryFacts => ({
  id: REG_ID, name: 'contoso', loginServer: 'contoso.azurecr.io', resourceGroup: 'contoso-rg', adminUserEnabled: false, anonymousPullEnabled: false,
  publicNetworkAccess: 'Enabled', defaultAction: 'Allow', ipRules: [], networkRuleBypassOptions: 'AzureServices', approvedPrivateEndpoints: 0,
  tokens: [{ id: SYNC, name: 'edge-sync-token', status: 'enabled' }, { id: CLIENT, name: 'edge-client', status: 'enabled' }], ...o,
});
const details = (p: Puller, o: Partial<PullerDetails> = {}): PullerDetails => ({ ...p, readGaps: [], ...o });

const taskRow = (credentials?: unknown, identity?: unknown) => ({
  id: `${REG_ID}/tasks/build-web`, name: 'build-web', type: 'Microsoft.ContainerRegistry/registries/tasks', location: 'westeurope',
  ...(identity ? { identity } : {}),
  properties: { status: 'Enabled', platform: { os: 'Linux' }, step: { type: 'Docker', dockerFilePath: 'Dockerfile', imageNames: ['web:{{.Run.ID}}'] }, ...(credentials ? { credentials } : {}) },
});

const connectedRow = (o: Record<string, unknown> = {}) => ({
  id: `${REG_ID}/connectedRegistries/edge1`, name: 'edge1', type: 'Microsoft.ContainerRegistry/registries/connectedRegistries',
  mode: 'ReadOnly', connectionState: 'Online', activation: { status: 'Active' }, lastActivityTime: new Date('2026-12-07T11:00:00Z'),
  parent: { syncProperties: { tokenId: SYNC, messageTtl: 'P2D' } }, clientTokenIds: [CLIENT], ...o,
});

describe('pullers: the registry\'s tasks and connected registries', () => {
  it('a task with the default login mode pulls with its run token: nothing to grant', () => {
    const t = pullerOfTask(taskRow(), REF)!;
    assert.equal(t.kind, 'task');
    assert.deepEqual(t.images, ['contoso.azurecr.io/web:{{.Run.ID}}']);
    assert.equal(t.credential.kind, 'task-token');
    assert.equal(verdictWord(judgePuller(details(t), facts(), undefined, dns, NOW)), 'ok');
  });

  it('a task that pulls from its registry with its system identity needs AcrPull on it', () => {
    const t = pullerOfTask(taskRow({ sourceRegistry: { loginMode: 'None' }, customRegistries: { 'contoso.azurecr.io': { identity: '[system]' } } }, { type: 'SystemAssigned', principalId: PID }), REF)!;
    assert.equal(t.credential.kind, 'system-mi');
    assert.equal(t.identities.systemPrincipalId, PID);
    const none = judgePuller(details(t, { principalId: PID }), facts(), [], dns, NOW);
    assert.deepEqual(none.problems.map((p) => p.causeId), ['pullers.identity-missing-acrpull']);
    assert.match(renderMessage(none.problems[0].message), /^ACR task build-web pulls with its system-assigned managed identity/);
    const granted = [{ principalId: PID, principalType: 'ServicePrincipal', role: 'AcrPull', scope: REG_ID, createdOn: new Date('2026-01-01T00:00:00Z') }];
    assert.equal(judgePuller(details(t, { principalId: PID }), facts(), granted, dns, NOW).problems.length, 0);
    // Set to pull with an identity it does not have: unresolved, not a missing role.
    const noMi = pullerOfTask(taskRow({ sourceRegistry: { loginMode: 'None' }, customRegistries: { 'contoso.azurecr.io': { identity: '[system]' } } }), REF)!;
    assert.equal(judgePuller(details(noMi, { identityProblem: 'no-system-identity' }), facts(), undefined, dns, NOW).problems[0].causeId, 'pullers.identity-unresolved');
  });

  it('a task with login mode None and no credential for its registry pulls anonymously, which the registry refuses', () => {
    const t = pullerOfTask(taskRow({ sourceRegistry: { loginMode: 'None' } }), REF)!;
    assert.equal(t.credential.kind, 'anonymous');
    assert.equal(judgePuller(details(t), facts(), undefined, dns, NOW).problems[0].causeId, 'pullers.identity-unresolved');
    assert.equal(judgePuller(details(t), facts({ anonymousPullEnabled: true }), undefined, dns, NOW).problems.length, 0);
  });

  it('a task is a trusted service: a restricted registry needs the trusted-services bypass for it', () => {
    const t = details(pullerOfTask(taskRow(), REF)!);
    assert.equal(judgePuller(t, facts({ defaultAction: 'Deny', networkRuleBypassOptions: 'None' }), undefined, dns, NOW).problems[0].causeId, 'pullers.trusted-services-needed');
    assert.equal(judgePuller(t, facts({ defaultAction: 'Deny' }), undefined, dns, NOW).problems.length, 0);
  });

  it('a connected registry online with enabled tokens is healthy; offline, inactive and unhealthy are found', () => {
    const ok = pullerOfConnectedRegistry(connectedRow(), REF)!;
    assert.equal(ok.credential.kind, 'acr-token');
    assert.equal(ok.connected?.lastActivityTime, '2026-12-07T11:00:00.000Z');
    const v = judgePuller(details(ok), facts(), undefined, dns, NOW);
    assert.equal(v.problems.length, 0);
    const off = judgePuller(details(pullerOfConnectedRegistry(connectedRow({ connectionState: 'Offline', statusDetails: [{ type: 'connection', code: 'OFFLINE', description: 'no heartbeat' }] }), REF)!), facts(), undefined, dns, NOW);
    assert.deepEqual(off.problems.map((p) => [p.causeId, p.status]), [['pullers.connected-registry-offline', 'fail']]);
    assert.match(renderMessage(off.problems[0].message), /connected registry edge1 is Offline \(last activity 2026-12-07T11:00:00.000Z; connection OFFLINE no heartbeat\)/);
    assert.match(say(off.problems[0].message, 'nl'), /verbonden register edge1 is Offline/);
    const inactive = judgePuller(details(pullerOfConnectedRegistry(connectedRow({ activation: { status: 'Inactive' }, connectionState: 'Offline' }), REF)!), facts(), undefined, dns, NOW);
    assert.match(renderMessage(inactive.problems[0].message), /never activated/);
    const sick = judgePuller(details(pullerOfConnectedRegistry(connectedRow({ connectionState: 'Unhealthy' }), REF)!), facts(), undefined, dns, NOW);
    assert.equal(sick.problems[0].status, 'warn');
  });

  it('a disabled or deleted sync token fails; a disabled client token warns; tokens not readable stay unknown', () => {
    const p = details(pullerOfConnectedRegistry(connectedRow(), REF)!);
    const disabled = judgePuller(p, facts({ tokens: [{ id: SYNC, name: 'edge-sync-token', status: 'disabled' }, { id: CLIENT, name: 'edge-client', status: 'enabled' }] }), undefined, dns, NOW);
    assert.deepEqual(disabled.problems.map((x) => [x.causeId, x.status, x.fixParams.tokenName]), [['pullers.token-disabled', 'fail', 'edge-sync-token']]);
    const gone = judgePuller(p, facts({ tokens: [] }), undefined, dns, NOW);
    assert.deepEqual(gone.problems.map((x) => [x.causeId, x.status]), [['pullers.token-disabled', 'warn'], ['pullers.token-disabled', 'fail']]);
    assert.match(renderMessage(gone.problems[1].message), /does not have \(deleted or never created\)/);
    const unread = judgePuller(p, facts({ tokens: undefined }), undefined, dns, NOW);
    assert.equal(unread.problems.length, 0);
    assert.equal(verdictWord(unread), 'unknown');
  });

  it('a stored user name that is a token is judged by the token; any other says what is not checked', () => {
    const t = details(pullerOfTask(taskRow({ customRegistries: { 'contoso.azurecr.io': { userName: { type: 'Opaque', value: 'edge-client' }, password: { type: 'Opaque' } } } }), REF)!);
    assert.equal(t.credential.kind, 'password');
    const enabled = judgePuller(t, facts(), undefined, dns, NOW);
    assert.equal(enabled.problems.length, 0);
    assert.match(enabled.unknowns[0], /token edge-client, which exists and is enabled; its password is not readable through ARM/);
    assert.equal(judgePuller(t, facts({ tokens: [{ id: CLIENT, name: 'edge-client', status: 'disabled' }] }), undefined, dns, NOW).problems[0].causeId, 'pullers.token-disabled');
    const other = details({ ...t, credential: { kind: 'password', username: 'someone' } });
    assert.match(judgePuller(other, facts(), undefined, dns, NOW).unknowns[0], /neither the admin user, an app id nor a token of contoso/);
  });

  it('half-filled rows: no id is dropped, no properties or no sync token are gaps, never a throw', () => {
    assert.equal(pullerOfTask({ name: 'x' }, REF), undefined);
    assert.equal(pullerOfConnectedRegistry(null, REF), undefined);
    const bare = pullerOfTask({ id: `${REG_ID}/tasks/t`, properties: null }, REF)!;
    assert.deepEqual(bare.gaps, ['no properties']);
    assert.equal(bare.credential.kind, 'task-token');
    const noToken = pullerOfConnectedRegistry({ id: `${REG_ID}/connectedRegistries/e`, parent: {} }, REF)!;
    assert.equal(noToken.credential.kind, 'unknown');
    assert.deepEqual(noToken.gaps, ['parent.syncProperties.tokenId is empty']);
    assert.equal(verdictWord(judgePuller(details(noToken), facts(), undefined, dns, NOW)), 'unknown');
  });
});
