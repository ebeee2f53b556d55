// In the extension host VS Code replaces node's http/https request() and get() with its proxy
// support: each request then gets an agent of its own (no keep-alive, no TLS session reuse), waits
// for the workbench to resolve a proxy and for the OS certificates to be added. A healthy diagnosis's
// ARM and Entra requests took ~3× as long as the CLI's. The Azure pipeline's requests (the diagnosis's
// and the tree's) go through node's own functions, reaching Azure as the CLI does (HTTPS_PROXY,
// NO_PROXY, NODE_EXTRA_CA_CERTS), unless the user set a proxy in VS Code itself (http.proxy).
// scripts/extension-bundles.mjs gives the pipeline's HTTP client nodeModule(require('node:https')).

interface Requesting { request: unknown; get: unknown }

let followVsCode = false;

/** true: the Azure pipeline's requests take VS Code's request()/get() again (its proxy support). */
export function followVsCodeProxy(on: boolean): void {
  followVsCode = on;
}

/**
 * Whether the Azure requests take VS Code's request()/get(): the user chose it
 * (`acrDoctor.azure.network: vscode`, for a proxy or CA only the OS knows), or `http.proxy` names a proxy.
 */
export function vsCodeProxyWanted(http: { get<T>(key: string): T | undefined }, network?: string): boolean {
  if (network === 'vscode') return true;
  const proxy = http.get<string>('proxy');
  return typeof proxy === 'string' && proxy.trim() !== '' && http.get<string>('proxySupport') !== 'off';
}

/**
 * `real` (node's http or https module, patched in place by VS Code) with request() and get() read at
 * call time: node's own (kept by VS Code as `__vscodeOriginal`) unless followVsCodeProxy(true).
 * Everything else (Agent, globalAgent…) is the module's own. Outside VS Code both are the same.
 */
export function nodeModule<T extends Requesting>(real: T): T {
  const own = (real as T & { __vscodeOriginal?: Partial<Requesting> }).__vscodeOriginal;
  const pick = (name: keyof Requesting) => (!followVsCode && typeof own?.[name] === 'function' ? own[name] : real[name]);
  return Object.create(real, {
    request: { enumerable: true, get: () => pick('request') },
    get: { enumerable: true, get: () => pick('get') },
  }) as T;
}
