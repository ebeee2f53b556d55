// One localisation system: the English bundle is what @vscode/l10n-dev exports from the source
// (l10n.t strings, check messages, check titles), every one of its strings has Dutch with the same
// placeholders, and so does every cause text. Messages render through @vscode/l10n.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { msg, renderMessage } from '../../../src/core/text/message';
import { say } from '../../../src/core/text/say';
import { allCauses } from '../../../src/core/catalogue/index';

const root = path.join(__dirname, '..', '..', '..');
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as Record<string, string>;
const placeholders = (s: string) => [...s.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();

describe('l10n: one system, complete Dutch', function () {
  this.timeout(60_000); // the export loads every source file and the check registry

  let exported: Record<string, string>;
  before(async () => {
    const { englishBundle } = await import(path.join(root, 'scripts', 'l10n-export.mjs'));
    exported = await englishBundle();
  });

  it('l10n/bundle.l10n.json is the exported bundle (npm run l10n:export)', () => {
    assert.ok(Object.keys(exported).length > 400, `only ${Object.keys(exported).length} strings exported`);
    assert.deepEqual(readJson('l10n/bundle.l10n.json'), exported);
  });

  it('exports the check messages, the l10n.t strings and the check titles', () => {
    assert.ok(exported['connected to {address}:443 in {ms} ms'], 'a check message');
    assert.ok(exported['not run: {by} did not pass'], "the engine's message");
    assert.ok(exported['ACR Doctor could not start: {0}'], "the extension's activation failure");
    assert.ok(exported['Diagnosing {target}'], "the CLI's words");
    assert.ok(exported['check.net.tcp.title'], 'a check title');
  });

  it('has Dutch for every exported string, with the same placeholders', () => {
    const nl = readJson('l10n/bundle.l10n.nl.json');
    assert.deepEqual(Object.keys(exported).filter((k) => !nl[k]?.trim()), []);
    for (const k of Object.keys(exported)) assert.deepEqual(placeholders(nl[k]), placeholders(exported[k]), k);
  });

  it('has Dutch for every cause text', () => {
    const missing: string[] = [];
    for (const c of allCauses()) {
      const texts = { title: c.title, explanation: c.explanation, sectionTitle: c.sectionTitle, ...Object.fromEntries(c.fixes.map((f, i) => [`fix ${i}`, f.title])) };
      for (const [what, t] of Object.entries(texts)) if (!t.nl?.trim() || !t.en?.trim()) missing.push(`${c.id} ${what}`);
    }
    assert.deepEqual(missing, []);
  });

  it('every msg() in the source names its id as a literal, so the export sees it', () => {
    const bad: string[] = [];
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
    for (const file of walk(path.join(root, 'src'))) {
      const src = fs.readFileSync(file, 'utf8');
      if (!/import \{[^}]*\bmsg\b[^}]*\} from '[./]*text\/message'/.test(src)) continue;
      for (const m of src.matchAll(/(?<![\w.])msg\(\s*(.)/g)) if (m[1] !== "'" && m[1] !== '"') bad.push(`${path.relative(root, file)}: msg(${m[1]}`);
    }
    assert.deepEqual(bad, []);
  });

  it('renders a message in English and in Dutch, a nested reason too, quoted error text as it is', () => {
    const m = msg('connected to {address}:443 in {ms} ms', { address: '192.0.2.20', ms: 3 });
    assert.equal(renderMessage(m), 'connected to 192.0.2.20:443 in 3 ms');
    assert.equal(say(m, 'en'), 'connected to 192.0.2.20:443 in 3 ms');
    assert.equal(say(m, 'nl'), 'verbonden met 192.0.2.20:443 in 3 ms');
    const nested = msg('the refusal is explained elsewhere: {why}', { why: msg('default action Deny; no IP rules') });
    assert.equal(say(nested, 'nl'), 'de weigering wordt elders verklaard: standaardactie Deny; geen IP-regels');
    const quoted = msg('docker pull {image} failed: {error}', { image: 'contoso.azurecr.io/hello:v1', error: 'unauthorized: authentication required' });
    assert.equal(say(quoted, 'nl'), 'docker pull contoso.azurecr.io/hello:v1 is mislukt: unauthorized: authentication required');
    // After Dutch, English again (the language is per call, not stuck).
    assert.equal(say(m, 'en'), 'connected to 192.0.2.20:443 in 3 ms');
  });
});
