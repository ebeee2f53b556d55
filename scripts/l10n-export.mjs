#!/usr/bin/env node
// `npm run l10n:export`: writes l10n/bundle.l10n.json, the English bundle, from the source with
// @vscode/l10n-dev: every `l10n.t`/`vscode.l10n.t` string, every check message (`msg('…')` in
// src/core, read as the `l10n.t` call it stands for) and every check's title (`check.<id>.title`).
//   node scripts/l10n-export.mjs [--check]   --check: exit 1 when the file on disk is out of date
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The source as @vscode/l10n-dev reads it: a file that declares messages with `msg` gets them as `l10n.t`. */
export function asL10nSource(contents) {
  if (!/import \{[^}]*\bmsg\b[^}]*\} from '[./]*text\/message'/.test(contents)) return contents;
  return `import * as l10n from '@vscode/l10n';\n${contents.replace(/(?<![\w.])msg\(/g, 'l10n.t(')}`;
}

export async function englishBundle() {
  const files = tsFiles(path.join(root, 'src')).filter((f) => !f.includes(`${path.sep}webview${path.sep}`));
  const found = await getL10nJson(files.map((f) => ({ contents: asL10nSource(readFileSync(f, 'utf8')), extension: path.extname(f) })));
  const { allChecks } = await tsImport(path.join(root, 'src/core/checks/index.ts'), import.meta.url);
  const { parseRegistryInput } = await tsImport(path.join(root, 'src/core/registry/target.ts'), import.meta.url);
  const titles = {};
  // With and without a client proxy and Azure, so every conditional check is listed.
  for (const proxy of [{}, { httpsProxy: 'http://proxy.example:3128' }]) {
    const env = { proxy, dockerConfigDir: '/nonexistent', now: () => new Date(), azure: { credential: { getToken: async () => null }, armEndpoint: 'https://management.azure.com' } };
    for (const c of allChecks(parseRegistryInput('contoso.azurecr.io'), env, 'all')) titles[`check.${c.id}.title`] = c.title;
  }
  const bundle = { ...found, ...titles };
  return Object.fromEntries(Object.keys(bundle).sort().map((k) => [k, bundle[k]]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = path.join(root, 'l10n', 'bundle.l10n.json');
  const text = `${JSON.stringify(await englishBundle(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) { console.error('l10n/bundle.l10n.json is out of date: run npm run l10n:export'); process.exit(1); }
    console.log('l10n/bundle.l10n.json is up to date');
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${path.relative(root, file)} (${Object.keys(JSON.parse(text)).length} strings)`);
  }
}
