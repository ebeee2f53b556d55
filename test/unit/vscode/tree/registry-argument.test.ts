import * as assert from 'node:assert/strict';
import { toRegistryArgument } from '../../../../src/vscode/tree/registry-argument';
import { armScopeFor, registrySuffixForArmEndpoint, registrySuffixForCloud } from '../../../../src/vscode/auth/cloud';

describe('what Diagnose registry is handed', () => {
  it('takes a node of our tree', () => {
    const arg = toRegistryArgument({ kind: 'registry', source: 'azure', registry: { name: 'contoso', loginServer: 'contoso.azurecr.io', subscriptionId: 's', id: '/subscriptions/s/x' } });
    assert.deepEqual(arg, { loginServer: 'contoso.azurecr.io', name: 'contoso', subscriptionId: 's', tenantId: undefined, resourceId: '/subscriptions/s/x', origin: 'tree' });
  });

  it('takes a Container Tools ACR node (UnifiedRegistryItem)', () => {
    const node = {
      provider: {}, parent: undefined,
      wrappedItem: { label: 'Contoso', baseUrl: { authority: 'contoso.azurecr.io', scheme: 'https' }, additionalContextValues: ['azureContainerRegistry'], subscription: { subscriptionId: 's1', tenantId: 't1' } },
    };
    assert.deepEqual(toRegistryArgument(node), { loginServer: 'contoso.azurecr.io', name: 'contoso', subscriptionId: 's1', tenantId: 't1', resourceId: undefined, origin: 'containerTools' });
  });

  it('takes a login server string or object, and nothing else', () => {
    assert.equal(toRegistryArgument(' Contoso.azurecr.io ')?.loginServer, 'contoso.azurecr.io');
    assert.equal(toRegistryArgument({ loginServer: 'x.azurecr.cn' })?.name, 'x');
    for (const bad of [undefined, null, 3, '', {}, { wrappedItem: {} }]) assert.equal(toRegistryArgument(bad), undefined);
  });
});

describe('clouds', () => {
  it('maps clouds and ARM endpoints to registry suffixes and token scopes', () => {
    assert.equal(registrySuffixForCloud('AzureChinaCloud'), 'azurecr.cn');
    assert.equal(registrySuffixForCloud('AzureUSGovernment'), 'azurecr.us');
    assert.equal(registrySuffixForCloud('AzureCloud'), 'azurecr.io');
    assert.equal(registrySuffixForArmEndpoint('https://management.usgovcloudapi.net'), 'azurecr.us');
    assert.equal(armScopeFor('https://management.chinacloudapi.cn/'), 'https://management.chinacloudapi.cn/.default');
    // A custom host gets its own audience: a public-cloud token would be a real Azure token sent to it.
    assert.equal(armScopeFor('https://management.sandbox.test'), 'https://management.sandbox.test/.default');
    assert.equal(armScopeFor('https://management.sandbox.test', { allowCustomEndpointAudience: true }), 'https://management.azure.com/.default');
    assert.equal(armScopeFor('not a url'), 'https://invalid.invalid/.default');
  });
});
