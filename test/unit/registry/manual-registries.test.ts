import * as assert from 'node:assert/strict';
import { addManualRegistry, readManualRegistries, removeManualRegistry } from '../../../src/core/registry/manual-registries';

describe('registries added by name', () => {
  it('normalises, de-duplicates and reports unreadable entries', () => {
    const r = readManualRegistries(['Contoso.azurecr.io', 'contoso', 'fabrikam.azurecr.cn', 'evil.example.com', 7, 'a']);
    assert.deepEqual(r.loginServers, ['contoso.azurecr.io', 'fabrikam.azurecr.cn']);
    assert.deepEqual(r.invalid.map((i) => i.entry), ['evil.example.com', '7', 'a']);
    assert.match(r.invalid[0].reason, /not an Azure Container Registry domain/);
  });

  it('treats a non-list setting as a problem, not as empty', () => {
    const r = readManualRegistries('contoso.azurecr.io');
    assert.deepEqual(r.loginServers, []);
    assert.equal(r.invalid.length, 1);
    assert.deepEqual(readManualRegistries(undefined), { loginServers: [], invalid: [] });
    // Found by the 10 000-input fuzz run: String() of such an object throws.
    assert.equal(readManualRegistries({ toString: false }).invalid.length, 1);
    assert.deepEqual(readManualRegistries([{ toString: false }, 'contoso']).loginServers, ['contoso.azurecr.io']);
  });

  it('adds a valid login server or name (with the cloud suffix)', () => {
    assert.deepEqual(addManualRegistry(['contoso.azurecr.io'], ' MyReg01 ', 'azurecr.us'), { ok: true, loginServer: 'myreg01.azurecr.us', list: ['contoso.azurecr.io', 'myreg01.azurecr.us'] });
    assert.deepEqual(addManualRegistry(undefined, 'https://myreg01.azurecr.io/'), { ok: true, loginServer: 'myreg01.azurecr.io', list: ['myreg01.azurecr.io'] });
  });

  it('refuses duplicates and invalid input with a message', () => {
    const dup = addManualRegistry(['contoso.azurecr.io'], 'CONTOSO');
    assert.equal(dup.ok, false);
    assert.equal(!dup.ok && dup.reason, 'duplicate');
    const bad = addManualRegistry([], 'my registry!');
    assert.equal(bad.ok, false);
    assert.equal(!bad.ok && bad.reason, 'invalid');
    assert.match(!bad.ok ? bad.message : '', /not a registry name or login server/);
    assert.equal(addManualRegistry([], 'docker.io').ok, false);
  });

  it('removes by login server, keeping entries it cannot parse', () => {
    assert.deepEqual(removeManualRegistry(['contoso', 'fabrikam.azurecr.io', '???'], 'contoso.azurecr.io'), ['fabrikam.azurecr.io', '???']);
    assert.deepEqual(removeManualRegistry(['???'], '???'), []);
  });
});
