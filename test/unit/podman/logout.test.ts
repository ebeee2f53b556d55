import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { podmanLogout, podmanLogoutFiles } from '../../../src/core/podman/logout';

describe('podman logout fix', () => {
  let dir: string;
  let run: string, conf: string, docker: string;
  const write = (f: string, v: unknown) => { fs.mkdirSync(path.dirname(f), { recursive: true }); fs.writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v)); };
  const read = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plogout-'));
    run = path.join(dir, 'run', 'containers', 'auth.json');
    conf = path.join(dir, 'home', '.config', 'containers', 'auth.json');
    docker = path.join(dir, 'home', '.docker', 'config.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const host = () => ({ xdgRuntimeDir: path.join(dir, 'run'), home: path.join(dir, 'home') });

  it('removes the host\'s entries (also namespaced keys) from the runtime and the config auth.json, keeping the rest', async () => {
    write(run, { auths: { 'contoso.azurecr.io': { auth: 'YTpi' }, 'fabrikam.azurecr.io': { auth: 'YzpkZQ==' } }, credHelpers: { 'other.io': 'pass' } });
    write(conf, { auths: { 'contoso.azurecr.io/team/app': { auth: 'YTpi' }, 'CONTOSO.azurecr.io': { auth: 'YTpi' } } });
    const r = await podmanLogout('contoso.azurecr.io', host(), path.join(dir, 'home', '.docker'));
    assert.deepEqual(r.removed.map((x) => `${path.relative(dir, x.file)}:${x.key}`).sort(), [
      'home/.config/containers/auth.json:CONTOSO.azurecr.io', 'home/.config/containers/auth.json:contoso.azurecr.io/team/app', 'run/containers/auth.json:contoso.azurecr.io',
    ]);
    assert.deepEqual(read(run), { auths: { 'fabrikam.azurecr.io': { auth: 'YzpkZQ==' } }, credHelpers: { 'other.io': 'pass' } });
    assert.deepEqual(read(conf), { auths: {} });
    assert.deepEqual(r.problems, []);
    assert.equal(r.dockerFallback, undefined);
  });

  it('REGISTRY_AUTH_FILE replaces the runtime file; Docker\'s config.json is reported, never edited', async () => {
    const custom = path.join(dir, 'custom.json');
    write(custom, { auths: { 'contoso.azurecr.io': { auth: 'YTpi' } } });
    write(run, { auths: { 'contoso.azurecr.io': { auth: 'YTpi' } } });
    write(docker, { auths: { 'https://contoso.azurecr.io': { auth: 'YTpi' } } });
    const before = fs.readFileSync(docker, 'utf8');
    const h = { ...host(), registryAuthFile: custom };
    assert.deepEqual(podmanLogoutFiles(h, path.dirname(docker)), [custom, conf]);
    const r = await podmanLogout('contoso.azurecr.io', h, path.dirname(docker));
    assert.deepEqual(r.removed.map((x) => x.file), [custom]);
    assert.deepEqual(read(run).auths['contoso.azurecr.io'], { auth: 'YTpi' }, 'podman does not read the runtime file when REGISTRY_AUTH_FILE is set');
    assert.equal(r.dockerFallback, docker);
    assert.equal(fs.readFileSync(docker, 'utf8'), before);
  });

  it('a malformed or missing file is left as it was and named; the other files are still cleaned', async () => {
    write(run, '{"auths": ');
    write(conf, { auths: { 'contoso.azurecr.io': { auth: 'YTpi' } } });
    const r = await podmanLogout('contoso.azurecr.io', host(), path.join(dir, 'home', '.docker'));
    assert.equal(fs.readFileSync(run, 'utf8'), '{"auths": ');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0], /auth\.json is not valid JSON; it was left as it was/);
    assert.deepEqual(r.removed.map((x) => x.file), [conf]);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(await podmanLogout('contoso.azurecr.io', host(), path.join(dir, 'home', '.docker')), { removed: [], problems: [] });
  });

  it('never leaves a sibling temp file and keeps the file private', async () => {
    write(conf, { auths: { 'contoso.azurecr.io': { auth: 'YTpi' }, 'x.io': {} } });
    await podmanLogout('contoso.azurecr.io', host(), path.join(dir, 'home', '.docker'));
    assert.deepEqual(fs.readdirSync(path.dirname(conf)), ['auth.json']);
    if (process.platform !== 'win32') assert.equal(fs.statSync(conf).mode & 0o077, 0);
  });
});
