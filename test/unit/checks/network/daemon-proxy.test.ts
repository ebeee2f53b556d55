import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { daemonProxyCheck } from '../../../../src/core/checks/network/daemon-proxy';
import { NET } from '../../../../src/core/checks/network/ids';
import { daemonInfoKey } from '../../../../src/core/docker/daemon';
import { testContext, type TestContextOptions } from '../../../support/check-context';

const CONFIG = '/nonexistent';
/** The daemon's `docker info` as the shared work would have fetched it. */
const daemonSays = (info: Record<string, string>): TestContextOptions['shared'] => ({ [daemonInfoKey(undefined, CONFIG)]: info });

describe('net.daemon-proxy (fake daemon info, no Docker)', () => {
  it('fails when the shell has a proxy, the daemon has none and the registry is not reachable directly', async () => {
    const out = await daemonProxyCheck.run(testContext({
      env: { proxy: { httpsProxy: 'http://proxy.corp.test:3128' } }, shared: daemonSays({}),
      data: { [NET.tcp]: { address: '192.0.2.10', reachable: false } },
    }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.daemon-proxy-missing');
    assert.equal(out.evidence?.direct, 'blocked');
    assert.equal(out.fixParams?.proxy, 'http://proxy.corp.test:3128');
  });

  it('only warns when the direct path works', async () => {
    const out = await daemonProxyCheck.run(testContext({
      env: { proxy: { httpsProxy: 'http://proxy.corp.test:3128' } }, shared: daemonSays({}),
      data: { [NET.tcp]: { address: '192.0.2.10', reachable: true } },
    }));
    assert.equal(out.status, 'warn');
    assert.equal(out.causeId, 'network.daemon-proxy-missing');
  });

  it('passes when neither the shell nor the daemon uses a proxy', async () => {
    const out = await daemonProxyCheck.run(testContext({ shared: daemonSays({ NoProxy: '' }) }));
    assert.equal(out.status, 'pass');
    assert.equal(out.evidence?.daemonProxy, '(none)');
  });

  it('fails with client-proxy-broken when the daemon\'s own proxy refuses connections', async () => {
    // A port that was just free: nothing listens there, the connect is refused at once.
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const out = await daemonProxyCheck.run(testContext({ shared: daemonSays({ HttpsProxy: `http://127.0.0.1:${port}` }), signal: AbortSignal.timeout(5000) }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.client-proxy-broken');
    assert.equal(out.fixParams?.proxy, `http://127.0.0.1:${port}`);
  });

  it('is info, not a verdict, when the daemon cannot be asked', async () => {
    const out = await daemonProxyCheck.run(testContext({ env: { dockerHost: 'unix:///nonexistent/docker.sock', dockerConfigDir: CONFIG } }));
    assert.equal(out.status, 'info');
    assert.equal(out.causeId, undefined);
  });
});
