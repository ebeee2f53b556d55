// The extension's bundles and the CLI's, as scripts/build.mjs and the benchmark (bench/bundle.ts)
// build them. The CLI (dist/cli.js, one file: `npx acr-doctor`, the .vsix) leaves out the same unused
// parts of packages (unusedParts) as the extension, and evaluates the Azure SDKs and dockerode when a
// check first uses them (packagesOnFirstUse, sshOnFirstUse), not at start-up.
// VS Code loads dist/extension.js at activation; the heavy areas are apart and `require()`d on first
// use through the typed doors in src/vscode/lazy/ (azure.ts, engine.ts):
//   dist/extension.js  stand-ins: commands, registries views, report serializer   at activation
//   dist/main.js       tree, report, problems, agent tools, command handlers     first use / quiet after start-up
//   dist/azure.js      sign-in, ARM listing, Azure fixes: the Azure SDKs, MSAL   first sign-in / tree listing / Azure fix
//   dist/engine.js     the diagnosis engine, its probes, dockerode               first diagnosis
// engine.js takes every Azure module (src/core/azure, the @azure/* and @microsoft/* packages) from
// azure.js's `shared` table, so one copy of the SDKs ships and both areas share their classes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** esbuild options of every bundle: `common` (the webview's too) and `node` (extension, CLI, tests). */
export function esbuildOptions({ root, production }) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    minify: production,
    // Keep names: the Azure SDKs and MSAL tell errors and classes apart by name (and node-fetch,
    // should a dependency bring it back, accepts a signal only from a class named `AbortSignal`).
    keepNames: true,
    // No source maps in production: the .vsix ships none (.vscodeignore, scripts/check-vsix.mjs).
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  };
  // ssh2 (under dockerode) loads optional native helpers inside try/catch and falls back to
  // JavaScript: leave them out of the bundle rather than fail on `.node` files.
  const nodeExternals = ['vscode', 'cpu-features', '*.node'];
  const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: nodeExternals };
  return { common, node, nodeExternals };
}

/** Lazily loaded bundles: dist/<name>.js, built from src/vscode/lazy/<name>-area.ts. */
export const LAZY_BUNDLES = ['azure', 'engine', 'main'];

/**
 * Parts of packages ACR Doctor never runs, left out of the extension's bundles and the CLI's:
 * - dockerode's BuildKit session and progress decoder (@grpc/grpc-js, protobufjs; ~0.4 MB): only
 *   buildImage({ version: '2' }) uses them, ACR Doctor builds no images;
 * - whatwg-url (with tr46's Unicode tables, ~0.3 MB): node-fetch 2 (if a dependency brings it) takes
 *   it only when Node has no global URL, and Node 20 has one;
 * - mime-types (with mime-db, ~0.13 MB) under form-data: it names the type of a
 *   file appended to a multipart form; ARM requests send JSON, and form-data falls back to
 *   application/octet-stream when the lookup finds nothing.
 */
const unusedParts = {
  name: 'unused-parts',
  setup(build) {
    build.onResolve({ filter: /^\.\/(session|buildkit)$/ }, (args) =>
      /[\\/]node_modules[\\/]dockerode[\\/]lib$/.test(args.resolveDir) ? { path: args.path, namespace: 'unused-dockerode' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'unused-dockerode' }, (args) => ({
      contents: `const unused = () => { throw new Error('dockerode ${args.path.slice(2)}: BuildKit builds are not part of ACR Doctor'); };
        module.exports = ${args.path === './session' ? 'unused' : '{ followProgress: unused }'};`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^whatwg-url$/ }, (args) =>
      /[\\/]node_modules[\\/]node-fetch[\\/]/.test(args.importer) ? { path: 'whatwg-url', namespace: 'node-url' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'node-url' }, () => ({ contents: `module.exports = { URL: require('node:url').URL };`, loader: 'js' }));
    build.onResolve({ filter: /^mime-types$/ }, (args) =>
      /[\\/]node_modules[\\/]form-data[\\/]/.test(args.importer) ? { path: 'mime-types', namespace: 'no-mime-types' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'no-mime-types' }, () => ({ contents: `module.exports = { lookup: () => false };`, loader: 'js' }));
  },
};

/**
 * Node defines FormData as a lazy global: the first read of it loads undici (~25 ms of a 2-core
 * machine's CPU, a tenth of a healthy diagnosis). The Azure core pipeline reads it on every request
 * (`typeof FormData !== "undefined" && body instanceof FormData`, in its form-data policy and its
 * request-body helper) although ACR Doctor never sends a FormData body. The check becomes one that
 * does not touch the lazy global: a body can only be a FormData once something read the global,
 * which turns it into a plain value property.
 */
export const FORM_DATA_CHECK = 'typeof FormData !== "undefined" && body instanceof FormData';
export const FORM_DATA_FILES = /[\\/]node_modules[\\/]@typespec[\\/]ts-http-runtime[\\/]dist[\\/](esm|commonjs)[\\/](formData|client[\\/]sendRequest)\.js$/;
export function isLoadedFormData(body) {
  const d = Object.getOwnPropertyDescriptor(globalThis, 'FormData');
  return typeof d?.value === 'function' && body instanceof d.value;
}
const formDataWithoutUndici = {
  name: 'form-data-without-undici',
  setup(build) {
    build.onLoad({ filter: FORM_DATA_FILES }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(FORM_DATA_CHECK)) return { contents: text, loader: 'js', warnings: [{ text: `${args.path}: the FormData check changed; undici may load on every request again (scripts/extension-bundles.mjs formDataWithoutUndici)` }] };
      return { contents: `${text.split(FORM_DATA_CHECK).join('isLoadedFormData(body)')}\n${isLoadedFormData.toString()}\n`, loader: 'js' };
    });
  },
};

