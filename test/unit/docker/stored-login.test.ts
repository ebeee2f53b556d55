import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerStoredLogin } from '../../../src/core/docker/stored-login';
import { clientStoredLogin } from '../../../src/core/podman/stored-login';
import { mkdirSync } from 'node:fs';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe("Docker's stored login for a listing", () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'acr-stored-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });
  const config = (o: unknown) => writeFileSync(join(dir, 'config.json'), typeof o === 'string' ? o : JSON.stringify(o));

  it('reads a user and password from auths', async () => {
    config({ auths: { 'contoso.azurecr.io': { auth: b64('contoso:s3cret') } } });
    assert.deepEqual((await dockerStoredLogin(dir, 'contoso.azurecr.io')).login, { kind: 'password', username: 'contoso', password: 's3cret' });
  });

  it('gives an identity token (az acr login) as a refresh token', async () => {
    config({ auths: { 'https://contoso.azurecr.io': { auth: b64('00000000-0000-0000-0000-000000000000:'), identitytoken: 'eyJ.refresh.token' } } });
    assert.deepEqual((await dockerStoredLogin(dir, 'contoso.azurecr.io')).login, { kind: 'refresh', refreshToken: 'eyJ.refresh.token' });
  });

  it('says why there is none: no entry, a malformed config, a missing helper', async () => {
    config({ auths: { 'fabrikam.azurecr.io': { auth: b64('a:b') } } });
    let r = await dockerStoredLogin(dir, 'contoso.azurecr.io');
    assert.equal(r.login, undefined);
    assert.match(r.reason ?? '', /no stored login for contoso\.azurecr\.io/);
    config('{ not json');
    r = await dockerStoredLogin(dir, 'contoso.azurecr.io');
    assert.equal(r.login, undefined);
    assert.match(r.reason ?? '', /config\.json is malformed/);
    config({ credsStore: 'nosuchhelper' });
    r = await dockerStoredLogin(dir, 'contoso.azurecr.io', { pathEnv: dir });
    assert.equal(r.login, undefined);
    assert.match(r.reason ?? '', /nosuchhelper/);
  });

  it("the listing uses the stored login of the client in use: podman's auth.json for podman, Docker's config.json for docker and nerdctl", async () => {
    config({ auths: { 'contoso.azurecr.io': { auth: b64('docker-user:d') } } });
    const runDir = join(dir, 'run');
    mkdirSync(join(runDir, 'containers'), { recursive: true });
    writeFileSync(join(runDir, 'containers', 'auth.json'), JSON.stringify({ auths: { 'contoso.azurecr.io': { auth: b64('podman-user:p') } } }));
    const env = (client: DiagnoseEnvironment['client']) => ({ client, dockerConfigDir: dir, clientHost: { xdgRuntimeDir: runDir, home: join(dir, 'home') } }) as DiagnoseEnvironment;
    assert.deepEqual((await clientStoredLogin(env('podman'), 'contoso.azurecr.io')).login, { kind: 'password', username: 'podman-user', password: 'p' });
    assert.deepEqual((await clientStoredLogin(env('docker'), 'contoso.azurecr.io')).login, { kind: 'password', username: 'docker-user', password: 'd' });
    assert.deepEqual((await clientStoredLogin(env('containerd'), 'contoso.azurecr.io')).login, { kind: 'password', username: 'docker-user', password: 'd' });
    assert.equal((await clientStoredLogin(env('containerd'), 'fabrikam.azurecr.io')).reason, 'nerdctl has no stored login for fabrikam.azurecr.io');
    assert.equal((await clientStoredLogin(env('podman'), 'fabrikam.azurecr.io')).reason, 'podman has no stored login for fabrikam.azurecr.io');
  });
});
