#!/usr/bin/env node
// The same extension-host suites on desktop VS Code through @vscode/test-electron, for machines
// that can download VS Code (a developer's laptop; not these CI machines, which use code-server:
// test/harness/run-extension-tests.ts). Runs on the minimum engines.vscode version and on stable.
//   node scripts/test-electron.mjs [--version 1.100.3|stable]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { version: { type: 'string', multiple: true } } });
const versions = values.version ?? ['1.100.3', 'stable'];

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

let failed = false;
for (const version of versions) {
  console.log(`── VS Code ${version}`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'dist', 'test', 'extension', 'index.js'),
      launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (error) {
    console.error(`VS Code ${version}: ${error instanceof Error ? error.message : error}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
