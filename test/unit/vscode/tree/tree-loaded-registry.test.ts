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
});
