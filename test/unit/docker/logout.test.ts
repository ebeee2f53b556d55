import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dockerLogout } from '../../../src/core/docker/logout';

describe('docker logout fix', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlogout-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('removes every auths entry of the host and keeps the rest of the file', async () => {
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({
      auths: { 'contoso.azurecr.io': { auth: 'YTpi' }, 'https://contoso.azurecr.io/v1/': { auth: 'YTpi' }, 'fabrikam.azurecr.io': { auth: 'YzpkZQ==' } },
      proxies: { default: { httpsProxy: 'http://p:1' } }, detachKeys: 'ctrl-e,e',
    }));
    const r = await dockerLogout(dir, 'contoso.azurecr.io');
    assert.deepEqual(r.removedEntries.sort(), ['contoso.azurecr.io', 'https://contoso.azurecr.io/v1/']);
    const after = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
    assert.deepEqual(Object.keys(after.auths), ['fabrikam.azurecr.io']);
    assert.equal(after.detachKeys, 'ctrl-e,e');
    assert.equal(after.proxies.default.httpsProxy, 'http://p:1');
  });
  it('leaves a malformed or missing file alone and says why', async () => {
    assert.deepEqual(await dockerLogout(dir, 'contoso.azurecr.io'), { removedEntries: [], problem: undefined });
    fs.writeFileSync(path.join(dir, 'config.json'), '{"auths": ');
    const r = await dockerLogout(dir, 'contoso.azurecr.io');
    assert.match(r.problem!, /not valid JSON/);
    assert.equal(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'), '{"auths": ');
  });
  it('asks the credential helper to erase the host', async () => {
    const log = path.join(dir, 'erased');
    const helper = path.join(dir, 'docker-credential-test');
    fs.writeFileSync(helper, `#!/bin/sh\nread host; echo "$1 $host" > ${log}\n`);
    fs.chmodSync(helper, 0o755);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ credsStore: 'test', auths: { 'contoso.azurecr.io': {} } }));
    const r = await dockerLogout(dir, 'contoso.azurecr.io', { pathEnv: dir });
    assert.equal(r.helperErased, true);
    assert.equal(fs.readFileSync(log, 'utf8').trim(), 'erase contoso.azurecr.io');
    assert.deepEqual(r.removedEntries, ['contoso.azurecr.io']);
  });
});
