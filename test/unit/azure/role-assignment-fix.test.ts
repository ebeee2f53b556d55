// The role-assignment fix (createRoleAssignment) against the strict simulator through the real
// SDK: it names the grantee's own principal type (the sign-in's for itself, none for anyone else,
// so ARM reads it), and every refusal is a clear result saying who may grant it.
import { strict as assert } from 'node:assert';
import { DEFAULT_IDS } from '../../../sandbox/arm/state';
import { entraUser } from '../../../sandbox/arm/users';
import { entraGroup } from '../../../sandbox/arm/groups';
import { createRoleAssignment, RoleAssignmentRefused } from '../../../src/core/azure/registry-fixes';
import { principalTypeFor, principalTypeOfClaims } from '../../../src/core/azure/principal-type';
import { AzureAccessError } from '../../../src/core/azure/errors';
import { addPrincipal, startFixture, type Fixture } from './simulator-fixture';

describe('azure: the role-assignment fix names the right principal type and explains refusals', function () {
  this.timeout(60_000);
  let f: Fixture;
  afterEach(async () => { await f?.stop(); });

  function asOwner() {
    const o = addPrincipal(f.state, 'owner', [{ role: 'Owner', scope: `/subscriptions/${DEFAULT_IDS.subscriptionId}` }]);
    return { owner: o, az: f.accessAs(DEFAULT_IDS.tenantId, o.appId, o.secret) };
  }
  const assignmentOf = (principalId: string) => f.state.roleAssignments.filter((a) => a.properties.principalId === principalId);

  it('grants to a user, a group and the signed-in service principal, each stored with its own type', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const { owner, az } = asOwner();
    const user = entraUser(DEFAULT_IDS.tenantId, 'bob@contoso.example');
    const group = entraGroup(DEFAULT_IDS.tenantId, 'ci-pullers', []);
    (f.state.users ??= []).push(user);
    (f.state.groups ??= []).push(group);
    // Before, the fix always sent principalType ServicePrincipal: ARM refused the user and the group.
    for (const [id, type] of [[user.objectId, 'User'], [group.objectId, 'Group'], [owner.objectId, 'ServicePrincipal']] as const) {
      const r = await createRoleAssignment(az, { scope: reg.arm.id, role: 'AcrPull', principalId: id });
      assert.equal(r.changed, true, type);
      assert.deepEqual(assignmentOf(id).filter((a) => a.properties.roleDefinitionId.endsWith('7f951dda-4ed3-4680-a7ca-43fe172d538d')).map((a) => a.properties.principalType), [type]);
    }
  });

  it('asks Microsoft Graph for another principal\'s type when the caller may read the directory', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const { owner, az } = asOwner();
    const user = entraUser(DEFAULT_IDS.tenantId, 'dave@contoso.example');
    const group = entraGroup(DEFAULT_IDS.tenantId, 'builders', []);
    (f.state.users ??= []).push(user);
    (f.state.groups ??= []).push(group);
    // Without Directory.Read.All Graph refuses (403 Authorization_RequestDenied): no type, ARM reads it.
    const t0 = Date.now();
    assert.equal(await principalTypeFor(az, user.objectId), undefined);
    assert.deepEqual(f.sim.handler.calls.filter((c) => c.at >= t0 && c.kind === 'graph').map((c) => c.status), [403]);
    f.state.servicePrincipals.find((p) => p.objectId === owner.objectId)!.graphAppRoles = ['Directory.Read.All'];
    assert.equal(await principalTypeFor(az, user.objectId), 'User');
    assert.equal(await principalTypeFor(az, group.objectId), 'Group');
    assert.equal(await principalTypeFor(az, DEFAULT_IDS.spObjectId), 'ServicePrincipal');
    assert.equal(await principalTypeFor(az, owner.objectId), 'ServicePrincipal', 'the sign-in itself, from its token');
    assert.equal(await principalTypeFor(az, '99999999-9999-4999-8999-999999999999'), undefined, 'unknown to Graph (404)');
    const r = await createRoleAssignment(az, { scope: reg.arm.id, role: 'AcrPull', principalId: user.objectId });
    assert.equal(r.changed, true);
  });

  it('a caller-given type that is wrong is corrected by ARM, not sent again', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const { az } = asOwner();
    const user = entraUser(DEFAULT_IDS.tenantId, 'carol@contoso.example');
    (f.state.users ??= []).push(user);
    const r = await createRoleAssignment(az, { scope: reg.arm.id, role: 'AcrPush', principalId: user.objectId, principalType: 'ServicePrincipal' });
    assert.equal(r.changed, true);
    assert.deepEqual(assignmentOf(user.objectId).map((a) => a.properties.principalType), ['User']);
  });

  it('reads the principal type from the sign-in token', () => {
    assert.equal(principalTypeOfClaims({ idtyp: 'app', oid: 'x' }), 'ServicePrincipal');
    assert.equal(principalTypeOfClaims({ idtyp: 'user', oid: 'x' }), 'User');
    // A user's token without idtyp: delegated scopes and a UPN, though it also names the client app.
    assert.equal(principalTypeOfClaims({ scp: 'user_impersonation', upn: 'a@b', appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' }), 'User');
    assert.equal(principalTypeOfClaims({ appid: 'c', roles: [] }), 'ServicePrincipal');
    assert.equal(principalTypeOfClaims({}), undefined);
  });

  it('no permission to assign roles: a refusal naming Owner / User Access Administrator and the command, nothing changed', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const before = f.state.roleAssignments.length;
    await assert.rejects(createRoleAssignment(f.azure, { scope: reg.arm.id, role: 'AcrPull', principalId: DEFAULT_IDS.spObjectId }), (e: unknown) =>
      e instanceof RoleAssignmentRefused && e.refusal === 'not-authorized' && e.kind === 'forbidden'
      && /Owner or User Access Administrator/.test(e.message)
      && /az role assignment create --assignee-object-id \S+ --assignee-principal-type ServicePrincipal --role "AcrPull"/.test(e.command));
    assert.equal(f.state.roleAssignments.length, before);
  });

  it('an assignment that exists already: unchanged, not an error; an unknown principal: a clear refusal', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const { az } = asOwner();
    // The default service principal holds AcrPush on the registry already.
    const r = await createRoleAssignment(az, { scope: reg.arm.id, role: 'AcrPush', principalId: DEFAULT_IDS.spObjectId });
    assert.deepEqual({ changed: r.changed, already: /already holds AcrPush/.test(r.summary) }, { changed: false, already: true });
    await assert.rejects(createRoleAssignment(az, { scope: reg.arm.id, role: 'AcrPull', principalId: '99999999-9999-4999-8999-999999999999' }),
      (e: unknown) => e instanceof RoleAssignmentRefused && e.refusal === 'principal-not-found');
  });

  it('throttled: retried after Retry-After within the budget; a Retry-After beyond it ends at once as "throttled"', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const { az } = asOwner();
    const puller = addPrincipal(f.state, 'puller', []);
    f.state.faults.arm = { kind: 'throttle', retryAfterSeconds: 1, remaining: 1, pathContains: 'roleAssignments/' };
    const t0 = Date.now();
    const r = await createRoleAssignment(az, { scope: reg.arm.id, role: 'AcrPull', principalId: puller.objectId });
    assert.equal(r.changed, true);
    assert.ok(Date.now() - t0 >= 900, 'waited for Retry-After');
    assert.deepEqual(f.sim.handler.calls.filter((c) => c.at >= t0 && c.method === 'PUT').map((c) => c.status), [429, 201]);
    f.state.faults.arm = { kind: 'throttle', retryAfterSeconds: 60, pathContains: 'roleAssignments/' };
    const t1 = Date.now();
    await assert.rejects(createRoleAssignment(az, { scope: reg.arm.id, role: 'AcrPush', principalId: puller.objectId }),
      (e: unknown) => e instanceof AzureAccessError && e.kind === 'throttled' && e.retryAfterSeconds === 60);
    assert.ok(Date.now() - t1 < 10_000, 'did not wait a minute');
  });
});
