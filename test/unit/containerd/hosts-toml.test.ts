// containerd's registry host configuration (config_path → <registry>/hosts.toml) and the daemon's
// systemd proxy: redirects and missing capabilities are found, bad TOML is a problem, never a throw.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readHostsToml, readTomlFile, registryConfigPath, resolveTarget, systemdProxy } from '../../../src/core/containerd/config';
import { renderMessage } from '../../../src/core/text/message';

describe('containerd hosts.toml and proxy', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-ctrd-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => { const f = path.join(dir, rel); fs.mkdirSync(path.dirname(f), { recursive: true }); fs.writeFileSync(f, text); return f; };

  it('reads config_path from config version 2 and 3, else the default folder', () => {
    const v2 = readTomlFile(write('v2.toml', 'version = 2\n[plugins."io.containerd.grpc.v1.cri".registry]\n  config_path = "/a:/b"\n'));
    assert.deepEqual(registryConfigPath(v2.table), { dirs: ['/a', '/b'], fromConfig: true });
    const v3 = readTomlFile(write('v3.toml', 'version = 3\n[plugins."io.containerd.cri.v1.images".registry]\nconfig_path = "/c"\n'));
    assert.deepEqual(registryConfigPath(v3.table).dirs, ['/c']);
    assert.deepEqual(registryConfigPath(undefined), { dirs: ['/etc/containerd/certs.d'], fromConfig: false });
  });

  it('a server elsewhere redirects; a [host] for the registry without "pull" is found', () => {
    write('certs.d/contoso.azurecr.io/hosts.toml', 'server = "https://cache.example:5000"\n');
    const h = readHostsToml([path.join(dir, 'certs.d')], 'contoso.azurecr.io')!;
    assert.equal(resolveTarget(h, 'contoso.azurecr.io').resolveHost, 'cache.example:5000');
    write('certs.d/contoso.azurecr.io/hosts.toml', 'server = "https://contoso.azurecr.io"\n[host."https://contoso.azurecr.io"]\ncapabilities = ["resolve"]\nskip_verify = true\nca = "/etc/ca.pem"\n');
    const own = readHostsToml([path.join(dir, 'certs.d')], 'contoso.azurecr.io')!;
    assert.deepEqual(own.hosts[0], { url: 'https://contoso.azurecr.io', capabilities: ['resolve'], ca: ['/etc/ca.pem'], skipVerify: true });
    assert.deepEqual(resolveTarget(own, 'contoso.azurecr.io').withoutPull, ['https://contoso.azurecr.io']);
    write('certs.d/_default/hosts.toml', '');
    assert.equal(readHostsToml([path.join(dir, 'certs.d')], 'fabrikam.azurecr.io')?.file, path.join(dir, 'certs.d/_default/hosts.toml'));
    assert.equal(readHostsToml([path.join(dir, 'none')], 'contoso.azurecr.io'), undefined);
  });

  it('a malformed hosts.toml is a problem naming the file and the line', () => {
    write('certs.d/contoso.azurecr.io/hosts.toml', 'server = "https://x\n[host.\n');
    const h = readHostsToml([path.join(dir, 'certs.d')], 'contoso.azurecr.io')!;
    assert.equal(h.state, 'malformed');
    assert.match(renderMessage(h.problemText!), /hosts\.toml is not valid TOML \(line \d+, column \d+/);
  });

  it('reads the proxy of containerd.service\'s systemd drop-ins, quoted or not, several per line', () => {
    const d = path.join(dir, 'containerd.service.d');
    write('containerd.service.d/http-proxy.conf', '[Service]\nEnvironment="HTTPS_PROXY=http://u:p@proxy:3128" "NO_PROXY=localhost,.svc"\nEnvironment=HTTP_PROXY=http://proxy:3128\n');
    const p = systemdProxy([d]);
    assert.deepEqual(p.vars, { HTTPS_PROXY: 'http://u:p@proxy:3128', NO_PROXY: 'localhost,.svc', HTTP_PROXY: 'http://proxy:3128' });
    assert.deepEqual(p.files, [path.join(d, 'http-proxy.conf')]);
  });
});
