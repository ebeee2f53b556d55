// What acrDoctor.diagnose / diagnosePull / diagnosePush make of what they are handed.
import assert from 'node:assert/strict';
import { containerToolsImage, diagnoseArgs } from '../../../../src/vscode/commands/diagnose-args';
import type { RegistryElement } from '../../../../src/vscode/tree/elements';

const registry: RegistryElement = { kind: 'registry', source: 'azure', registry: { name: 'fabrikam', loginServer: 'fabrikam.azurecr.io' } };
const ok = (arg: unknown, op?: 'pull' | 'push') => {
  const r = diagnoseArgs(arg, op);
  assert.ok(r.ok, `refused: ${!r.ok ? r.reason : ''}`);
  return r;
};

describe('diagnose arguments', () => {
  it('keeps the old forms: a login server string, a registry node, { loginServer }', () => {
    assert.equal(ok('contoso.azurecr.io').target.loginServer, 'contoso.azurecr.io');
    assert.equal(ok('contoso.azurecr.io').subject, undefined);
    assert.equal(ok(registry).target.loginServer, 'fabrikam.azurecr.io');
    assert.equal(ok({ loginServer: 'contoso.azurecr.io' }).target.loginServer, 'contoso.azurecr.io');
  });

  it('takes { registry, image, operation, identity }', () => {
    const r = ok({ registry: 'fabrikam', image: 'hello:v1', operation: 'push', identity: 'sp:1b2c3d4e-0000-4000-8000-00000000abcd' });
    assert.equal(r.target.loginServer, 'fabrikam.azurecr.io');
    assert.deepEqual(r.subject, { image: { repository: 'hello', tag: 'v1' }, operation: 'push', identity: { kind: 'sp', clientId: '1b2c3d4e-0000-4000-8000-00000000abcd' } });
    assert.deepEqual(ok({ registry: 'fabrikam.azurecr.io', image: 'fabrikam.azurecr.io/hello' }).subject, { image: { repository: 'hello' }, operation: 'pull', identity: { kind: 'azure' } });
    assert.deepEqual(ok({ registry: 'fabrikam', identity: { kind: 'aks', cluster: 'contoso-aks' } }).subject?.identity, { kind: 'aks', cluster: 'contoso-aks' });
    assert.equal(ok({ registry: 'fabrikam' }).subject?.operation, 'login');
  });

  it('refuses what is not a target, saying why', () => {
    const refused = (arg: unknown, why: RegExp) => { const r = diagnoseArgs(arg); assert.ok(!r.ok && why.test(r.reason), JSON.stringify(r)); };
    refused({ registry: 'fabrikam', operation: 'delete' }, /operation is one of login, pull, push/);
    refused({ registry: 'fabrikam', image: 'Hello' }, /lower case/);
    refused({ registry: 'fabrikam', image: 'contoso.azurecr.io/hello' }, /another registry/);
    refused({ registry: 'fabrikam', identity: 'root' }, /not an identity/);
    refused({ registry: 'fabrikam', identity: { kind: 'sp', secret: 'x' } }, /identity is one of/);
    refused({ registry: 'fabrikam', password: 'x' }, /unexpected field password/);
    refused({ registry: 'not a registry!' }, /./);
    refused(42, /names no Azure container registry/);
  });

  it('forces the operation for Diagnose pull / push, from our repository and tag nodes', () => {
    assert.deepEqual(ok({ kind: 'repository', registry, repository: 'hello' }).subject, { image: { repository: 'hello' }, operation: 'pull', identity: { kind: 'azure' } });
    assert.deepEqual(ok({ kind: 'tag', registry, repository: 'hello', tag: 'v1' }, 'push').subject?.image, { repository: 'hello', tag: 'v1' });
    assert.equal(ok({ kind: 'tag', registry, repository: 'hello', tag: 'v1' }, 'push').subject?.operation, 'push');
    assert.equal(ok({ registry: 'fabrikam', image: 'hello', operation: 'login' }, 'push').subject?.operation, 'push');
  });

  it('reads Container Tools repository and tag nodes (UnifiedRegistryItem)', () => {
    const baseUrl = { authority: 'fabrikam.azurecr.io', scheme: 'https' };
    const repo = { label: 'team/app', type: 'commonrepository', baseUrl, additionalContextValues: ['azure'] };
    const tag = { provider: {}, parent: { wrappedItem: repo }, wrappedItem: { label: '1.4', type: 'commontag', baseUrl, parent: repo, additionalContextValues: ['azure'] } };
    assert.deepEqual(containerToolsImage({ provider: {}, wrappedItem: repo }), { repository: 'team/app' });
    assert.deepEqual(containerToolsImage(tag), { repository: 'team/app', tag: '1.4' });
    const r = ok(tag, 'push');
    assert.equal(r.target.loginServer, 'fabrikam.azurecr.io');
    assert.deepEqual(r.subject, { image: { repository: 'team/app', tag: '1.4' }, operation: 'push', identity: { kind: 'azure' } });
    assert.equal(containerToolsImage({ wrappedItem: { type: 'commontag', label: '1.4' } }), undefined, 'a tag without its repository');
    assert.equal(containerToolsImage({ wrappedItem: { type: 'commonrepository', label: '../etc' } }), undefined);
  });
});
