// Every UI string of the sign-in, the registries tree and its commands has a Dutch translation
// that keeps its placeholders; every contribution string of the tree is in both package.nls files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { placeholders, repoRoot as root, uiStringsIn } from '../../../support/l10n-strings';
const SOURCES = ['src/vscode/auth', 'src/vscode/tree', ...['sign-in', 'sign-out', 'sign-in-to-tenant', 'select-subscriptions', 'add-registry', 'remove-registry', 'refresh-registries', 'load-more']
  .map((f) => `src/vscode/commands/${f}.ts`)];

const uiStrings = () => uiStringsIn(SOURCES);

const json = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8')) as Record<string, string>;

describe('registries tree l10n: complete Dutch', () => {
  const strings = uiStrings();

  it('finds the UI strings', () => {
    assert.ok(strings.length > 50, `only ${strings.length} strings found`);
    assert.ok(strings.includes('Other registries'));
  });

  it('has every string in the English bundle and translated in the Dutch one, placeholders kept', () => {
    const en = json('l10n/bundle.l10n.json');
    const nl = json('l10n/bundle.l10n.nl.json');
    assert.deepEqual(strings.filter((s) => !(s in en)), [], 'missing from l10n/bundle.l10n.json');
    assert.deepEqual(strings.filter((s) => !nl[s]?.trim()), [], 'missing from l10n/bundle.l10n.nl.json');
    for (const s of strings) assert.deepEqual(placeholders(nl[s]), placeholders(s), s);
  });

  it('translates the tree\'s contributions (commands, welcome view, settings)', () => {
    const pkg = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const en = json('package.nls.json');
    const nl = json('package.nls.nl.json');
    const keys = [...pkg.matchAll(/%((?:command\.(?:signIn|signOut|signInToTenant|selectSubscriptions|addRegistry|removeRegistry|refreshRegistries|diagnose)\.title)|viewsWelcome\.registries\.signed\w+|config\.(?:registries|azure)\.[\w.]+)%/g)].map((m) => m[1]);
    assert.ok(keys.length >= 20, `only ${keys.length} keys`);
    for (const k of keys) {
      assert.ok(en[k]?.trim(), `package.nls.json lacks ${k}`);
      assert.ok(nl[k]?.trim() && nl[k] !== en[k], `package.nls.nl.json lacks a Dutch ${k}`);
    }
  });
});
