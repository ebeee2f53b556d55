// A diagnosis takes the registry's tenant and subscription from the tree only when a listing has
// already finished (RegistryTreeModel.loadedRegistry): it never starts or awaits one, and what a
// refresh throws away is not handed out afterwards.
import { vscodeStub } from '../../security/vscode-stub';
import assert from 'node:assert/strict';
import type { AzureSessionManager } from '../../../../src/vscode/auth/session-manager';
import type { AzureSession } from '../../../../src/vscode/auth/azure-session';
import type { RegistryListRequest, RegistryListResult } from '../../../../src/vscode/tree/registry-lister';

class Emitter<T> { private l: ((e: T) => void)[] = []; event = (f: (e: T) => void) => { this.l.push(f); return { dispose() {} }; }; fire(e: T) { for (const f of this.l) f(e); } dispose() {} }
Object.assign(vscodeStub, { EventEmitter: Emitter });
Object.assign(vscodeStub.workspace, { getConfiguration: () => ({ get: () => undefined }) });

const TENANT = 't-1';
const session = {
  kind: 'servicePrincipal', armEndpoint: 'https://management.sandbox.test', armScope: 'x/.default', registrySuffix: 'azurecr.io',
  onDidChange: () => ({ dispose() {} }), isSignedIn: async () => true,
  listTenants: async () => [{ tenantId: TENANT, displayName: 'Contoso', signedIn: true }],
  listSubscriptions: async () => [{ subscriptionId: 's-1', tenantId: TENANT, name: 'Production' }],
  armAccess: () => ({}), dispose() {},
} as unknown as AzureSession;
const sessions = { get: async () => session, missing: undefined } as unknown as AzureSessionManager;
const log = { info() {}, warn() {}, debug() {} } as never;

describe('registries tree: what a diagnosis may take from it without waiting', () => {
  it('knows a registry only once its listing has finished, and forgets it on refresh', async () => {
    const { RegistryTreeModel } = await import('../../../../src/vscode/tree/registry-tree-model');
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const requests: RegistryListRequest[] = [];
    const lister = async (req: RegistryListRequest): Promise<RegistryListResult> => {
      requests.push(req);
      await gate;
      return { registries: [{ name: 'contoso', loginServer: 'contoso.azurecr.io', subscriptionId: 's-1', tenantId: TENANT }], failures: [] };
    };
    const model = new RegistryTreeModel(sessions, lister, log);
    assert.equal(model.loadedRegistry('contoso.azurecr.io'), undefined);
    assert.equal(requests.length, 0, 'asking started no listing');
    const listing = model.allRegistries();
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(requests.length, 1);
    assert.equal(model.loadedRegistry('contoso.azurecr.io'), undefined, 'a listing still running is not waited for');
    assert.deepEqual(model.loadedTenants()?.map((t) => t.tenantId), [TENANT], 'the tenants, once listed, are known');
    release();
    await listing;
    assert.equal(model.loadedRegistry('CONTOSO.azurecr.io')?.subscriptionId, 's-1');
    model.refresh();
    assert.equal(model.loadedRegistry('contoso.azurecr.io'), undefined, 'a refresh forgets the listing');
    assert.equal(model.loadedTenants(), undefined, 'and the tenants');
    model.dispose();
  });

  it('shows several tenants without waiting for their subscriptions, which load behind them', async () => {
    const { RegistryTreeModel } = await import('../../../../src/vscode/tree/registry-tree-model');
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let listed = 0;
    const twoTenants = {
      ...session,
      listTenants: async () => [{ tenantId: 't-1', displayName: 'Contoso', signedIn: true }, { tenantId: 't-2', displayName: 'Fabrikam', signedIn: true }],
      listSubscriptions: async () => { listed++; await gate; return [{ subscriptionId: 's-2', tenantId: 't-2', name: 'Staging' }]; },
    } as unknown as AzureSession;
    const model = new RegistryTreeModel({ get: async () => twoTenants, missing: undefined } as unknown as AzureSessionManager, async () => ({ registries: [], failures: [] }), log);
    const roots = await model.getChildren();
    assert.deepEqual(roots.map((r) => r.kind === 'tenant' ? r.tenant.tenantId : r.kind), ['t-1', 't-2'], 'the tenant rows, with the subscriptions still on their way');
    assert.equal(listed, 1, 'the subscriptions are being listed already');
    const under = model.getChildren(roots[1]);
    release();
    assert.deepEqual((await under).map((r) => r.kind === 'subscription' ? r.subscription.subscriptionId : r.kind), ['s-2']);
    assert.equal(listed, 1, 'listed once for the root and the expansion');
    model.dispose();
  });
});
