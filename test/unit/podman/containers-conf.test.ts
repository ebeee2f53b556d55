// podman's containers.conf as its way to the registry ([engine] env over the shell's proxy), and
// registries.conf.d drop-ins beside registries.conf; bad input is a finding, never an exception or a secret.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { containersConfFiles, podmanProxy } from '../../../src/core/podman/containers-conf';
import { readRegistriesConfig, registryRule } from '../../../src/core/podman/registries-conf';
import { withClientProxy } from '../../../src/core/engine/client-proxy';
import { containersConfCheck, registriesConfCheck } from '../../../src/core/checks/login/podman';
import { proxyCheck } from '../../../src/core/checks/network/client-path';
import { renderMessage } from '../../../src/core/text/message';
import { testContext, TEST_NOW } from '../../support/check-context';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';

const SECRET = 'Pr0xy-Pa55-9f8e7d6c';

describe('podman: containers.conf proxy and registries.conf.d drop-ins', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-cconf-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string | Buffer) => { const f = path.join(dir, rel); fs.mkdirSync(path.dirname(f), { recursive: true }); fs.writeFileSync(f, text); return f; };
  const env = (clientHost: DiagnoseEnvironment['clientHost'], proxy = {}): DiagnoseEnvironment => ({ client: 'podman', proxy, dockerConfigDir: '/nonexistent', clientHost, now: () => TEST_NOW });

  it('reads the user\'s containers.conf and its drop-ins after the system\'s, CONTAINERS_CONF alone when set', () => {
    write('.config/containers/containers.conf.d/10-a.conf', '');
    write('.config/containers/containers.conf.d/20-b.conf', '');
    write('.config/containers/containers.conf.d/notes.txt', '');
    const files = containersConfFiles({ home: dir }, false);
    assert.ok(files.indexOf('/etc/containers/containers.conf') < files.indexOf(path.join(dir, '.config/containers/containers.conf')));
    assert.deepEqual(files.slice(-2), [path.join(dir, '.config/containers/containers.conf.d/10-a.conf'), path.join(dir, '.config/containers/containers.conf.d/20-b.conf')]);
    assert.ok(!containersConfFiles({ home: dir }, true).some((f) => f.startsWith(dir)), 'root reads no user containers.conf');
    assert.deepEqual(containersConfFiles({ containersConf: '/x.conf', containersConfOverride: '/y.conf', home: dir }, false), ['/x.conf', '/y.conf']);
  });

  it('[engine] env sets podman\'s proxy over the shell\'s; a later drop-in replaces an earlier env', () => {
    write('.config/containers/containers.conf', '[engine]\nenv = ["HTTPS_PROXY=http://first.example:3128"]\n[containers]\nhttp_proxy = false\n');
    write('.config/containers/containers.conf.d/50-proxy.conf', `[engine]\nenv = ["https_proxy=http://user:${SECRET}@proxy.example:8080", "NO_PROXY=.internal", "TZ=UTC"]\n`);
    const p = podmanProxy({ home: dir, containersConfOverride: undefined }, { httpsProxy: 'http://shell.example:1', httpProxy: 'http://shell.example:1' }, false);
    assert.equal(p.effective.httpsProxy, `http://user:${SECRET}@proxy.example:8080`);
    assert.equal(p.effective.noProxy, '.internal');
    assert.equal(p.effective.httpProxy, 'http://shell.example:1', 'what containers.conf does not set stays the shell\'s');
    assert.equal(p.engine.file, path.join(dir, '.config/containers/containers.conf.d/50-proxy.conf'));
    assert.equal(p.httpProxyToContainers, false);
    const none = podmanProxy({ containersConf: path.join(dir, 'missing.conf') }, { httpsProxy: 'http://shell.example:1' }, false);
    assert.equal(none.effective.httpsProxy, 'http://shell.example:1');
  });

  it('the run with podman uses containers.conf\'s proxy: the proxy check tests it and names the file, without the password', async () => {
    const f = write('containers.conf', `[engine]\nenv = ["HTTPS_PROXY=http://user:${SECRET}@127.0.0.1:1"]\n`);
    const e = withClientProxy(env({ containersConf: f }, {}));
    assert.equal(e.proxy.httpsProxy, `http://user:${SECRET}@127.0.0.1:1`);
    const c = await containersConfCheck.run(testContext({ env: e }));
    assert.equal(c.status, 'pass');
    const text = renderMessage(c.message) + JSON.stringify(c.evidence);
    assert.match(text, /http:\/\/\*\*\*@127\.0\.0\.1:1/);
    assert.ok(!text.includes(SECRET));
    // Refused at once: nothing listens on port 1 of the loopback.
    const out = await proxyCheck.run(testContext({ env: { ...e, resolve: {} } }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.client-proxy-broken');
    assert.equal(out.fixParams?.containersConf, f);
    const said = renderMessage(out.message) + JSON.stringify(out.evidence);
    assert.match(said, /podman's proxy http:\/\/\*\*\*@127\.0\.0\.1:1 \(set in .*containers\.conf, \[engine\] env\) fails/);
    assert.ok(!said.includes(SECRET));
    // docker as the client: containers.conf is not read.
    assert.equal(withClientProxy({ ...env({ containersConf: f }), client: 'docker' }).proxy.httpsProxy, undefined);
  });

  it('a malformed or huge containers.conf is a finding naming the file, and the run goes on with the shell\'s proxy', async () => {
    const bad = write('containers.conf', `[engine]\nenv = ["HTTPS_PROXY=http://u:${SECRET}@p:1"\n`);
    const e = withClientProxy(env({ containersConf: bad }, { httpsProxy: 'http://shell.example:1' }));
    assert.equal(e.proxy.httpsProxy, 'http://shell.example:1');
    const out = await containersConfCheck.run(testContext({ env: e }));
    assert.equal(out.causeId, 'client.podman-config-malformed');
    assert.match(renderMessage(out.message), /containers\.conf is not valid TOML \(line \d+, column \d+/);
    assert.ok(!(renderMessage(out.message) + JSON.stringify(out.evidence)).includes(SECRET));
    const huge = write('huge.conf', Buffer.alloc(1024 * 1024 + 10, 0x61));
    const h = await containersConfCheck.run(testContext({ env: withClientProxy(env({ containersConf: huge })) }));
    assert.equal(h.causeId, 'client.podman-config-malformed');
    assert.match(renderMessage(h.message), /far larger than a containers\.conf/);
  });

  it('a registries.conf.d drop-in that blocks or relocates the registry is the cause, naming the drop-in', async () => {
    const main = write('registries.conf', 'unqualified-search-registries = ["docker.io"]\n[[registry]]\nprefix = "contoso.azurecr.io"\nlocation = "contoso.azurecr.io"\n');
    const dropIn = write('.config/containers/registries.conf.d/90-block.conf', '[[registry]]\nprefix = "contoso.azurecr.io"\nlocation = "contoso.azurecr.io"\nblocked = true\n');
    const { files, merged } = await readRegistriesConfig({ registriesConf: main, home: dir });
    assert.ok(files.some((f) => f.file === dropIn && f.state === 'ok'));
    assert.equal(registryRule(merged, 'contoso.azurecr.io').file, dropIn);
    const out = await registriesConfCheck.run(testContext({ env: { client: 'podman', clientHost: { registriesConf: main, home: dir } } }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'client.podman-registry-redirected');
    assert.match(renderMessage(out.message), /90-block\.conf blocks contoso\.azurecr\.io/);
    fs.writeFileSync(dropIn, '[[registry]]\nprefix = "contoso.azurecr.io"\nlocation = "cache.example.com/contoso"\n');
    const moved = await registriesConfCheck.run(testContext({ env: { client: 'podman', clientHost: { registriesConf: main, home: dir } } }));
    assert.equal(moved.causeId, 'client.podman-registry-redirected');
    assert.match(renderMessage(moved.message), /sends contoso\.azurecr\.io to cache\.example\.com\/contoso/);
    fs.writeFileSync(dropIn, '[[registry]]\nprefix = "contoso.azurecr.io"\nlocation = "contoso.azurecr.io"\n[[registry.mirror]]\nlocation = "mirror.example"\n');
    const mirrored = await registriesConfCheck.run(testContext({ env: { client: 'podman', clientHost: { registriesConf: main, home: dir } } }));
    assert.equal(mirrored.status, 'warn');
    assert.deepEqual(mirrored.evidence?.mirrors, ['mirror.example']);
    fs.writeFileSync(dropIn, '[[registry]\nprefix = ');
    const broken = await registriesConfCheck.run(testContext({ env: { client: 'podman', clientHost: { registriesConf: main, home: dir } } }));
    assert.equal(broken.causeId, 'client.podman-config-malformed');
    assert.match(renderMessage(broken.message), /90-block\.conf is not valid TOML/);
  });
});
