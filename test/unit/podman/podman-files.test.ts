// podman's auth.json (found in podman's order, Docker's format) and registries.conf (a TOML
// subset), bad input included: a clear state with a sentence, never an exception, no secret.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { podmanAuthFiles, podmanAuthFor, readAuthFile } from '../../../src/core/podman/auth-file';
import { readRegistriesConf, registryRule } from '../../../src/core/podman/registries-conf';
import { parseCtrVersion } from '../../../src/core/containerd/ctr';
import { podmanAuthOutcome, registriesConfCheck } from '../../../src/core/checks/login/podman';
import { containerdDaemonCheck } from '../../../src/core/checks/login/containerd';
import { renderMessage } from '../../../src/core/text/message';
import { testContext } from '../../support/check-context';

const SECRET = 'N0t-For-Anyone-7c1d2e3f4a5b';
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('podman\'s files and containerd\'s version', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-podman-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => { const f = path.join(dir, rel); fs.mkdirSync(path.dirname(f), { recursive: true }); fs.writeFileSync(f, text); return f; };

  it('looks where podman looks: REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR, then ~/.config, then Docker\'s config', () => {
    assert.deepEqual(podmanAuthFiles({ registryAuthFile: '/a/auth.json', home: '/h' }, '/h/.docker', 1000), ['/a/auth.json', '/h/.config/containers/auth.json', '/h/.docker/config.json']);
    assert.deepEqual(podmanAuthFiles({ xdgRuntimeDir: '/run/user/1000', home: '/h' }, '/h/.docker', 1000), ['/run/user/1000/containers/auth.json', '/h/.config/containers/auth.json', '/h/.docker/config.json']);
    assert.deepEqual(podmanAuthFiles({ home: '/root' }, '/root/.docker', 0)[0], '/run/containers/0/auth.json');
  });

  it('takes the login from the first file that has one, and stops at a broken file', async () => {
    write('run/containers/auth.json', JSON.stringify({ auths: { 'other.azurecr.io': { auth: b64('u:p') } } }));
    write('home/.config/containers/auth.json', JSON.stringify({ auths: { 'contoso.azurecr.io': { auth: b64(`sp:${SECRET}`) } } }));
    const h = { xdgRuntimeDir: path.join(dir, 'run'), home: path.join(dir, 'home') };
    const found = await podmanAuthFor('contoso.azurecr.io', h, path.join(dir, 'docker'));
    assert.equal(found.config.file, path.join(dir, 'home/.config/containers/auth.json'));
    assert.equal(found.config.auths.get('contoso.azurecr.io')?.username, 'sp');
    write('run/containers/auth.json', '{"auths": {"contoso.azurecr.io": {"auth": "');
    const broken = await podmanAuthFor('contoso.azurecr.io', h, path.join(dir, 'docker'));
    assert.equal(broken.config.state, 'malformed');
    assert.match(broken.config.problem ?? '', /auth\.json is not valid JSON \((?:it ends too early|error at line 1, column \d+)\); podman fails with "unmarshaling JSON"/);
  });

  it('login.docker.config as podman: a malformed auth.json is podman\'s cause, with no secret in the finding', async () => {
    const f = write('auth.json', `{"auths": {"contoso.azurecr.io": {"auth": "${b64(`sp:${SECRET}`)}" }, }`);
    const out = await podmanAuthOutcome(testContext({ env: { client: 'podman', clientHost: { registryAuthFile: f }, dockerConfigDir: path.join(dir, 'docker') } }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'client.podman-config-malformed');
    assert.equal(out.fixParams?.podmanAuthFile, f);
    assert.ok(!JSON.stringify(out).includes(SECRET) && !JSON.stringify(out).includes(b64(`sp:${SECRET}`)));
    const dirNotFile = await readAuthFile(dir);
    assert.equal(dirNotFile.state, 'unreadable');
  });

  it('reads registries.conf: blocked, redirected and mirrored registries, V1 blocks', async () => {
    const conf = await readRegistriesConf(write('registries.conf', `
unqualified-search-registries = ["docker.io", 'quay.io']
# a comment
[[registry]]
prefix = "contoso.azurecr.io"
location = "contoso.azurecr.io"
blocked = true

[[registry]]
location = "fabrikam.azurecr.io"
insecure = false
[[registry.mirror]]
location = "mirror.example"
[registries.block]
registries = [
  "evil.example",
]
`));
    assert.equal(conf.state, 'ok');
    assert.deepEqual(conf.unqualifiedSearch, ['docker.io', 'quay.io']);
    assert.equal(conf.registries.length, 2);
    assert.deepEqual(conf.blockedV1, ['evil.example']);
    // The mirror belongs to the registry it follows, not to the last one.
    assert.deepEqual(registryRule(conf, 'fabrikam.azurecr.io').mirrors, ['mirror.example']);
    assert.deepEqual(registryRule(conf, 'contoso.azurecr.io').mirrors, []);
    assert.equal(registryRule(conf, 'evil.example').blocked, true);
  });

  it('bad registries.conf: a problem naming the line, never an exception', async () => {
    const f = write('registries.conf', '[[registry]]\nlocation = "contoso.azurecr.io"\nblocked = maybe\n');
    const conf = await readRegistriesConf(f);
    assert.equal(conf.state, 'malformed');
    assert.match(conf.problem ?? '', /is not valid TOML \(line 3, column \d+: /);
    const garbage = await readRegistriesConf(write('garbage.conf', '\u0000\u0001{{{ not toml'));
    assert.equal(garbage.state, 'malformed');
    const out = await registriesConfCheck.run(testContext({ env: { client: 'podman', clientHost: { registriesConf: f } } }));
    assert.equal(out.causeId, 'client.podman-config-malformed');
    assert.match(renderMessage(out.message), /line 3/);
  });

  it('registries.conf that blocks the registry fails; one that leaves it alone passes', async () => {
    const blocked = write('blocked.conf', '[[registry]]\nprefix = "contoso.azurecr.io"\nlocation = "contoso.azurecr.io"\nblocked = true\n');
    const rule = registryRule(await readRegistriesConf(blocked), 'contoso.azurecr.io');
    assert.equal(rule.blocked, true);
    const out = await registriesConfCheck.run(testContext({ env: { client: 'podman', clientHost: { registriesConf: blocked } } }));
    assert.equal(out.status, 'fail');
    assert.match(renderMessage(out.message), /blocks contoso\.azurecr\.io \(blocked = true\)/);
    const fine = write('fine.conf', 'unqualified-search-registries = ["docker.io"]\n');
    assert.equal((await registriesConfCheck.run(testContext({ env: { client: 'podman', clientHost: { registriesConf: fine } } }))).status, 'pass');
  });

  it('ctr version: the client\'s and the server\'s; a dead socket is containerd unreachable', async () => {
    assert.deepEqual(parseCtrVersion('Client:\n  Version:  1.6.20~ds1\n  Revision: x\n\nServer:\n  Version:  1.7.2\n  UUID: y\n'), { client: '1.6.20~ds1', server: '1.7.2' });
    assert.deepEqual(parseCtrVersion('Client:\n  Version:  1.6.20~ds1\n'), { client: '1.6.20~ds1' });
    const ctr = write('bin/ctr', '#!/bin/sh\necho "Client:"; echo "  Version:  1.6.20"; echo \'ctr: failed to dial "/gone.sock": context deadline exceeded\' >&2; exit 1\n');
    fs.chmodSync(ctr, 0o755);
    const out = await containerdDaemonCheck.run(testContext({ env: { client: 'containerd', clientHost: { containerdAddress: '/gone.sock' } }, data: { 'login.containerd.cli': ctr } }));
    assert.equal(out.causeId, 'client.containerd-unreachable');
    assert.match(renderMessage(out.message), /containerd does not answer at \/gone\.sock: ctr: failed to dial/);
  });
});
