import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { containerdProcesses, systemdProxy } from '../../../src/core/containerd/config';
import { containerdDaemonProxy } from '../../../src/core/containerd/daemon-proxy';
import { withClientProxy } from '../../../src/core/engine/client-proxy';
import { containerdDaemonCheck } from '../../../src/core/checks/login/containerd';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';

describe('containerd\'s own proxy (daemon environment, systemd drop-in) as the network checks\' proxy', () => {
  let dir: string;
  let procDir: string, unitDir: string, sock: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctrd-proxy-'));
    procDir = path.join(dir, 'proc'); unitDir = path.join(dir, 'containerd.service.d'); sock = path.join(dir, 'containerd.sock');
    fs.mkdirSync(unitDir, { recursive: true });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  /** A containerd process listening on `sock` (its config.toml says so), with `env`. */
  const daemon = (pid: number, env: Record<string, string> | undefined) => {
    const p = path.join(procDir, String(pid));
    fs.mkdirSync(p, { recursive: true });
    const cfg = path.join(dir, `config-${pid}.toml`);
    fs.writeFileSync(cfg, `version = 2\n[grpc]\naddress = "${sock}"\n`);
    fs.writeFileSync(path.join(p, 'comm'), 'containerd\n');
    fs.writeFileSync(path.join(p, 'cmdline'), ['containerd', '--config', cfg, ''].join('\0'));
    if (env) fs.writeFileSync(path.join(p, 'environ'), Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\0') + '\0');
  };
  const sources = () => ({ processes: () => containerdProcesses(procDir), unit: () => systemdProxy([unitDir]) });
  const env = (over: Partial<DiagnoseEnvironment> = {}): DiagnoseEnvironment => ({
    client: 'containerd', proxy: { httpsProxy: 'http://shell.example:3128' }, dockerConfigDir: path.join(dir, 'docker'),
    clientHost: { containerdAddress: sock }, now: () => new Date('2026-12-07T20:00:00Z'), ...over,
  });

  it('reads the running daemon\'s HTTPS_PROXY / NO_PROXY (the one on the socket in use) and makes it the run\'s proxy', () => {
    daemon(100, { PATH: '/usr/bin', HTTPS_PROXY: 'http://user:pw@corp-proxy.example:8080', NO_PROXY: 'localhost,.svc' });
    const d = containerdDaemonProxy(sock, sources());
    assert.deepEqual(d, { settings: { httpsProxy: 'http://user:pw@corp-proxy.example:8080', noProxy: 'localhost,.svc' }, from: 'process 100', pid: 100 });
    const e = withClientProxy(env(), sources());
    assert.deepEqual(e.proxy, { httpsProxy: 'http://user:pw@corp-proxy.example:8080', noProxy: 'localhost,.svc' });
    assert.deepEqual(e.clientProxy, { tool: 'containerd', from: 'process 100', pid: 100, shell: { httpsProxy: 'http://shell.example:3128' } });
  });

  it('without one in the environment, the systemd drop-in\'s; with neither, the shell\'s stays the proxy', () => {
    daemon(200, { PATH: '/usr/bin' });
    fs.writeFileSync(path.join(unitDir, 'http-proxy.conf'), '[Service]\nEnvironment="HTTPS_PROXY=http://192.0.2.9:3128" "NO_PROXY=10.0.0.0/8"\n');
    const e = withClientProxy(env(), sources());
    assert.deepEqual(e.proxy, { httpsProxy: 'http://192.0.2.9:3128', noProxy: '10.0.0.0/8' });
    assert.equal(e.clientProxy?.tool === 'containerd' && e.clientProxy.from, path.join(unitDir, 'http-proxy.conf'));
    fs.rmSync(path.join(unitDir, 'http-proxy.conf'));
    const none = withClientProxy(env(), sources());
    assert.deepEqual(none.proxy, { httpsProxy: 'http://shell.example:3128' });
    assert.equal(none.clientProxy, undefined);
  });

  it('another containerd\'s proxy (another socket) is not this one\'s; docker and podman runs are left alone', () => {
    daemon(300, { HTTPS_PROXY: 'http://other.example:1' });
    const elsewhere = withClientProxy(env({ clientHost: { containerdAddress: path.join(dir, 'other.sock') } }), sources());
    assert.deepEqual(elsewhere.proxy, { httpsProxy: 'http://shell.example:3128' });
    assert.deepEqual(withClientProxy(env({ client: 'docker' }), sources()).proxy, { httpsProxy: 'http://shell.example:3128' });
  });

  it('the containerd check says which proxy its pulls take and that the network checks test it, the password hidden', async () => {
    daemon(400, { HTTPS_PROXY: 'http://user:pw@corp-proxy.example:8080' });
    const e = withClientProxy(env(), sources());
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'ctr'), '#!/bin/sh\necho "Client:\n  Version:  1.6.20\n\nServer:\n  Version:  1.6.20"\n', { mode: 0o755 });
    const { testContext } = await import('../../support/check-context');
    const { renderMessage } = await import('../../../src/core/text/message');
    const out = await containerdDaemonCheck.run(testContext({ env: e, data: { 'login.containerd.cli': path.join(bin, 'ctr') } }));
    const text = renderMessage(out.message);
    assert.equal(out.status, 'pass', text);
    assert.match(text, /its own pulls \(the kubelet's\) go through the proxy http:\/\/\*\*\*@corp-proxy\.example:8080 that process 400 sets, which the network checks test/);
    assert.doesNotMatch(JSON.stringify(out), /pw@/);
  });
});