/**
 * The Azure pipeline's HTTP client (@typespec/ts-http-runtime's nodeHttpClient) takes node's http and
 * https through src/vscode/lazy/node-transport.ts, which bypasses VS Code's per-request proxy agent
 * (why: that file). Extension bundles only; the CLI runs outside VS Code.
 */
export const PIPELINE_HTTP_CLIENT = /[\\/]node_modules[\\/]@typespec[\\/]ts-http-runtime[\\/]dist[\\/](esm|commonjs)[\\/]nodeHttpClient\.js$/;
const nodeTransport = {
  name: 'node-transport',
  setup(build) {
    build.onResolve({ filter: /^(node:)?https?$/ }, (args) =>
      PIPELINE_HTTP_CLIENT.test(args.importer) ? { path: args.path.replace(/^node:/, ''), namespace: 'node-transport' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'node-transport' }, (args) => ({
      contents: `module.exports = require('./src/vscode/lazy/node-transport.ts').nodeModule(require('node:${args.path}'));`,
      loader: 'js',
      resolveDir: build.initialOptions.absWorkingDir,
    }));
  },
};

/** `require('./<name>-area')` in src/vscode/lazy/ becomes the bundle next to the requiring one. */
const lazyDoors = {
  name: 'lazy-doors',
  setup(build) {
    const names = LAZY_BUNDLES.join('|');
    build.onResolve({ filter: new RegExp(`^\\./(${names})-area$`) }, (args) =>
      /[\\/]src[\\/]vscode[\\/]lazy$/.test(args.resolveDir) ? { path: `${args.path.replace(/-area$/, '')}.js`, external: true } : undefined);
    build.onResolve({ filter: new RegExp(`^\\./(${names})\\.js$`) }, (args) =>
      args.namespace === 'shared-azure' ? { path: args.path, external: true } : undefined);
  },
};

const AZURE_PACKAGE = /^@(azure|microsoft)\//;

/**
 * What a TypeScript source imports or re-exports (type-only parts left out) from the specifiers
 * `wanted` accepts: specifier → the names it takes ('default' for a default import, '*' for
 * `import * as` / `export *`).
 */
export function importedNames(text, wanted) {
  const names = new Map();
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\s)([^;]*?)\s+from\s+['"]([^'"]+)['"]/g)) {
    const [, clause, spec] = m;
    if (!wanted(spec)) continue;
    const list = names.get(spec) ?? new Set();
    names.set(spec, list);
    const named = /\{([^}]*)\}/.exec(clause);
    for (const part of (named?.[1] ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
      if (!/^type\s/.test(part)) list.add(part.split(/\s+as\s+/)[0]);
    }
    const rest = clause.replace(/\{[^}]*\}/, '').split(',').map((p) => p.trim()).filter(Boolean);
    for (const part of rest) list.add(part.startsWith('*') ? '*' : 'default');
  }
  return names;
}

