#!/usr/bin/env node
// Lists a .vsix and fails unless it holds only what an installed extension needs: the bundles
// (dist/extension.js and the lazily loaded dist/main.js, dist/azure.js, dist/engine.js; dist/cli.js and dist/cli-main.js),
// the manifest and its translations, media, l10n — no sources, tests, sandbox, maps or node_modules.
//   node scripts/check-vsix.mjs [artifacts/acr-doctor.vsix]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|package\.nls(\.[a-z-]+)?\.json|LICENSE\.txt|changelog\.md|readme\.md)$/,
  /^extension\/dist\/(extension|main|azure|engine|cli|cli-main|cli-mcp)\.js$/,
  /^extension\/dist\/media\/[\w.-]+\.(js|css|ttf|woff2?)$/,
  /^extension\/media\/[\w./-]+\.(svg|png|css|js|woff2?|ttf)$/,
  /^extension\/media\/walkthrough\/[\w.-]+\.md$/, // the walkthrough steps (contributes.walkthroughs), English and Dutch
  /^extension\/l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/,
];
// dist/main.js, dist/azure.js and dist/engine.js are required by dist/extension.js on first use: a
// .vsix without them activates but shows an empty tree and fails at the first command.
const REQUIRED = [
  'extension/package.json', 'extension/dist/extension.js', 'extension/dist/main.js', 'extension/dist/azure.js', 'extension/dist/engine.js',
  'extension/package.nls.json', 'extension/package.nls.nl.json',
];

export function listVsix(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names = [];
      zip.on('entry', (entry) => { names.push(entry.fileName); zip.readEntry(); });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export function checkVsixEntries(names) {
  const problems = names.filter((n) => !n.endsWith('/') && !ALLOWED.some((re) => re.test(n))).map((n) => `unexpected file: ${n}`);
  for (const r of REQUIRED) if (!names.includes(r)) problems.push(`missing: ${r}`);
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? 'artifacts/acr-doctor.vsix';
  listVsix(file).then(
    (names) => {
      const problems = checkVsixEntries(names);
      if (problems.length) {
        console.error(`check-vsix: ${file} holds what it should not:\n  ${problems.join('\n  ')}`);
        process.exit(1);
      }
      console.log(`check-vsix: ${file}: ${names.length} files, only bundles, manifest, translations and media`);
    },
    (e) => {
      console.error(`check-vsix: cannot read ${file}: ${e.message}`);
      process.exit(1);
    },
  );
}
