import * as assert from 'node:assert/strict';
import { decideSignIn, parseStoredSecret, storedSecretValue } from '../../../../src/vscode/auth/service-principal-config';

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
    const stored = storedSecretValue({ tenantId: 't2', clientId: 'c2' }, 'stored');
    const fromSettings = decideSignIn({}, { tenantId: 't2', clientId: 'c2', armEndpoint: 'https://management.usgovcloudapi.net' }, stored);
    assert.equal(fromSettings.mode, 'servicePrincipal');
    assert.equal(fromSettings.mode === 'servicePrincipal' && fromSettings.config.clientSecret, 'stored');
    assert.equal(fromSettings.mode === 'servicePrincipal' && fromSettings.config.source, 'settings');
    const sameClient = decideSignIn(ENV, { tenantId: 't1', clientId: 'c1', armEndpoint: 'https://management.usgovcloudapi.net' });
    assert.equal(sameClient.mode === 'servicePrincipal' && sameClient.config.clientSecret, 's3cret-value');
  });

  it('never sends a stored secret to another tenant, client or authority than it was stored for', () => {
    const stored = storedSecretValue({ tenantId: 'T2', clientId: 'c2', authorityHost: 'https://login.microsoftonline.com/' }, 'stored-secret');
    assert.deepEqual(parseStoredSecret(stored), { tenantId: 'T2', clientId: 'c2', authorityHost: 'https://login.microsoftonline.com', secret: 'stored-secret' });
    // The same binding, written differently (case, default authority): used.
    const ok = decideSignIn({}, { tenantId: 't2', clientId: 'C2' }, stored);
    assert.equal(ok.mode === 'servicePrincipal' && ok.config.clientSecret, 'stored-secret');
    for (const other of [
      { tenantId: 't2', clientId: 'c2', authorityHost: 'https://login.attacker.example' },
      { tenantId: 't3', clientId: 'c2' },
      { tenantId: 't2', clientId: 'c3' },
    ]) {
      const d = decideSignIn({}, other, stored);
      assert.deepEqual(d, { mode: 'incomplete', missing: ['AZURE_CLIENT_SECRET'] }, JSON.stringify(other));
    }
    // A bare secret kept before secrets were bound belongs to nothing: it is asked for again.
    assert.deepEqual(decideSignIn({}, { tenantId: 't2', clientId: 'c2' }, 'legacy-bare-secret'), { mode: 'incomplete', missing: ['AZURE_CLIENT_SECRET'] });
    assert.equal(parseStoredSecret('{"secret":"x"}'), undefined);
    assert.equal(parseStoredSecret('{not json'), undefined);
  });

  it("keeps AZURE_CLIENT_SECRET for the environment's own client and tenant", () => {
    assert.deepEqual(decideSignIn(ENV, { tenantId: 't1', clientId: 'c2' }), { mode: 'incomplete', missing: ['AZURE_CLIENT_SECRET'] });
    assert.deepEqual(decideSignIn(ENV, { tenantId: 't2', clientId: 'c1' }), { mode: 'incomplete', missing: ['AZURE_CLIENT_SECRET'] });
    const onlySecret = decideSignIn({ AZURE_CLIENT_SECRET: 'x-secret' }, { tenantId: 't2', clientId: 'c2' });
    assert.equal(onlySecret.mode === 'servicePrincipal' && onlySecret.config.clientSecret, 'x-secret');
  });

  it('asks for the public audience for a custom ARM endpoint only when opted in', () => {
    const off = decideSignIn(ENV, {});
    assert.equal(off.mode === 'servicePrincipal' && off.config.allowCustomEndpointAudience, undefined);
    const bySetting = decideSignIn(ENV, { allowCustomEndpointAudience: true });
    assert.equal(bySetting.mode === 'servicePrincipal' && bySetting.config.allowCustomEndpointAudience, true);
    const byEnv = decideSignIn({ ...ENV, ACR_DOCTOR_ALLOW_CUSTOM_ENDPOINT_AUDIENCE: '1' }, {});
    assert.equal(byEnv.mode === 'servicePrincipal' && byEnv.config.allowCustomEndpointAudience, true);
    const hostile = decideSignIn(ENV, { allowCustomEndpointAudience: ['yes'] });
    assert.equal(hostile.mode === 'servicePrincipal' && hostile.config.allowCustomEndpointAudience, undefined);
  });

  it('names what is missing for an incomplete service principal', () => {
    assert.deepEqual(decideSignIn({}, { signIn: 'servicePrincipal', tenantId: 't' }), { mode: 'incomplete', missing: ['acrDoctor.azure.clientId', 'AZURE_CLIENT_SECRET'] });
    assert.deepEqual(decideSignIn({}, { tenantId: 't', clientId: 'c' }), { mode: 'incomplete', missing: ['AZURE_CLIENT_SECRET'] });
  });

  it('defaults the ARM endpoint to the public cloud', () => {
    const d = decideSignIn({}, { tenantId: 't', clientId: 'c' }, storedSecretValue({ tenantId: 't', clientId: 'c' }, 's'));
    assert.equal(d.mode === 'servicePrincipal' && d.config.armEndpoint, 'https://management.azure.com');
  });
});
