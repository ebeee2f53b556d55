// Runs test/extension (bundled to dist/test/extension by scripts/build.mjs) inside a real VS Code
// extension host: code-server 1.100.3, opened by Chromium with the extension-tests payload
// (test-infra.md; the code-server + Chromium part is extension-host.ts). The extension host gets the
// sandbox world's client environment.
//   node --import tsx test/harness/run-extension-tests.ts [--scenario healthy] [--no-world]
// Run inside the namespace (scripts/test-all.mjs does: node scripts/sandbox.mjs exec -- …).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { World } from '../../sandbox/types';
import { runInExtensionHost } from './extension-host';
import { logsDir, repoRoot, resultsDir } from './paths';
import { MOCHA_MARKER, parseResultLine, writeResult, type LevelResult } from './results';
import { startSandboxWorld } from './world';

const TIMEOUT_MS = 10 * 60_000;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'healthy' }, 'no-world': { type: 'boolean', default: false } } });
  const testsPath = path.join(repoRoot, 'dist', 'test', 'extension');
  if (!fs.existsSync(path.join(testsPath, 'index.js'))) throw new Error(`${testsPath}/index.js is missing: run node scripts/build.mjs`);
  fs.rmSync(path.join(resultsDir, 'extension.json'), { force: true });

  let world: World | undefined;
  const hostLog: string[] = [];
  try {
    if (!values['no-world']) world = await startSandboxWorld(values.scenario);
    let relayed: LevelResult | undefined;
    const code = await runInExtensionHost({
      testsPath,
      env: { ...world?.clientEnv(), ACR_DOCTOR_TEST_GREP: process.env.ACR_DOCTOR_TEST_GREP },
      logName: 'code-server-extension-tests',
      timeoutMs: TIMEOUT_MS,
      onLine: (line) => {
        hostLog.push(line);
        relayed = parseResultLine(line) ?? relayed;
        const at = line.indexOf(MOCHA_MARKER);
        if (at >= 0) console.log(`  ${line.slice(at + MOCHA_MARKER.length)}`);
        else if (process.env.ACR_DOCTOR_VERBOSE) console.log(`  [host] ${line}`);
      },
    });
    const result = relayed ?? readFileResult();
    if (!result) {
      writeResult({ level: 'extension', passed: 0, failed: 1, skipped: 0, reason: `the extension host exited with ${code} without reporting counts (see artifacts/logs)` });
      return 1;
    }
    if (code !== 0 && result.failed === 0) result.reason = `the extension host exited with ${code}`;
    writeResult({ ...result, failed: result.failed + (code !== 0 && result.failed === 0 ? 1 : 0) });
    return code === 0 && result.failed === 0 ? 0 : 1;
  } finally {
    fs.mkdirSync(logsDir, { recursive: true });
    fs.writeFileSync(path.join(logsDir, 'extension-host-tests.log'), hostLog.join('\n') + '\n');
    await world?.stop().catch((e) => console.error(`cleanup: ${e}`));
  }
}

function readFileResult(): LevelResult | undefined {
  try { return JSON.parse(fs.readFileSync(path.join(resultsDir, 'extension.json'), 'utf8')) as LevelResult; } catch { return undefined; }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`extension tests could not run: ${reason}`);
    writeResult({ level: 'extension', passed: 0, failed: 1, skipped: 0, reason });
    process.exit(1);
  },
);
