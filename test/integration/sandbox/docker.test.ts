// Docker-side scenarios and the chaos handles (kill/restart dockerd, the registry, the proxy).
import { strict as assert } from 'node:assert';
import type { SandboxWorld } from '../../../sandbox/world';
import { docker, dockerLogin } from './run';
import { getSeededWorld } from './shared-world';

describe('sandbox docker scenarios and chaos handles (integration)', function () {
  this.timeout(120000);
  let w: SandboxWorld;
  before(async () => { w = await getSeededWorld(); });
  afterEach(async () => { if (w && !w.parts.dockerd.running) await w.parts.dockerd.start(); });

  it('docker-daemon-down: the CLI cannot connect to the daemon socket', async () => {
    await w.apply('docker-daemon-down');
    const r = await docker(w.clientEnv(), ['version', '--format', '{{.Server.Version}}']);
    assert.notEqual(r.code, 0);
    assert.ok(r.out.includes(`Cannot connect to the Docker daemon at ${w.dockerHost}. Is the docker daemon running?`), r.out);
    await w.apply('healthy');
    const ok = await docker(w.clientEnv(), ['version', '--format', '{{.Server.Version}}']);
    assert.match(ok.stdout.trim(), /^\d+\.\d+/);
  });

  it('docker-version-old: the daemon reports 17.09 / API 1.32 and still works', async () => {
    await w.apply('docker-version-old');
    const r = await docker(w.clientEnv(), ['version', '--format', '{{.Server.Version}} {{.Server.APIVersion}}']);
    assert.equal(r.stdout.trim(), '17.09.1-ce 1.32', r.out);
    const l = await dockerLogin(w.clientEnv(), w.loginServer, w.azure.clientId, w.azure.clientSecret);
    assert.match(l.out, /Login Succeeded/, l.out);
    await w.apply('healthy');
    const now = await docker(w.clientEnv(), ['version', '--format', '{{.Server.Version}}']);
    assert.notEqual(now.stdout.trim(), '17.09.1-ce');
  });

  it('docker-config-malformed: the CLI reports the broken config.json', async () => {
    await w.apply('docker-config-malformed');
    const r = await docker(w.clientEnv(), ['pull', 'contoso.azurecr.io/hello:v1']);
    assert.match(r.out, /Error loading config file|unexpected end of JSON input|unexpected EOF/i, r.out);
  });

  it('apply keeps dockerd when DNS and proxy are unchanged, restarts it when DNS changes', async () => {
    await w.apply('healthy');
    const pid = w.parts.dockerd.pid;
    await w.apply('throttled');
    assert.equal(w.parts.dockerd.pid, pid, 'a front-only fault does not restart dockerd');
    await w.apply('dns-missing');
    assert.notEqual(w.parts.dockerd.pid, pid, 'a DNS change restarts dockerd (Go caches /etc/hosts)');
    await w.apply('healthy');
  });

  it('the hosts file is rewritten in place (same inode) so bind mounts see it', async () => {
    const fs = await import('node:fs');
    const { HOSTS_FILE } = await import('../../../sandbox/netns');
    const before = fs.statSync(HOSTS_FILE).ino;
    await w.apply('dns-missing');
    assert.equal(fs.statSync(HOSTS_FILE).ino, before);
    assert.doesNotMatch(fs.readFileSync('/etc/hosts', 'utf8'), /contoso\.azurecr\.io$/m);
    await w.apply('healthy');
    assert.match(fs.readFileSync('/etc/hosts', 'utf8'), /^192\.0\.2\.20 contoso\.azurecr\.io$/m);
  });

  it('chaos: stopping the registry gives 502 behind the front; restarting it heals', async () => {
    await w.apply('healthy');
    const login = () => dockerLogin(w.clientEnv(), w.loginServer, w.azure.clientId, w.azure.clientSecret);
    await w.parts.registries.contoso!.stop();
    const pull = await docker(w.clientEnv(), ['pull', 'contoso.azurecr.io/hello:v1']);
    assert.notEqual(pull.code, 0);
    await w.parts.registries.contoso!.start();
    assert.match((await login()).out, /Login Succeeded/);
    const ok = await docker(w.clientEnv(), ['pull', 'contoso.azurecr.io/hello:v1']);
    assert.equal(ok.code, 0, ok.out);
    await docker(w.clientEnv(), ['rmi', '-f', 'contoso.azurecr.io/hello:v1']);
  });

  it('chaos: dockerd can be stopped and started', async () => {
    await w.parts.dockerd.stop();
    assert.equal(w.parts.dockerd.running, false);
    const r = await docker(w.clientEnv(), ['info']);
    assert.match(r.out, /Cannot connect to the Docker daemon/);
    await w.parts.dockerd.start();
    assert.equal((await docker(w.clientEnv(), ['info', '--format', '{{.ServerVersion}}'])).code, 0);
  });

  it('chaos: with tinyproxy stopped, the proxy scenario\'s curl fails to connect to the proxy', async () => {
    await w.apply('daemon-proxy-missing');
    await w.parts.tinyproxy.stop();
    const { curl } = await import('./run');
    const r = await curl(w.clientEnv(), ['--max-time', '3', 'https://contoso.azurecr.io/v2/']);
    assert.equal(r.code, 7, r.out);
    await w.parts.tinyproxy.start();
    const ok = await curl(w.clientEnv(), ['--max-time', '3', '-o', '/dev/null', '-w', '%{http_code}', 'https://contoso.azurecr.io/v2/']);
    assert.equal(ok.stdout, '401');
    await w.apply('healthy');
  });
});
