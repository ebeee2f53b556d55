import * as assert from 'node:assert/strict';
import { decideSignIn } from '../../../src/vscode/auth/servicePrincipalConfig';

const ENV = {
  AZURE_TENANT_ID: 't1', AZURE_CLIENT_ID: 'c1', AZURE_CLIENT_SECRET: 's3cret-value',
  AZURE_AUTHORITY_HOST: 'https://login.sandbox.test/', ACR_DOCTOR_ARM_ENDPOINT: 'https://management.sandbox.test/',
};

describe('sign-in mode (service principal or VS Code account)', () => {
  it('uses the environment service principal when the full set, ARM endpoint included, is there', () => {
    const d = decideSignIn(ENV, {});
    assert.equal(d.mode, 'servicePrincipal');
    assert.deepEqual(d.mode === 'servicePrincipal' && d.config, {
      tenantId: 't1', clientId: 'c1', clientSecret: 's3cret-value', authorityHost: 'https://login.sandbox.test',
      armEndpoint: 'https://management.sandbox.test', source: 'environment',
    });
  });

  it('keeps the VS Code account when only stray AZURE_* variables are set', () => {
    const { ACR_DOCTOR_ARM_ENDPOINT: _, ...stray } = ENV;
    assert.deepEqual(decideSignIn(stray, {}), { mode: 'vscode' });
    assert.deepEqual(decideSignIn({}, {}), { mode: 'vscode' });
  });

  it('obeys signIn = vscode even with a service principal in the environment', () => {
    assert.deepEqual(decideSignIn(ENV, { signIn: 'vscode' }), { mode: 'vscode' });
  });

  it('takes ids from settings and the secret from the environment or secret storage, never settings', () => {
    const fromSettings = decideSignIn({}, { tenantId: 't2', clientId: 'c2', armEndpoint: 'https://management.usgovcloudapi.net' }, 'stored');
    assert.equal(fromSettings.mode, 'servicePrincipal');
    assert.equal(fromSettings.mode === 'servicePrincipal' && fromSettings.config.clientSecret, 'stored');
    assert.equal(fromSettings.mode === 'servicePrincipal' && fromSettings.config.source, 'settings');
    const overEnv = decideSignIn(ENV, { tenantId: 't2', clientId: 'c2' });
    assert.equal(overEnv.mode === 'servicePrincipal' && overEnv.config.tenantId, 't2');
    assert.equal(overEnv.mode === 'servicePrincipal' && overEnv.config.clientSecret, 's3cret-value');
  });

  it('names what is missing for an incomplete service principal', () => {
    assert.deepEqual(decideSignIn({}, { signIn: 'servicePrincipal', tenantId: 't' }), { mode: 'incomplete', missing: ['acrDoctor.azure.clientId', 'AZURE_CLIENT_SECRET'] });
    assert.deepEqual(decideSignIn({}, { tenantId: 't', clientId: 'c' }), { mode: 'incomplete', missing: ['AZURE_CLIENT_SECRET'] });
  });

  it('defaults the ARM endpoint to the public cloud', () => {
    const d = decideSignIn({}, { tenantId: 't', clientId: 'c' }, 's');
    assert.equal(d.mode === 'servicePrincipal' && d.config.armEndpoint, 'https://management.azure.com');
  });
});