/**
 * Names the engine side (src/core outside src/core/azure) imports from each Azure package, so azure.js
 * shares just those and esbuild still drops the rest (a whole `require()` would keep every export
 * of the ARM SDKs: ~0.4 MB more). undefined for a package taken whole (`import * as`, default).
 */
function engineSideImports(root) {
  const names = new Map();
  const files = readdirSync(join(root, 'src/core'), { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.split(/[\\/]/).includes('azure'));
  for (const f of files) {
    for (const [spec, taken] of importedNames(readFileSync(join(root, 'src/core', f), 'utf8'), (s) => AZURE_PACKAGE.test(s))) {
      const list = names.has(spec) ? names.get(spec) : new Set();
      if (!list) continue;
      if (taken.has('default') || taken.has('*')) { names.set(spec, undefined); continue; }
      for (const n of taken) list.add(n);
      names.set(spec, list);
    }
  }
  return names;
}

/** azure.js's `shared` table: every file of src/core/azure and what the engine side takes from the Azure packages. */
function sharedAzureModules(root) {
  const lines = [];
  const entries = [];
  const keys = new Set();
  let i = 0;
  for (const f of readdirSync(join(root, 'src/core/azure')).filter((f) => f.endsWith('.ts')).sort()) {
    lines.push(`import * as m${i} from './src/core/azure/${f}';`);
    entries.push(`  ${JSON.stringify(`src/core/azure/${f}`)}: m${i++},`);
    keys.add(`src/core/azure/${f}`);
  }
  for (const [spec, names] of engineSideImports(root)) {
    if (names) {
      const list = [...names].sort();
      lines.push(`import { ${list.map((n, j) => `${n} as m${i}_${j}`).join(', ')} } from ${JSON.stringify(spec)};`);
      entries.push(`  ${JSON.stringify(spec)}: { ${list.map((n, j) => `${n}: m${i}_${j}`).join(', ')} },`);
    } else {
      lines.push(`import * as m${i} from ${JSON.stringify(spec)};`);
      entries.push(`  ${JSON.stringify(spec)}: m${i},`);
    }
    i++;
    keys.add(spec);
  }
  return { keys, table: [...lines, 'export const shared = {', ...entries, '};'].join('\n') };
}

/** In engine.js: an Azure module (a file of src/core/azure, an @azure/* or @microsoft/* package) comes from azure.js. */
function fromAzureBundle(root, shared) {
  return {
    name: 'from-azure-bundle',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.fromAzureBundle || args.namespace !== 'file' || /[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
        if (args.kind === 'entry-point') return undefined;
        let key = shared.has(args.path) && !args.path.startsWith('.') ? args.path : undefined;
        if (!key && args.path.startsWith('.')) {
          const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { fromAzureBundle: true } });
          if (resolved.errors.length) return undefined;
          const rel = relative(root, resolved.path).split('\\').join('/');
          if (shared.has(rel)) key = rel;
        }
        return key ? { path: key, namespace: 'shared-azure' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'shared-azure' }, (args) => ({
        contents: `module.exports = require('./azure.js').shared[${JSON.stringify(args.path)}];`,
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

/**
 * esbuild options of the extension's bundles into `outdir` (dist/ or a temp dir). `node`: the node
 * options of esbuildOptions() (platform, format, externals, minify…).
 */
export function extensionBundles({ root, node, outdir }) {
  const shared = sharedAzureModules(root);
  const base = { ...node, plugins: [lazyDoors, unusedParts, formDataWithoutUndici, nodeTransport] };
  const azureEntry = `export * from './src/vscode/lazy/azure-area';\n${shared.table}\n`;
  return [
    { ...base, entryPoints: ['src/extension.ts'], outfile: join(outdir, 'extension.js') },
    { ...base, stdin: { contents: azureEntry, resolveDir: root, sourcefile: 'azure-bundle.ts', loader: 'ts' }, outfile: join(outdir, 'azure.js') },
    { ...base, plugins: [fromAzureBundle(root, shared.keys), ...base.plugins], entryPoints: ['src/vscode/lazy/engine-area.ts'], outfile: join(outdir, 'engine.js') },
    { ...base, entryPoints: ['src/vscode/lazy/main-area.ts'], outfile: join(outdir, 'main.js') },
  ];
}

/** Packages the CLI's sources take on first use (packagesOnFirstUse): the Azure SDKs, MSAL, dockerode. */
const CLI_FIRST_USE = (spec) => AZURE_PACKAGE.test(spec) || spec === 'dockerode' || spec === 'yaml' || spec === 'smol-toml';

/**
 * A package imported by a source file (not by another package) is evaluated the first time the code
 * reads one of the names it imports, not when the bundle starts: the import becomes an object whose
 * getters `require()` the package. esbuild reads an imported name off that object at each use
 * (`import_x.Name`), so nothing runs before then. The package itself is the same file the import
 * statement would bundle (its ESM build, one copy shared with the packages that import it), wrapped
 * by esbuild to be evaluated when first required. An `import * as` stays as it is.
 */
function packagesOnFirstUse(root, wanted) {
  return {
    name: 'packages-on-first-use',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.namespace === 'first-use-names') {
          const real = await build.resolve(args.path, { kind: 'import-statement', resolveDir: root, pluginData: { firstUse: true } });
          if (real.errors.length) return { errors: real.errors };
          return { path: real.path, namespace: real.namespace, external: real.external, sideEffects: real.sideEffects };
        }
        if (args.pluginData?.firstUse || args.namespace !== 'file' || args.kind !== 'import-statement' || !wanted(args.path)) return undefined;
        if (/[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
        const names = importedNames(readFileSync(args.importer, 'utf8'), (s) => s === args.path).get(args.path);
        if (!names?.size || names.has('*')) return undefined;
        return { path: `${args.path}:${[...names].sort().join(',')}`, namespace: 'first-use', pluginData: { spec: args.path, names: [...names].sort() } };
      });
      build.onLoad({ filter: /.*/, namespace: 'first-use' }, ({ path, pluginData }) => ({
        contents: `let loaded;
          const load = () => (loaded ??= require(${JSON.stringify(path)}));
          Object.defineProperty(exports, '__esModule', { value: true });
          for (const name of ${JSON.stringify(pluginData.names)}) {
            Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });
          }`,
        loader: 'js',
        resolveDir: root,
        pluginData,
      }));
      // What the getters require: an ES module re-exporting just the imported names, so esbuild
      // still drops (and never evaluates) the parts of a side-effect-free package nothing imports,
      // as it does for a plain import; a require() of the package itself would keep all of it.
      build.onResolve({ filter: /.*/, namespace: 'first-use' }, (args) => args.kind === 'require-call' && args.pluginData
        ? { path: args.path, namespace: 'first-use-names', pluginData: args.pluginData } : undefined);
      build.onLoad({ filter: /.*/, namespace: 'first-use-names' }, ({ pluginData: { spec, names } }) => ({
        contents: `export { ${names.join(', ')} } from ${JSON.stringify(spec)};`,
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

/**
 * docker-modem's ssh transport (ssh2 with its crypto, ~0.35 MB) serves only an ssh:// DOCKER_HOST, yet
 * docker-modem requires it at its top: its `require('./ssh')` becomes a function that requires the
 * transport when docker-modem first calls it.
 */
const sshOnFirstUse = {
  name: 'ssh-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^\.\/ssh$/ }, (args) => {
      if (args.pluginData?.sshOnFirstUse || !/[\\/]node_modules[\\/]docker-modem[\\/]lib$/.test(args.resolveDir)) return undefined;
      return { path: join(args.resolveDir, 'ssh-on-first-use'), namespace: 'ssh-on-first-use', pluginData: { resolveDir: args.resolveDir } };
    });
    build.onLoad({ filter: /.*/, namespace: 'ssh-on-first-use' }, (args) => ({
      contents: `module.exports = function sshAgent(opt) { return require('./ssh')(opt); };`,
      loader: 'js',
      resolveDir: args.pluginData.resolveDir,
      pluginData: { sshOnFirstUse: true },
    }));
    build.onResolve({ filter: /^\.\/ssh$/, namespace: 'ssh-on-first-use' }, async (args) => {
      const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { sshOnFirstUse: true } });
      return real.errors.length ? { errors: real.errors } : { path: real.path };
    });
  },
};

/**
 * The older SDKs that ship CommonJS only (arm-authorization, arm-resources-subscriptions) `require()`
 * the Azure core packages (core-client, core-rest-pipeline, logger…), which resolves to those packages'
 * CommonJS builds, while the newer SDKs import their ESM builds: two copies of each (~0.1 MB), both
 * evaluated. A require of an @azure/* or @typespec/* package from a package takes the ESM build too.
 */
const oneAzureCoreCopy = {
  name: 'one-azure-core-copy',
  setup(build) {
    build.onResolve({ filter: /^@(azure|typespec)\// }, async (args) => {
      if (args.kind !== 'require-call' || args.pluginData?.oneAzureCoreCopy || !/[\\/]node_modules[\\/]/.test(args.importer)) return undefined;
      const esm = await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, pluginData: { oneAzureCoreCopy: true } });
      return esm.errors.length ? undefined : { path: esm.path, namespace: esm.namespace, sideEffects: esm.sideEffects };
    });
  },
};

/**
 * MSAL signs a client assertion (a certificate sign-in) with jsonwebtoken, which it imports at its
 * top, and with it semver and six lodash helpers: ~0.4 MB of heap, half a MB of a diagnosis's peak,
 * although a secret or the Azure CLI never signs one. The file's one call takes the package when it
 * first runs (esbuild bundles a require() as a module evaluated on that call).
 */
export const MSAL_JWT_FILE = /[\\/]node_modules[\\/]@azure[\\/]msal-node[\\/]dist[\\/]client[\\/]ClientAssertion\.mjs$/;
export const MSAL_JWT_IMPORT = "import jwt from 'jsonwebtoken';";
const MSAL_JWT_SIGN = 'jwt.sign(';
export const jwtOnFirstUse = {
  name: 'jwt-on-first-use',
  setup(build) {
    build.onLoad({ filter: MSAL_JWT_FILE }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(MSAL_JWT_IMPORT) || text.split(MSAL_JWT_SIGN).length !== 2) {
        return { contents: text, loader: 'js', warnings: [{ text: `${args.path}: MSAL's use of jsonwebtoken changed; it is evaluated at start again (scripts/extension-bundles.mjs jwtOnFirstUse)` }] };
      }
      return { contents: text.replace(MSAL_JWT_IMPORT, '').replace(MSAL_JWT_SIGN, "require('jsonwebtoken').sign("), loader: 'js' };
    });
  },
};

