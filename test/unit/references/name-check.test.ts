import assert from 'node:assert/strict';
import { checkReferenceName, loginServerOf, type RegistryReference } from '../../../src/core/references';

const ref = (written: string, kind: RegistryReference['kind'] = 'dockerfileFrom'): RegistryReference =>
  ({ kind, written, range: { line: 0, start: 0, end: written.length } });

describe('references: cheap name check', () => {
  it('accepts a correct login server', () => {
    assert.deepEqual(checkReferenceName(ref('contoso.azurecr.io')), []);
    assert.deepEqual(checkReferenceName(ref('contoso.azurecr.cn')), []);
    assert.equal(loginServerOf(ref('contoso.azurecr.io')), 'contoso.azurecr.io');
  });

  it('flags upper case with the lower-case suggestion', () => {
    assert.deepEqual(checkReferenceName(ref('Contoso.AzureCR.io')), [
      { causeId: 'name.upper-case', suggestion: 'contoso.azurecr.io' },
    ]);
    assert.equal(loginServerOf(ref('Contoso.AzureCR.io')), 'contoso.azurecr.io');
  });

  it('flags a wrong cloud suffix and a missing one', () => {
    assert.deepEqual(checkReferenceName(ref('contoso.azurecr.com')), [
      { causeId: 'name.wrong-cloud-suffix', suggestion: 'contoso.azurecr.io' },
    ]);
    assert.equal(loginServerOf(ref('contoso.azurecr.com')), undefined);
    assert.deepEqual(checkReferenceName(ref('contoso', 'workflowLoginAction')), [
      { causeId: 'name.missing-suffix', suggestion: 'contoso.azurecr.io' },
    ]);
  });

  it('wants the resource name for az acr login -n', () => {
    assert.deepEqual(checkReferenceName(ref('contoso', 'workflowAzAcrLogin')), []);
    assert.deepEqual(checkReferenceName(ref('contoso.azurecr.io', 'workflowAzAcrLogin')), [
      { causeId: 'name.resource-name-vs-login-server', suggestion: 'contoso' },
    ]);
    assert.deepEqual(checkReferenceName(ref('contoso-e7ggejfuhzhgedc8.azurecr.io', 'workflowAzAcrLogin')), [
      { causeId: 'name.resource-name-vs-login-server', suggestion: 'contoso' },
    ], 'a domain-name-label login server: the resource name is the part before the hash');
    assert.deepEqual(checkReferenceName(ref('contoso-e7ggejfuhzhgedc8.azurecr.io')), [], 'a valid login server in an image or login-action position');
    assert.equal(loginServerOf(ref('contoso-e7ggejfuhzhgedc8.azurecr.io')), 'contoso-e7ggejfuhzhgedc8.azurecr.io');
  });
});
