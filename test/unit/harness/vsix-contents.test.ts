import * as assert from 'node:assert/strict';
// @ts-expect-error plain ES module without types
import { checkVsixEntries } from '../../../scripts/check-vsix.mjs';

const check = (names: string[]) => checkVsixEntries(names) as string[];
const good = [
  'extension.vsixmanifest', '[Content_Types].xml', 'extension/package.json', 'extension/package.nls.json',
  'extension/package.nls.nl.json', 'extension/readme.md', 'extension/dist/extension.js', 'extension/dist/main.js', 'extension/dist/azure.js',
  'extension/dist/engine.js', 'extension/dist/cli.js', 'extension/dist/cli-main.js',
  'extension/dist/media/report.js', 'extension/media/acr-doctor.svg', 'extension/l10n/bundle.l10n.nl.json',
];

describe('vsix contents rule (scripts/check-vsix.mjs)', () => {
  it('accepts bundles, manifest, translations and media', () => {
    assert.deepEqual(check(good), []);
  });

  it('rejects sources, tests, sandbox, source maps and node_modules', () => {
    for (const bad of ['extension/src/extension.ts', 'extension/dist/test/extension/index.js', 'extension/sandbox/world.ts',
      'extension/dist/extension.js.map', 'extension/node_modules/mocha/index.js', 'extension/scripts/build.mjs']) {
      assert.deepEqual(check([...good, bad]), [`unexpected file: ${bad}`], bad);
    }
  });

  it('requires the extension bundle and both manifests translations', () => {
    assert.deepEqual(check(good.filter((n) => n !== 'extension/dist/extension.js')), ['missing: extension/dist/extension.js']);
  });

  it('requires the lazily loaded bundles dist/extension.js requires on first use', () => {
    for (const lazy of ['extension/dist/main.js', 'extension/dist/azure.js', 'extension/dist/engine.js']) {
      assert.deepEqual(check(good.filter((n) => n !== lazy)), [`missing: ${lazy}`], lazy);
    }
  });

  it('rejects bundles it does not know (a new lazy bundle must be added to the rule)', () => {
    assert.deepEqual(check([...good, 'extension/dist/other.js']), ['unexpected file: extension/dist/other.js']);
  });
});
