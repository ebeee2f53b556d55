#!/usr/bin/env node
// `npm run package`: the production build, then the .vsix in artifacts/ (created here: vsce does
// not create the folder it writes to, and a fresh clone has none).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'artifacts', 'acr-doctor.vsix');
const run = (what, command, args) => {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { console.error(`npm run package: ${what} failed (exit ${r.status ?? r.signal})`); process.exit(1); }
};

run('the production build', process.execPath, [join(root, 'scripts', 'build.mjs'), '--production']);
mkdirSync(dirname(out), { recursive: true });
run('vsce package', process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
