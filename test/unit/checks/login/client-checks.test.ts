// The client side of "check the Docker configuration": the CLI's version, WSL, the daemon's
// socket / context / rootless socket / Cloud Shell, and the credential helper's verdicts.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dockerCliCheck } from '../../../../src/core/checks/login/docker-cli';
import { dockerClientVersionCheck } from '../../../../src/core/checks/login/docker-client';
import { daemonFailure, dockerDaemonCheck } from '../../../../src/core/checks/login/docker-daemon';
import { storedCredentialCheck } from '../../../../src/core/checks/login/stored-credential';
import { parseDockerConfig } from '../../../../src/core/docker/config';
import { DaemonError } from '../../../../src/core/docker/daemon';
import { testContext } from '../../../support/check-context';
import { renderMessage } from '../../../../src/core/text/message';

describe('login checks: the container client on this machine', () => {
  let dir: string;
  const bin = (name: string, body: string) => { const f = path.join(dir, 'bin', name); fs.writeFileSync(f, `#!/bin/sh\n${body}\n`); fs.chmodSync(f, 0o755); return f; };
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-client-')); fs.mkdirSync(path.join(dir, 'bin')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('login.docker.cli: no docker inside WSL is the WSL integration, elsewhere the missing CLI', async () => {
    fs.writeFileSync(path.join(dir, 'version'), 'Linux version 5.15.153.1-microsoft-standard-WSL2');
    const wsl = await dockerCliCheck.run(testContext({ env: { client: 'docker', searchPath: path.join(dir, 'bin'), clientHost: { procVersionFile: path.join(dir, 'version') } } }));
    assert.equal(wsl.causeId, 'client.wsl-integration-off');
    assert.match(renderMessage(wsl.message), /This is WSL \(WSL\) and the docker command is not on PATH/);
    const plain = await dockerCliCheck.run(testContext({ env: { client: 'docker', searchPath: path.join(dir, 'bin'), clientHost: { procVersionFile: path.join(dir, 'nothing') } } }));
    assert.equal(plain.causeId, 'docker.cli-missing');
  });

  it('login.docker.client-version: an old docker on PATH fails beside a current daemon, with where it talks to', async () => {
    const docker = bin('docker', 'echo "Docker version 17.09.1-ce, build 19e2cf6"');
    const out = await dockerClientVersionCheck.run(testContext({ env: { dockerHost: 'unix:///run/x.sock', dockerConfigDir: dir }, data: { 'login.docker.cli': docker } }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'client.docker-cli-too-old');
    assert.equal(out.evidence?.clientVersion, '17.09.1-ce');
    assert.equal(out.evidence?.endpoint, 'unix:///run/x.sock');
    assert.equal(out.evidence?.endpointSource, 'DOCKER_HOST');
    fs.writeFileSync(docker, '#!/bin/sh\necho "Docker version 24.0.7, build afdd53b"\n');
    const ok = await dockerClientVersionCheck.run(testContext({ env: { dockerConfigDir: dir }, data: { 'login.docker.cli': docker } }));
    assert.equal(ok.status, 'pass');
    assert.equal(renderMessage(ok.message), 'docker CLI 24.0.7 talks to unix:///var/run/docker.sock (default).');
  });

  it('login.docker.client-version: names the context DOCKER_HOST overrides', async () => {
    const docker = bin('docker', 'echo "Docker version 24.0.7, build afdd53b"');
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    const out = await dockerClientVersionCheck.run(testContext({ env: { dockerHost: 'tcp://192.0.2.9:2375', dockerConfigDir: dir }, data: { 'login.docker.cli': docker } }));
    assert.equal(out.evidence?.contextOverridden, 'remote');
  });

  it('login.docker.daemon: a context pointing at nothing is the context, not "daemon not running"', async () => {
    const meta = path.join(dir, 'contexts', 'meta', createHash('sha256').update('remote').digest('hex'));
    fs.mkdirSync(meta, { recursive: true });
    fs.writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: 'remote', Endpoints: { docker: { Host: `unix://${dir}/gone.sock` } } }));
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ currentContext: 'remote' }));
    const out = await dockerDaemonCheck.run(testContext({ env: { client: 'docker', dockerConfigDir: dir } }));
    assert.equal(out.causeId, 'client.docker-context-unreachable');
    assert.equal(out.fixParams?.context, 'remote');
    assert.equal(renderMessage(out.message), `The current Docker context "remote" sends docker to unix://${dir}/gone.sock, where no daemon answers (no-socket).`);
  });

  it('login.docker.daemon: permission, rootless socket and Cloud Shell each have their own cause', async () => {
    const def = { host: 'unix:///var/run/docker.sock', source: 'default' as const };
    const perm = await daemonFailure(testContext(), new DaemonError('permission', 'denied', 'EACCES'), def);
    assert.equal(perm.causeId, 'client.docker-socket-permission');
    assert.equal(perm.fixParams?.socketPath, '/var/run/docker.sock');
    // A real socket where rootless Docker keeps it.
    const net = await import('node:net');
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(path.join(dir, 'docker.sock'), r));
    try {
      const rootless = await daemonFailure(testContext({ env: { clientHost: { xdgRuntimeDir: dir } } }), new DaemonError('no-socket', 'gone', 'ENOENT'), def);
      assert.equal(rootless.causeId, 'client.docker-rootless-socket');
      assert.equal(rootless.fixParams?.socketPath, path.join(dir, 'docker.sock'));
    } finally { server.close(); }
    const none = await daemonFailure(testContext({ env: { clientHost: { xdgRuntimeDir: dir } } }), new DaemonError('no-socket', 'gone', 'ENOENT'), def);
    assert.equal(none.causeId, 'docker.daemon-unreachable');
    const shell = await daemonFailure(testContext({ env: { clientHost: { cloudShell: 'cloud-shell/1.0' } } }), new DaemonError('no-socket', 'gone', 'ENOENT'), def);
    assert.equal(shell.causeId, 'client.cloud-shell-no-daemon');
  });

  describe('login.docker.stored-credential: the credential helper', () => {
    const SECRET = 'Sup3rSecretPassw0rd-9f8e7d6c5b4a';
    const run = (helper: string, signal?: AbortSignal) => {
      const cfg = parseDockerConfig(JSON.stringify({ credsStore: helper }), dir);
      return storedCredentialCheck.run(testContext({ env: { searchPath: path.join(dir, 'bin') }, data: { 'login.docker.config': cfg }, signal }));
    };

    it('missing: names the helper and offers this platform\'s install line', async () => {
      const out = await run('desktop');
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'client.credential-helper-missing');
      assert.match(renderMessage(out.message), /docker-credential-desktop is not on PATH/);
      assert.equal(out.fixParams?.helperOnLinux ?? out.fixParams?.helperOnMac ?? out.fixParams?.helperOnWindows, 'desktop');
    });

    it('failing: names the helper and what it said', async () => {
      bin('docker-credential-broken', 'echo "error: the store is corrupt" >&2; exit 1');
      const out = await run('broken');
      assert.equal(out.causeId, 'client.credential-helper-failed');
      assert.equal(renderMessage(out.message), 'docker-credential-broken (credsStore) fails, so docker has no credential to send: docker-credential-broken get exited with code 1: error: the store is corrupt.');
      const cfg = parseDockerConfig(JSON.stringify({ credsStore: 'broken' }), dir);
      const podman = await storedCredentialCheck.run(testContext({ env: { client: 'podman', searchPath: path.join(dir, 'bin') }, data: { 'login.docker.config': cfg } }));
      assert.match(renderMessage(podman.message), /^docker-credential-broken \(credsStore\) fails, so podman has no credential to send: /);
    });

    it('refusing: a locked keychain is the store refusing, and so is a helper that never answers', async () => {
      bin('docker-credential-osxkeychain', 'echo "User interaction is not allowed."; exit 1');
      assert.equal((await run('osxkeychain')).causeId, 'client.credential-helper-refused');
      bin('docker-credential-hang', 'exec /bin/sleep 30');
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 150);
      const hung = await run('hang', ac.signal);
      assert.equal(hung.causeId, 'client.credential-helper-refused');
      assert.match(renderMessage(hung.message), /docker-credential-hang was stopped/);
    });

    it('a helper that prints garbage or a secret: a clear finding with no secret in it', async () => {
      bin('docker-credential-leaky', `echo '{"ServerURL":"contoso.azurecr.io","Username":"u","Secret":"${SECRET}"}'; echo "password=${SECRET} token ${SECRET}" >&2; exit 2`);
      const out = await run('leaky');
      assert.equal(out.causeId, 'client.credential-helper-failed');
      assert.ok(!JSON.stringify(out).includes(SECRET), JSON.stringify(out));
      assert.match(renderMessage(out.message), /exited with code 2/);
      bin('docker-credential-garbage', `printf '\\001\\002 not json ${SECRET}'`);
      const g = await run('garbage');
      assert.equal(g.causeId, 'client.credential-helper-failed');
      assert.match(renderMessage(g.message), /not JSON/);
      assert.ok(!JSON.stringify(g).includes(SECRET));
    });
  });
});
