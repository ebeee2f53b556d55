// Entry point VS Code calls inside the extension host (`extensionTestsPath`): runs every
// `*.test.js` bundled beside this file with mocha and relays the counts out of the host as one
// log line (RESULT_MARKER), which the runner (test/harness/run-extension-tests.ts) reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { MOCHA_MARKER, RESULT_MARKER, writeResult, type LevelResult } from '../harness/results';

export async function run(): Promise<void> {
  // One formatted string per line (the host forwards console arguments unformatted), each marked
  // so the runner can show mocha's output apart from the workbench's own logging.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) =>
    console.log(format(...args).split('\n').map((line) => MOCHA_MARKER + line).join('\n'));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.ACR_DOCTOR_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  const result = await new Promise<LevelResult>((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const stats = runner.stats ?? { passes: 0, failures: 1, pending: 0 };
        resolve({ level: 'extension', passed: stats.passes, failed: stats.failures, skipped: stats.pending });
      });
    } catch (error) {
      reject(error);
    }
  });
  console.log(RESULT_MARKER + JSON.stringify(result));
  // The host is a node process on the same machine: the file is a second way out.
  writeResult(result);
  if (result.failed > 0) throw new Error(`${result.failed} extension test(s) failed`);
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}
