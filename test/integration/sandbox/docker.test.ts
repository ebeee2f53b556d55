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
    await w.parts.registries.contoso.stop();
    const pull = await docker(w.clientEnv(), ['pull', 'contoso.azurecr.io/hello:v1']);
    assert.notEqual(pull.code, 0);
    await w.parts.registries.contoso.start();
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

describe('sandbox client-side and check-health scenarios (integration)', function () {
  this.timeout(120000);
  let w: SandboxWorld;
  before(async () => { w = await getSeededWorld(); });

  it('docker-cli-missing: the client PATH has no docker, but has node and curl', async () => {
    await w.apply('docker-cli-missing');
    const { run } = await import('./run');
    const r = await run('sh', ['-c', 'command -v docker || echo none; command -v curl'], w.clientEnv());
    assert.match(r.stdout, /^none\n.*curl\n$/s, r.out);
    await w.apply('healthy');
    const ok = await run('sh', ['-c', 'command -v docker'], w.clientEnv());
    assert.equal(ok.code, 0);
  });

  it('healthy: the daemon pulls mcr.microsoft.com/mcr/hello-world (what check-health pulls); docker-pull-failed breaks it', async () => {
    await w.apply('healthy');
    const ok = await docker(w.clientEnv(), ['pull', 'mcr.microsoft.com/mcr/hello-world:latest']);
    assert.equal(ok.code, 0, ok.out);
    await docker(w.clientEnv(), ['rmi', '-f', 'mcr.microsoft.com/mcr/hello-world:latest']);
    await w.apply('docker-pull-failed');
    const bad = await docker(w.clientEnv(), ['pull', 'mcr.microsoft.com/mcr/hello-world:latest']);
    assert.match(bad.out, /lookup mcr\.microsoft\.com on 127\.0\.0\.1:53/);
    await w.apply('healthy');
  });

  it('the registries start with hello:v1 already in storage', async () => {
    await w.apply('anonymous-pull-disabled');
    const { curl } = await import('./run');
    // fabrikam's seeded manifest is reachable through its front with the admin user
    const fab = w.state.registries.find((r) => r.arm.name === 'fabrikam')!;
    fab.arm.properties.adminUserEnabled = true;
    const t = await curl(w.clientEnv(), ['-u', `fabrikam:${fab.adminPasswords.password}`, 'https://fabrikam.azurecr.io/oauth2/token?service=fabrikam.azurecr.io&scope=repository:hello:pull']);
    const token = JSON.parse(t.stdout).access_token;
    const m = await curl(w.clientEnv(), ['-o', '/dev/null', '-w', '%{http_code}', '-H', `Authorization: Bearer ${token}`, '-H', 'Accept: application/vnd.docker.distribution.manifest.v2+json', 'https://fabrikam.azurecr.io/v2/hello/manifests/v1']);
    assert.equal(m.stdout, '200');
    await w.apply('healthy');
  });

  it('aks-kubelet-identity-missing: the cluster\'s kubelet identity no longer exists in Entra', async () => {
    const { DEFAULT_IDS, findPrincipalByObjectId } = await import('../../../sandbox/arm/state');
    await w.apply('healthy');
    assert.ok(findPrincipalByObjectId(w.state, DEFAULT_IDS.kubeletObjectId));
    await w.apply('aks-kubelet-identity-missing');
    assert.equal(findPrincipalByObjectId(w.state, DEFAULT_IDS.kubeletObjectId), undefined);
    assert.equal(w.state.managedClusters[0].properties.identityProfile!.kubeletidentity!.objectId, DEFAULT_IDS.kubeletObjectId);
  });

  it('login-events-log: Log Analytics returns the seeded 401s and the live failed login', async () => {
    await w.apply('login-events-log');
    const bad = await dockerLogin(w.clientEnv(), w.loginServer, 'contoso', 'not-the-password-1234');
    assert.notEqual(bad.code, 0);
    const { aadToken, http } = await import('./acr-client');
    const tok = await aadToken(w, 'https://api.loganalytics.io');
    assert.equal(tok.status, 200, tok.body);
    const ws = w.state.workspaces[0].properties.customerId;
    const r = await http(w, ['-X', 'POST', '-H', `Authorization: Bearer ${tok.json!.access_token}`, '-H', 'Content-Type: application/json',
      '--data', JSON.stringify({ query: "ContainerRegistryLoginEvents | where LoginServer =~ 'contoso.azurecr.io'" }), `https://api.loganalytics.io/v1/workspaces/${ws}/query`]);
    assert.equal(r.status, 200, r.body);
    const rows = (r.json!.tables as { rows: unknown[][] }[])[0].rows;
    assert.ok(rows.filter((x) => x[3] === '198.51.100.7' && x[4] === '401').length >= 12);
    assert.ok(rows.some((x) => x[3] === '192.0.2.1' && x[4] === '401' && x[2] === 'contoso'), 'the live failed login is logged');
  });
});
