import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dockerClientVersion, isClientVersionSupported, parseClientVersion } from '../../../src/core/docker/client-version';
import { clientTool, parseClientTool } from '../../../src/core/docker/client-tool';
import { inCloudShell, isNonDefaultSocket, wslDistribution } from '../../../src/core/docker/client-host';
import { clientHostFrom } from '../../../src/core/engine/process-env';

describe('the docker CLI\'s own version (docker --version)', () => {
  let dir: string;
  const fake = (name: string, body: string) => { const f = path.join(dir, name); fs.writeFileSync(f, `#!/bin/sh\n${body}\n`); fs.chmodSync(f, 0o755); return f; };
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dclient-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads Docker\'s, Debian\'s, an old one\'s and podman-docker\'s wording', () => {
    assert.deepEqual(parseClientVersion('Docker version 20.10.24+dfsg1, build 297e128\n'), { product: 'docker', version: '20.10.24+dfsg1', build: '297e128' });
    assert.deepEqual(parseClientVersion('Docker version 17.09.1-ce, build 19e2cf6'), { product: 'docker', version: '17.09.1-ce', build: '19e2cf6' });
    assert.deepEqual(parseClientVersion('Emulate Docker CLI using podman. Create /etc/containers/nodocker to quiet msg.\npodman version 4.3.1'), { product: 'podman', version: '4.3.1' });
    assert.equal(parseClientVersion('command not found'), undefined);
    assert.equal(parseClientVersion(''), undefined);
  });

  it('judges the client against 18.03, and podman by its own versions', () => {
    assert.equal(isClientVersionSupported({ product: 'docker', version: '17.09.1-ce' }), false);
    assert.equal(isClientVersionSupported({ product: 'docker', version: '18.03.0-ce' }), true);
    assert.equal(isClientVersionSupported({ product: 'docker', version: '28.2.2' }), true);
    assert.equal(isClientVersionSupported({ product: 'podman', version: '4.3.1' }), true);
  });

  it('runs the program, and a hang or garbage is a failed state with a sentence, not an exception', async () => {
    const old = fake('docker-old', 'echo "Docker version 17.09.1-ce, build 19e2cf6"');
    assert.deepEqual(await dockerClientVersion(old), { state: 'ok', product: 'docker', version: '17.09.1-ce', build: '19e2cf6' });
    const junk = fake('docker-junk', 'printf "\\033[31mhello\\001"; exit 3');
    const j = await dockerClientVersion(junk);
    assert.equal(j.state, 'failed');
    assert.match(j.state === 'failed' ? j.message : '', /printed no version \(exit code 3: \[31mhello\)/);
    const hang = fake('docker-hang', 'exec sleep 30');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const h = await dockerClientVersion(hang, { signal: ac.signal });
    assert.deepEqual(h, { state: 'failed', message: `${hang} --version did not answer in time` });
  });
});

describe('which container client a run diagnoses', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtool-'));
    for (const n of ['podman', 'ctr']) { fs.writeFileSync(path.join(dir, n), '#!/bin/sh\n'); fs.chmodSync(path.join(dir, n), 0o755); }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const env = (o: object) => ({ proxy: {}, dockerConfigDir: '/nonexistent', now: () => new Date(), ...o });

  it('takes the chosen one, else the one on PATH (docker, podman, then ctr)', () => {
    assert.equal(clientTool(env({ client: 'containerd', searchPath: dir })), 'containerd');
    assert.equal(clientTool(env({ searchPath: dir })), 'podman');
    fs.rmSync(path.join(dir, 'podman'));
    assert.equal(clientTool(env({ searchPath: dir })), 'containerd');
    assert.equal(clientTool(env({ searchPath: '/nonexistent' })), 'docker', 'nothing at all: the seed\'s docker, which then reports itself missing');
  });

  it('parses the flag and the setting, naming a wrong value', () => {
    assert.deepEqual(parseClientTool('Podman'), { tool: 'podman' });
    assert.deepEqual(parseClientTool('auto'), {});
    assert.deepEqual(parseClientTool(undefined), {});
    assert.match(parseClientTool('rkt').problem ?? '', /"rkt" is not a container client: use docker, podman or containerd/);
  });
});

describe('where the client runs (WSL, Cloud Shell, sockets)', () => {
  it('reads WSL from WSL_DISTRO_NAME or the kernel\'s version string', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dwsl-'));
    try {
      assert.equal(await wslDistribution({ wslDistro: 'Ubuntu-22.04' }), 'Ubuntu-22.04');
      fs.writeFileSync(path.join(dir, 'v'), 'Linux version 5.15.153.1-microsoft-standard-WSL2 (root@1c602f52c2e4)');
      assert.equal(await wslDistribution({ procVersionFile: path.join(dir, 'v') }), 'WSL');
      fs.writeFileSync(path.join(dir, 'v'), 'Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org)');
      assert.equal(await wslDistribution({ procVersionFile: path.join(dir, 'v') }), undefined);
      assert.equal(await wslDistribution({ procVersionFile: path.join(dir, 'missing') }), undefined);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('knows Cloud Shell by its variables, not by other hosts\' AZUREPS_HOST_ENVIRONMENT', () => {
    assert.equal(inCloudShell(clientHostFrom({ AZUREPS_HOST_ENVIRONMENT: 'cloud-shell/1.0' }, '/h')), true);
    assert.equal(inCloudShell(clientHostFrom({ ACC_CLOUD: 'PROD' }, '/h')), true);
    assert.equal(inCloudShell(clientHostFrom({ AZUREPS_HOST_ENVIRONMENT: 'AzureDevOps' }, '/h')), false);
    assert.equal(inCloudShell(clientHostFrom({}, '/h')), false);
  });

  it('tells the default socket from rootless and others', () => {
    assert.equal(isNonDefaultSocket('unix:///var/run/docker.sock'), false);
    assert.equal(isNonDefaultSocket('unix:///run/docker.sock'), false);
    assert.equal(isNonDefaultSocket('unix:///run/user/1000/docker.sock'), true);
    assert.equal(isNonDefaultSocket('tcp://10.0.0.1:2376'), false);
  });
});

describe('acr-doctor diagnose --client', () => {
  it('takes docker, podman or containerd, and names a wrong value', async () => {
    const { parseCli, UsageError } = await import('../../../src/cli/args');
    const a = parseCli(['diagnose', 'contoso.azurecr.io', '--client', 'podman']);
    assert.equal(a.command === 'diagnose' ? a.client : undefined, 'podman');
    const auto = parseCli(['diagnose', 'contoso.azurecr.io', '--client', 'auto']);
    assert.equal(auto.command === 'diagnose' ? auto.client : 'x', undefined);
    assert.throws(() => parseCli(['diagnose', 'contoso.azurecr.io', '--client', 'rkt']), (e: unknown) => e instanceof UsageError && /--client: "rkt" is not a container client/.test(e.message));
  });
});
