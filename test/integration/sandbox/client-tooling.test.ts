// The container tooling scenarios (issue #22), each seen first by the real tool: Debian's docker
// CLI with a missing / failing / refusing credential helper, a dead context, rootless Docker's
// socket, a second user without the docker group, an old docker on PATH, WSL and Cloud Shell;
// Debian's podman with a stale and a broken auth.json; ctr against a real containerd.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SandboxWorld } from '../../../sandbox/world';
import { docker, dockerLogin, run } from './run';
import { getSeededWorld } from './shared-world';
import { podmanLogout } from '../../../src/core/podman/logout';
import { clientHostFrom } from '../../../src/core/engine/process-env';

const IMAGE = 'contoso.azurecr.io/hello:v1';
/** podman as root inside the namespace: no cgroups or journald needed for a pull. */
const podman = (env: NodeJS.ProcessEnv, args: string[]) => run('podman', ['--cgroup-manager=cgroupfs', '--events-backend=none', ...args], env, 60000);

describe('sandbox container tooling scenarios (integration)', function () {
  this.timeout(120000);
  let w: SandboxWorld;
  before(async () => { w = await getSeededWorld(); });
  after(async () => { await w?.apply('healthy'); });

  // docker pull goes on without the helper's credential (and is refused: unauthorized); docker
  // login cannot store the login it just made: both are what users see.
  const login = () => dockerLogin(w.clientEnv(), w.loginServer, w.azure.clientId, w.azure.clientSecret);

  it('credential-helper-missing: docker cannot run docker-credential-desktop', async () => {
    await w.apply('credential-helper-missing');
    const l = await login();
    assert.notEqual(l.code, 0);
    // Docker's own builds say "executable file not found in $PATH"; Debian's 20.10 (Go 1.19) says
    // it "resolves to executable in current directory" although none is there.
    assert.match(l.out, /error storing credentials - err: (?:exec: "docker-credential-desktop": executable file not found in \$PATH|docker-credential-desktop resolves to executable in current directory)/, l.out);
    const r = await docker(w.clientEnv(), ['pull', IMAGE]);
    assert.match(r.out, /unauthorized: authentication required/, r.out);
  });

  it('credential-helper-failing and -refusing: docker passes on what the helper said', async () => {
    await w.apply('credential-helper-failing');
    const failing = await docker(w.clientEnv(), ['pull', IMAGE]);
    assert.notEqual(failing.code, 0);
    assert.match(failing.out, /the keyring database is corrupt/, failing.out);
    assert.match((await login()).out, /error storing credentials - err: exit status 1/);
    await w.apply('credential-helper-refusing');
    const refusing = await login();
    assert.notEqual(refusing.code, 0);
    assert.match(refusing.out, /error storing credentials - err: exit status 1, out: `User interaction is not allowed\.`/, refusing.out);
  });

  it('docker-context-dead: the CLI goes to the context\'s endpoint, where nothing answers', async () => {
    await w.apply('docker-context-dead');
    const env = w.clientEnv();
    assert.equal(env.DOCKER_HOST, undefined);
    const r = await docker(env, ['version', '--format', '{{.Client.Context}}']);
    assert.notEqual(r.code, 0);
    assert.match(r.stdout, /^remote$/m, r.out);
    assert.match(r.out, /Cannot connect to the Docker daemon at tcp:\/\/192\.0\.2\.40:2375/, r.out);
  });

  it('docker-rootless-socket: the default socket has no daemon; the one under XDG_RUNTIME_DIR does', async () => {
    await w.apply('docker-rootless-socket');
    const env = w.clientEnv();
    const r = await docker(env, ['version', '--format', '{{.Server.Version}}']);
    assert.match(r.out, /Cannot connect to the Docker daemon at unix:\/\/\/var\/run\/docker\.sock/, r.out);
    const ok = await docker({ ...env, DOCKER_HOST: `unix://${env.XDG_RUNTIME_DIR}/docker.sock` }, ['version', '--format', '{{.Server.Version}}']);
    assert.equal(ok.code, 0, ok.out);
  });

  it('docker-socket-permission: a second user gets "permission denied" on the daemon\'s socket', async () => {
    const info = await w.apply('docker-socket-permission');
    const r = await run('setpriv', [`--reuid=${info.runAsUid}`, `--regid=${info.runAsUid}`, '--clear-groups', '--', '/usr/bin/docker', 'version', '--format', '{{.Server.Version}}'], w.clientEnv());
    assert.notEqual(r.code, 0);
    assert.match(r.out, /permission denied while trying to connect to the Docker daemon socket/, r.out);
    const asRoot = await docker(w.clientEnv(), ['version', '--format', '{{.Server.Version}}']);
    assert.equal(asRoot.code, 0, 'the daemon itself runs');
  });

  it('docker-cli-old: the docker on PATH says 17.09 while the daemon is current', async () => {
    await w.apply('docker-cli-old');
    const r = await run('sh', ['-c', 'docker --version; docker version --format "{{.Server.Version}}"'], w.clientEnv());
    const [client, server] = r.stdout.trim().split('\n');
    assert.equal(client, 'Docker version 17.09.1-ce, build 19e2cf6');
    assert.match(server, /^\d+\.\d+/);
    assert.notEqual(server, '17.09.1-ce');
  });

  it('wsl-integration-off and cloud-shell-no-daemon: no docker in the distribution; a CLI without a daemon', async () => {
    await w.apply('wsl-integration-off');
    const wsl = await run('sh', ['-c', 'echo "$WSL_DISTRO_NAME"; docker --version'], w.clientEnv());
    assert.match(wsl.out, /^Ubuntu\n.*docker: not found/s, wsl.out);
    await w.apply('cloud-shell-no-daemon');
    const cs = await docker(w.clientEnv(), ['version', '--format', '{{.Server.Version}}']);
    assert.match(cs.out, /Cannot connect to the Docker daemon/, cs.out);
    assert.equal(w.clientEnv().AZUREPS_HOST_ENVIRONMENT, 'cloud-shell/1.0');
  });

  it('podman: pulls with the right login, is refused with podman-auth-stale\'s, cannot read podman-auth-malformed\'s', async () => {
    await w.apply('healthy');
    const env = w.clientEnv();
    const ok = await run('sh', ['-c', `printf %s "$PW" | podman --cgroup-manager=cgroupfs --events-backend=none login --username "$U" --password-stdin contoso.azurecr.io && podman --cgroup-manager=cgroupfs --events-backend=none pull -q ${IMAGE}`], { ...env, U: w.azure.clientId, PW: w.azure.clientSecret });
    assert.equal(ok.code, 0, ok.out);
    await w.apply('podman-auth-stale');
    const stale = await podman(w.clientEnv(), ['pull', IMAGE]);
    assert.notEqual(stale.code, 0);
    assert.match(stale.out, /unauthorized|authentication required|invalid username\/password/i, stale.out);
    await w.apply('podman-auth-malformed');
    const broken = await podman(w.clientEnv(), ['pull', IMAGE]);
    assert.notEqual(broken.code, 0);
    assert.match(broken.out, /unmarshaling JSON|unexpected end of JSON input/i, broken.out);
  });

  it('podman-auth-stale: the podman.logout fix removes the refused login podman really uses; podman logout alone leaves ~/.config\'s', async () => {
    await w.apply('podman-auth-stale');
    const env = w.clientEnv();
    assert.equal((await podman(env, ['login', '--get-login', w.loginServer])).code, 0, 'podman sees the stale login first');
    const r = await podmanLogout(w.loginServer, clientHostFrom(env), env.DOCKER_CONFIG!);
    assert.deepEqual(r.removed.map((x) => x.key), [w.loginServer]);
    const after = await podman(env, ['login', '--get-login', w.loginServer]);
    assert.notEqual(after.code, 0);
    assert.match(after.out, /not logged into contoso\.azurecr\.io/i, after.out);
    // A login in ~/.config/containers/auth.json: `podman logout` edits only the runtime file and says
    // "not logged into", yet podman still uses it; the fix removes it and keeps the other entries.
    const home = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'plogout-'));
    try {
      const conf = path.join(home, '.config', 'containers', 'auth.json');
      fs.mkdirSync(path.dirname(conf), { recursive: true });
      fs.writeFileSync(conf, JSON.stringify({ auths: { [w.loginServer]: { auth: Buffer.from('ci:old').toString('base64') }, 'fabrikam.azurecr.io': { auth: 'YTpi' } } }));
      const { REGISTRY_AUTH_FILE: _a, XDG_CONFIG_HOME: _c, ...rest } = env;
      const henv: NodeJS.ProcessEnv = { ...rest, HOME: home, XDG_RUNTIME_DIR: path.join(home, 'run') };
      fs.mkdirSync(path.join(home, 'run'));
      const plain = await podman(henv, ['logout', w.loginServer]);
      assert.notEqual(plain.code, 0, plain.out);
      assert.equal((await podman(henv, ['login', '--get-login', w.loginServer])).out.trim(), 'ci', 'podman logout left the login podman uses');
      const fixed = await podmanLogout(w.loginServer, clientHostFrom(henv), path.join(home, '.docker'));
      assert.deepEqual(fixed.removed, [{ file: conf, key: w.loginServer }]);
      assert.notEqual((await podman(henv, ['login', '--get-login', w.loginServer])).code, 0);
      assert.equal((await podman(henv, ['login', '--get-login', 'fabrikam.azurecr.io'])).out.trim(), 'a');
    } finally { fs.rmSync(home, { recursive: true, force: true }); }
  });

  it('podman-proxy-containers-conf: podman takes the broken proxy from containers.conf ([engine] env) though the shell has none', async () => {
    await w.apply('podman-proxy-containers-conf');
    const env = w.clientEnv();
    assert.equal(env.HTTPS_PROXY, undefined);
    const r = await podman(env, ['pull', IMAGE]);
    assert.notEqual(r.code, 0);
    // The broken proxy closes the tunnel: podman says "unexpected EOF"; without containers.conf the registry answers.
    assert.match(r.out, /pinging container registry contoso\.azurecr\.io: Get "https:\/\/contoso\.azurecr\.io\/v2\/": (?:unexpected EOF|proxyconnect tcp)/, r.out);
    const direct = await podman({ ...env, CONTAINERS_CONF: '/nonexistent/containers.conf' }, ['pull', IMAGE]);
    assert.doesNotMatch(direct.out, /unexpected EOF|proxyconnect/, direct.out);
  });

  it('podman-registries-d-blocked: a registries.conf.d drop-in in the user\'s home blocks the registry', async () => {
    await w.apply('podman-registries-d-blocked');
    const r = await podman(w.clientEnv(), ['pull', IMAGE]);
    assert.notEqual(r.code, 0);
    assert.match(r.out, /registry contoso\.azurecr\.io is blocked in \/etc\/containers\/registries\.conf or \S*client-home\/\.config\/containers\/registries\.conf\.d/, r.out);
  });

  it('containerd-hosts-elsewhere: ctr with containerd\'s config_path (--hosts-dir) resolves the image at the hosts.toml server, where nothing listens', async () => {
    await w.apply('containerd-hosts-elsewhere');
    const env = w.clientEnv();
    const conf = fs.readFileSync(path.join(w.parts.containerd.hostsDir, 'contoso.azurecr.io', 'hosts.toml'), 'utf8');
    assert.match(conf, /server = "https:\/\/192\.0\.2\.40"/);
    const r = await run('ctr', ['--address', env.CONTAINERD_ADDRESS!, 'images', 'pull', '--hosts-dir', w.parts.containerd.hostsDir, '--user', `${w.azure.clientId}:${w.azure.clientSecret}`, IMAGE], env);
    assert.notEqual(r.code, 0);
    assert.match(r.out, /192\.0\.2\.40(?::443)?.*connection refused|dial tcp 192\.0\.2\.40/, r.out);
  });

  it('containerd-no-acrpull: ctr pull through the real containerd is refused for want of AcrPull; containerd-down has no containerd', async () => {
    await w.apply('containerd-no-acrpull');
    const env = w.clientEnv();
    const r = await run('ctr', ['--address', env.CONTAINERD_ADDRESS!, 'images', 'pull', '--tlscacert', env.NODE_EXTRA_CA_CERTS!, '--user', `${w.azure.clientId}:${w.azure.clientSecret}`, IMAGE], env);
    assert.notEqual(r.code, 0);
    assert.match(r.out, /failed to (?:pull and unpack|resolve reference)|insufficient_scope|403 Forbidden|pull access denied|authorization failed/i, r.out);
    await w.apply('containerd-down');
    const down = await run('ctr', ['--address', w.clientEnv().CONTAINERD_ADDRESS!, '--connect-timeout', '1s', 'version'], w.clientEnv());
    assert.match(down.out, /failed to dial/, down.out);
  });
});
