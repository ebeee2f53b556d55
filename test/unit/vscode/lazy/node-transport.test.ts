import * as assert from 'node:assert/strict';
import * as https from 'node:https';
import { followVsCodeProxy, nodeModule, vsCodeProxyWanted } from '../../../../src/vscode/lazy/node-transport';

/** A module as VS Code leaves node's https in the extension host: request/get replaced, the originals kept. */
function patchedModule() {
  const own = { request: () => 'own request', get: () => 'own get' };
  return { request: () => 'vscode request', get: () => 'vscode get', Agent: https.Agent, globalAgent: https.globalAgent, __vscodeOriginal: own };
}

describe('node transport for the Azure pipeline (src/vscode/lazy/node-transport.ts)', () => {
  afterEach(() => followVsCodeProxy(false));

  it("takes node's own request() and get() where VS Code patched the module, and the module's Agent", () => {
    const m = nodeModule(patchedModule());
    assert.equal(m.request(), 'own request');
    assert.equal(m.get(), 'own get');
    assert.equal(m.Agent, https.Agent);
    assert.equal(m.globalAgent, https.globalAgent);
  });

  it("takes VS Code's functions again when the user's proxy is to be followed, read at each call", () => {
    const m = nodeModule(patchedModule());
    followVsCodeProxy(true);
    assert.equal(m.request(), 'vscode request');
    followVsCodeProxy(false);
    assert.equal(m.get(), 'own get');
  });

  it('is node\'s module unchanged outside VS Code (nothing patched)', () => {
    const m = nodeModule(https);
    assert.equal(m.request, https.request);
    assert.equal(m.get, https.get);
    assert.ok(new m.Agent({ keepAlive: true }) instanceof https.Agent);
  });

  it('follows VS Code only when http.proxy names a proxy and proxy support is not off', () => {
    const settings = (values: Record<string, unknown>) => ({ get: <T>(k: string) => values[k] as T | undefined });
    assert.equal(vsCodeProxyWanted(settings({})), false);
    assert.equal(vsCodeProxyWanted(settings({ proxy: '  ' })), false);
    assert.equal(vsCodeProxyWanted(settings({ proxy: 'http://proxy.corp:3128', proxySupport: 'override' })), true);
    assert.equal(vsCodeProxyWanted(settings({ proxy: 'http://proxy.corp:3128', proxySupport: 'off' })), false);
  });

  it('follows VS Code whenever acrDoctor.azure.network is "vscode" (a proxy or CA only the OS knows), not for "direct"', () => {
    const none = { get: <T>() => undefined as T | undefined };
    assert.equal(vsCodeProxyWanted(none, 'vscode'), true);
    assert.equal(vsCodeProxyWanted(none, 'direct'), false);
    assert.equal(vsCodeProxyWanted(none, undefined), false);
  });
});
