// Child of bench/activation.ts: load the extension bundle and call activate() against a VS Code
// API stand-in (every member is a function returning a disposable stand-in), print the timings.
// Measures the extension's own cost (code loading + activate()), not VS Code's. Then lists which
// bundles of the build directory activation loaded, and times the first load of each lazy bundle
// named on the command line (node child.cjs <dir>/extension.js azure.js engine.js).
const Module = require('node:module');
const path = require('node:path');

const handler = {
  get(target, prop) {
    if (prop === 'then') return undefined;            // not a promise
    if (prop === Symbol.toPrimitive) return () => '';
    if (prop === Symbol.iterator) return function* () { /* empty */ };
    if (prop === 'dispose') return () => undefined;
    if (prop === 'isTrusted') return true;
    if (prop === 'language') return 'en';
    if (prop === 'workspaceFolders') return undefined;
    if (prop === 'visible') return false;             // the registries view is not shown at start-up
    if (prop === 'ExtensionMode') return { Production: 1, Development: 2, Test: 3 };
    if (!(prop in target)) target[prop] = stub(String(prop));
    return target[prop];
  },
  apply() { return stub('result'); },
  construct() { return stub('instance'); },
};
function stub(name) { const f = function () { /* stand-in */ }; Object.defineProperty(f, 'name', { value: name }); return new Proxy(f, handler); }
const vscode = stub('vscode');
// esbuild's interop copies the module's own properties: give the stand-in every top-level name
// the sources use (vscode.window, vscode.CodeActionKind, …).
const fs = require('node:fs');
const names = new Set();
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else if (e.name.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/\bvscode\.([A-Za-z_]\w*)/g)) names.add(m[1]);
  }
})(path.join(__dirname, '..', 'src'));
for (const n of names) void vscode[n];
const load = Module._load;
Module._load = function (request, parent, isMain) { return request === 'vscode' ? vscode : load.call(this, request, parent, isMain); };

(async () => {
  const bundle = process.argv[2];
  const t0 = performance.now();
  const ext = require(path.resolve(bundle));
  const t1 = performance.now();
  const subscriptions = [];
  const context = new Proxy({ subscriptions, extensionUri: stub('uri'), extensionPath: path.dirname(bundle), extensionMode: 1, globalState: stub('gs'), workspaceState: stub('ws'), secrets: stub('secrets'), logUri: stub('log'), globalStorageUri: stub('gsu'), storageUri: undefined, environmentVariableCollection: stub('evc') }, { get: (t, p) => (p in t ? t[p] : stub(String(p))) });
  let error;
  try { await ext.activate(context); } catch (e) { error = String(e && e.message || e); }
  const t2 = performance.now();
  // Whatever activation started without awaiting gets a moment to load what it needs.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const dir = path.dirname(path.resolve(bundle));
  const loadedAtActivation = Object.keys(require.cache).filter((f) => path.dirname(f) === dir).map((f) => path.basename(f));
  const lazyMs = {};
  for (const file of process.argv.slice(3)) {
    const t = performance.now();
    require(path.join(dir, file));
    lazyMs[file] = performance.now() - t;
  }
  process.stdout.write(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1, error, loadedAtActivation, lazyMs }));
  process.exit(0);
})();