/**
 * esbuild options of the CLI proper, dist/cli-main.js (`outfile`): one file, the same unused parts
 * left out as in the extension, the Azure SDKs, dockerode and ssh2 evaluated on first use (--help,
 * explain, a diagnosis without Azure never load the SDKs), one copy of each Azure core package.
 * The bin is cliLauncherBundle's dist/cli.js, which runs this file through a V8 code cache.
 */
export function cliBundle({ root, node, outfile }) {
  const entry = ['src/cli/main.ts', 'src/cli/index.ts'].find((f) => existsSync(join(root, f)));
  return entry && {
    ...node, plugins: [unusedParts, formDataWithoutUndici, packagesOnFirstUse(root, CLI_FIRST_USE), sshOnFirstUse, oneAzureCoreCopy, jwtOnFirstUse], entryPoints: [entry], outfile,
    banner: { js: `#!/usr/bin/env node\n${CLI_MAIN_SELF_WRAPPED}` }, footer: { js: '});' },
  };
}

/**
 * dist/cli-main.js wraps itself in the function node's module loader would wrap it in: run as a
 * module (node dist/cli-main.js, require) it calls that function at once; compiled as a script by
 * the launcher (`this` is the global object there) it is the script's value, which the launcher
 * calls. The launcher then compiles the file's text as read instead of a wrapped copy (one 2 MB
 * string less for the whole run). The same text as SELF_WRAPPED in src/cli/compile-cache.ts.
 */
export const CLI_MAIN_SELF_WRAPPED = '(this === globalThis ? (main) => main : (main) => main.call(this, exports, require, module, __filename, __dirname))(function (exports, require, module, __filename, __dirname) {';

/** esbuild options of the bin, dist/cli.js: a few KB that load dist/cli-main.js (next to it) with a compile cache. */
export function cliLauncherBundle({ root, node, outfile }) {
  const entry = 'src/cli/launcher.ts';
  return existsSync(join(root, entry)) && { ...node, entryPoints: [entry], outfile, banner: { js: '#!/usr/bin/env node' }, sourcemap: false };
}

/** esbuild options of dist/cli-mcp.js: `acr-doctor mcp`'s server (the MCP SDK), required by the CLI only for that command. */
export function cliMcpBundle({ root, node, outfile }) {
  const entry = 'src/cli/mcp.ts';
  return existsSync(join(root, entry)) && { ...node, entryPoints: [entry], outfile };
}
