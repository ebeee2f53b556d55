// Every UI string of the report, problems and fix commands has a Dutch translation that keeps
// its placeholders ({0}, $(icon)).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { placeholders, repoRoot as root, uiStringsIn } from '../../../support/l10n-strings';
const SOURCES = ['src/vscode/report', 'src/vscode/problems', ...['diagnose', 'run-fix', 'copy-fix-command', 'open-cause-docs', 'export-report', 'explain-error']
  .map((f) => `src/vscode/commands/${f}.ts`)];

const uiStrings = () => uiStringsIn(SOURCES);

describe('report l10n: complete Dutch', () => {
  const nl = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;
  const strings = uiStrings();

  it('finds the UI strings', () => {
    assert.ok(strings.length > 60, `only ${strings.length} strings found`);
    assert.ok(strings.includes('Registry diagnosis'));
  });

  it('translates every one, keeping placeholders', () => {
    const missing = strings.filter((s) => !nl[s]?.trim());
    assert.deepEqual(missing, []);
    for (const s of strings) assert.deepEqual(placeholders(nl[s]), placeholders(s), s);
  });

  it('translates the contributed commands', () => {
    const en = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const nlNls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.nl.json'), 'utf8')) as Record<string, string>;
    for (const key of ['command.runFix.title', 'command.copyFixCommand.title', 'command.openCauseDocs.title', 'command.exportReport.title', 'command.explainError.title']) {
      assert.ok(en[key], key);
      assert.ok(nlNls[key] && nlNls[key] !== en[key], key);
    }
  });
});

describe('report l10n: check titles in Dutch', () => {
  it('has a Dutch title for every check the engine can run', async function () {
    this.timeout(30_000); // loads the whole engine (SDK clients included) on first import
    const { allChecks } = await import('../../../../src/core/checks/index');
    const { parseRegistryInput } = await import('../../../../src/core/registry/target');
    const nl = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.nl.json'), 'utf8')) as Record<string, string>;
    const target = parseRegistryInput('contoso.azurecr.io');
    const ids = new Set<string>();
    // With and without a client proxy and Azure, so every conditional check is listed.
    for (const proxy of [{}, { httpsProxy: 'http://proxy.example:3128' }]) {
      const env = { proxy, dockerConfigDir: '/nonexistent', now: () => new Date(), azure: { credential: { getToken: async () => null }, armEndpoint: 'https://management.azure.com' } };
      for (const c of allChecks(target, env, 'all')) ids.add(c.id);
    }
    assert.ok(ids.size > 10);
    assert.deepEqual([...ids].filter((id) => !nl[`check.${id}.title`]?.trim()), []);
  });
});
