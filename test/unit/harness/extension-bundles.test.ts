import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error plain ES module without types
import { esbuildOptions, extensionBundles } from '../../../scripts/extension-bundles.mjs';

const root = path.resolve(__dirname, '..', '..', '..');

/** Builds the production extension bundles (scripts/extension-bundles.mjs) once: file → its inputs and text. */
async function buildBundles(): Promise<Record<string, { inputs: string[]; text: string }>> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-bundles-'));
  try {
    const { node } = esbuildOptions({ root, production: true });
    const options = extensionBundles({ root, node: { ...node, logLevel: 'silent' }, outdir: out }) as Parameters<typeof build>[0][];
    const results = await Promise.all(options.map((o) => build({ ...o, metafile: true })));
    const bundles: Record<string, { inputs: string[]; text: string }> = {};
    for (const { metafile } of results) {
      for (const [file, output] of Object.entries((metafile).outputs)) {
        bundles[path.basename(file)] = { inputs: Object.keys(output.inputs), text: fs.readFileSync(path.join(root, file), 'utf8') };
      }
    }
    return bundles;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const packageOf = (input: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input)?.[1];

describe('extension bundles (scripts/extension-bundles.mjs)', function () {
  this.timeout(120_000);
  let bundles: Record<string, { inputs: string[]; text: string }>;
  before(async () => { bundles = await buildBundles(); });

  it('builds dist/extension.js and the lazily loaded dist/main.js, dist/azure.js and dist/engine.js', () => {
    assert.deepEqual(Object.keys(bundles).sort(), ['azure.js', 'engine.js', 'extension.js', 'main.js']);
  });

  it('holds neither the ms-rest-js Resource Graph client nor ms-rest-js (it kept Authorization on redirects)', () => {
    for (const [file, b] of Object.entries(bundles)) {
      const legacy = b.inputs.filter((i) => /^@azure\/(arm-resourcegraph|ms-rest-js|ms-rest-azure-js)$/.test(packageOf(i) ?? ''));
      assert.deepEqual(legacy, [], file);
    }
  });

  it('keeps the Azure SDKs, MSAL, dockerode and the engine out of what activation loads', () => {
    for (const file of ['extension.js', 'main.js']) {
      const heavy = bundles[file].inputs.filter((i) =>
        /^(@azure|@microsoft|dockerode|docker-modem|ssh2)/.test(packageOf(i) ?? '') ||
        /^src\/core\/(azure\/(?!clouds\.ts)|checks\/|docker\/|engine\/diagnose)/.test(i));
      assert.deepEqual(heavy, [], file);
    }
  });

  it('loads only stand-ins at activation: no catalogue, tree, report or command handlers in dist/extension.js', () => {
    const ext = bundles['extension.js'];
    const heavy = ext.inputs.filter((i) => /^src\/(core|shared|webview)\/|^src\/vscode\/(tree|report|commands|problems|lm|auth)\//.test(i));
    assert.deepEqual(heavy, []);
    assert.ok(ext.text.length < 16_000, `dist/extension.js is ${ext.text.length} bytes`);
    assert.match(ext.text, /require\("\.\/main\.js"\)/);
    assert.ok(bundles['main.js'].inputs.some((i) => i.startsWith('src/core/catalogue/')), 'main.js holds the catalogue');
  });

  it('has dist/main.js reach the lazy bundles only through require of the file next to it', () => {
    const text = bundles['main.js'].text;
    assert.match(text, /require\("\.\/azure\.js"\)/);
    assert.match(text, /require\("\.\/engine\.js"\)/);
  });

  it('ships one copy of the Azure SDKs: engine.js takes src/core/azure and the @azure packages from azure.js', () => {
    const engine = bundles['engine.js'];
    assert.deepEqual(engine.inputs.filter((i) => i.startsWith('src/core/azure/') || /^@(azure|microsoft)\//.test(packageOf(i) ?? '')), []);
    assert.match(engine.text, /require\("\.\/azure\.js"\)\.shared\["src\/core\/azure\/connection\.ts"\]/);
    assert.ok(bundles['azure.js'].inputs.some((i) => packageOf(i) === '@azure/identity'), 'azure.js holds @azure/identity');
  });

  it("gives the Azure pipeline's HTTP client node's http/https through node-transport.ts (not VS Code's per-request proxy agent)", () => {
    const azure = bundles['azure.js'];
    assert.ok(azure.inputs.includes('src/vscode/lazy/node-transport.ts'), 'azure.js holds node-transport.ts');
    assert.ok(azure.inputs.includes('node-transport:https') && azure.inputs.includes('node-transport:http'), `inputs: ${azure.inputs.filter((i) => i.startsWith('node-transport')).join(', ')}`);
    assert.ok(!bundles['engine.js'].inputs.some((i) => i.startsWith('node-transport:')), 'engine.js takes the pipeline from azure.js');
  });

  it('leaves out what the extension never runs (dockerode BuildKit: grpc/protobufjs; whatwg-url/tr46; mime-db)', () => {
    const unused = ['@grpc/grpc-js', '@grpc/proto-loader', 'protobufjs', 'whatwg-url', 'tr46', 'mime-db'];
    for (const [file, { inputs }] of Object.entries(bundles)) {
      assert.deepEqual(inputs.map(packageOf).filter((p) => p && unused.includes(p)), [], file);
    }
    assert.ok(bundles['engine.js'].inputs.some((i) => packageOf(i) === 'dockerode'), 'engine.js still holds dockerode');
  });
});
