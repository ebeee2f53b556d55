// The ARM simulator answers as ARM does where a fix or a client could be wrong, driven by the real
// Azure SDK clients: principal type, permission to assign roles, an existing assignment, an
// unknown api-version, registry names, throttling with Retry-After.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ContainerRegistryManagementClient } from '@azure/arm-containerregistry';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { RestError } from '@azure/core-rest-pipeline';
import { DEFAULT_IDS, resourceGroupJson } from '../../../sandbox/arm/state';
import { entraUser } from '../../../sandbox/arm/users';
import { entraGroup } from '../../../sandbox/arm/groups';
import { credentialOf } from '../../../src/core/azure/connection';
import { addPrincipal, startFixture, testPki, type Fixture } from './simulator-fixture';

const ROLE = (sub: string, guid: string) => `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const ACR_PULL = '7f951dda-4ed3-4680-a7ca-43fe172d538d';

function restError(code: string, status: number) {
  return (e: unknown) => e instanceof RestError && e.statusCode === status && e.code === code;
}

describe('azure: the ARM simulator is as strict as ARM (real SDK clients)', function () {
  this.timeout(60_000);
  let f: Fixture;
  afterEach(async () => { await f?.stop(); });

  const sdkOptions = (extra: Record<string, unknown> = {}) => ({
    endpoint: f.sim.url, credentialScopes: ['https://management.azure.com/.default'], retryOptions: { maxRetries: 0 },
    tlsOptions: { ca: testPki().caPem } as never, ...extra,
  });
  function clients(access = f.azure) {
    const cred = credentialOf(access);
    return {
      auth: new AuthorizationManagementClient(cred, DEFAULT_IDS.subscriptionId, sdkOptions()),
      acr: new ContainerRegistryManagementClient(cred, DEFAULT_IDS.subscriptionId, sdkOptions()),
    };
  }
  function owner() {
    const reg = f.state.registries[0];
    const o = addPrincipal(f.state, 'owner', [{ role: 'Owner', scope: `/subscriptions/${DEFAULT_IDS.subscriptionId}` }]);
    return { reg, ...clients(f.accessAs(DEFAULT_IDS.tenantId, o.appId, o.secret)) };
  }

  it('a role assignment naming the wrong principal type: 400 UnmatchedPrincipalType; the right type or none: created with the real type', async () => {
    f = await startFixture();
    const { reg, auth } = owner();
    const user = entraUser(DEFAULT_IDS.tenantId, 'alice@contoso.example');
    const group = entraGroup(DEFAULT_IDS.tenantId, 'pullers', []);
    (f.state.users ??= []).push(user);
    (f.state.groups ??= []).push(group);
    const props = (principalId: string, principalType?: string) => ({ roleDefinitionId: ROLE(DEFAULT_IDS.subscriptionId, ACR_PULL), principalId, ...(principalType ? { principalType: principalType as never } : {}) });
    await assert.rejects(auth.roleAssignments.create(reg.arm.id, randomUUID(), props(user.objectId, 'ServicePrincipal')), (e: unknown) =>
      restError('UnmatchedPrincipalType', 400)(e) && /has type 'User' , which is different from specified PrincipalType 'ServicePrincipal'/.test((e as Error).message));
    await assert.rejects(auth.roleAssignments.create(reg.arm.id, randomUUID(), props(group.objectId, 'User')), restError('UnmatchedPrincipalType', 400));
    await assert.rejects(auth.roleAssignments.create(reg.arm.id, randomUUID(), props(DEFAULT_IDS.spObjectId, 'Group')), restError('UnmatchedPrincipalType', 400));
    await assert.rejects(auth.roleAssignments.create(reg.arm.id, randomUUID(), props(user.objectId, 'Robot')), restError('InvalidPrincipalType', 400));
    const asUser = await auth.roleAssignments.create(reg.arm.id, randomUUID(), props(user.objectId, 'User'));
    assert.equal(asUser.principalType, 'User');
    const untyped = await auth.roleAssignments.create(reg.arm.id, randomUUID(), props(group.objectId));
    assert.equal(untyped.principalType, 'Group', 'ARM stores the directory\'s type when none is named');
    await assert.rejects(auth.roleAssignments.create(reg.arm.id, randomUUID(), props(randomUUID(), 'User')), restError('PrincipalNotFound', 400));
  });

  it('a caller without roleAssignments/write: 403 AuthorizationFailed; the same assignment twice: 409 RoleAssignmentExists', async () => {
    f = await startFixture();
    const reg = f.state.registries[0];
    const body = { roleDefinitionId: ROLE(DEFAULT_IDS.subscriptionId, ACR_PULL), principalId: DEFAULT_IDS.spObjectId, principalType: 'ServicePrincipal' as const };
    await assert.rejects(clients().auth.roleAssignments.create(reg.arm.id, randomUUID(), body), (e: unknown) =>
      restError('AuthorizationFailed', 403)(e) && /Microsoft\.Authorization\/roleAssignments\/write/.test((e as Error).message));
    const { auth } = owner();
    await auth.roleAssignments.create(reg.arm.id, randomUUID(), body);
    await assert.rejects(auth.roleAssignments.create(reg.arm.id, randomUUID(), body), restError('RoleAssignmentExists', 409));
  });

  it('an api-version ARM does not know: 400 InvalidApiVersionParameter', async () => {
    f = await startFixture();
    const cred = credentialOf(f.azure);
    for (const apiVersion of ['2099-01-01', 'latest', '2021-13-01']) {
      const acr = new ContainerRegistryManagementClient(cred, DEFAULT_IDS.subscriptionId, sdkOptions({ apiVersion }));
      await assert.rejects(acr.registries.get('contoso-rg', 'contoso'), (e: unknown) =>
        restError('InvalidApiVersionParameter', 400)(e) && (e as Error).message.includes(`'${apiVersion}' is invalid`), apiVersion);
    }
    const subs = new SubscriptionClient(cred, sdkOptions({ apiVersion: '2030-01-01' }));
    await assert.rejects(subs.subscriptions.get(DEFAULT_IDS.subscriptionId), restError('InvalidApiVersionParameter', 400));
    // The SDKs' own versions are known.
    assert.equal((await clients().acr.registries.get('contoso-rg', 'contoso')).name, 'contoso');
  });

  it('registry names: taken or invalid in checkNameAvailability and on create; a free valid name is created', async () => {
    f = await startFixture();
    const { acr } = owner();
    const type = 'Microsoft.ContainerRegistry/registries';
    assert.deepEqual(await acr.registries.checkNameAvailability({ name: 'contoso', type }), { nameAvailable: false, reason: 'AlreadyExists', message: 'The registry contoso is already in use.' });
    assert.equal((await acr.registries.checkNameAvailability({ name: 'no-dash', type })).reason, 'Invalid');
    assert.equal((await acr.registries.checkNameAvailability({ name: 'abc', type })).reason, 'Invalid');
    assert.equal((await acr.registries.checkNameAvailability({ name: 'contosonew', type })).nameAvailable, true);
    // Names are global: "contoso" in another resource group is taken.
    f.state.resourceGroups.push(resourceGroupJson(DEFAULT_IDS.subscriptionId, 'other-rg', 'westeurope'));
    await assert.rejects(acr.registries.beginCreateAndWait('other-rg', 'Contoso', { location: 'westeurope', sku: { name: 'Basic' } }), restError('AlreadyInUse', 409));
    await assert.rejects(acr.registries.beginCreateAndWait('contoso-rg', 'bad_name', { location: 'westeurope', sku: { name: 'Basic' } }), restError('InvalidResourceName', 400));
    // The default service principal (AcrPush + Reader) may not create registries.
    await assert.rejects(clients().acr.registries.beginCreateAndWait('contoso-rg', 'contosonew', { location: 'westeurope', sku: { name: 'Basic' } }), restError('AuthorizationFailed', 403));
    const created = await acr.registries.beginCreateAndWait('contoso-rg', 'contosonew', { location: 'westeurope', sku: { name: 'Standard' } });
    assert.equal(created.loginServer, 'contosonew.azurecr.io');
    assert.equal((await acr.registries.checkNameAvailability({ name: 'ContosoNew', type })).nameAvailable, false);
  });

  it('throttling (state.faults.arm throttle): 429 with Retry-After, which the SDK waits out and retries', async () => {
    f = await startFixture();
    f.state.faults.arm = { kind: 'throttle', retryAfterSeconds: 1, remaining: 1, pathContains: '/registries/contoso' };
    const acr = new ContainerRegistryManagementClient(credentialOf(f.azure), DEFAULT_IDS.subscriptionId, sdkOptions({ retryOptions: { maxRetries: 2 } }));
    const t0 = Date.now();
    assert.equal((await acr.registries.get('contoso-rg', 'contoso')).name, 'contoso');
    const statuses = f.sim.handler.calls.filter((c) => c.at >= t0 && c.path.endsWith('/registries/contoso')).map((c) => c.status);
    assert.deepEqual(statuses, [429, 200]);
    assert.ok(Date.now() - t0 >= 900, 'the retry waited for Retry-After');
    f.state.faults.arm = { kind: 'throttle', retryAfterSeconds: 7 };
    const noRetry = new ContainerRegistryManagementClient(credentialOf(f.azure), DEFAULT_IDS.subscriptionId, sdkOptions());
    await assert.rejects(noRetry.registries.get('contoso-rg', 'contoso'), (e: unknown) => e instanceof RestError && e.statusCode === 429 && e.response?.headers.get('retry-after') === '7');
  });
});
