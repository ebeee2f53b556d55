// Per-level test counts, written to artifacts/results/<level>.json and read by scripts/test-all.mjs.
// The mocha reporter (scripts/mocha-counts-reporter.cjs) writes the same shape.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resultsDir } from './paths';

export interface LevelResult {
  level: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Why the level failed without (or besides) failing tests. */
  reason?: string;
}

/** Prefix of every line mocha prints inside the extension host. */
export const MOCHA_MARKER = '[mocha] ';

/** The line the extension-host test index logs so the runner can relay counts out of the host. */
export const RESULT_MARKER = 'ACR_DOCTOR_RESULT ';

export function writeResult(result: LevelResult): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `${result.level}.json`), JSON.stringify(result, null, 2) + '\n');
}

export function parseResultLine(line: string): LevelResult | undefined {
  const at = line.indexOf(RESULT_MARKER);
  if (at < 0) return undefined;
  try {
    const value = JSON.parse(line.slice(at + RESULT_MARKER.length).trim()) as Partial<LevelResult>;
    if (typeof value.level === 'string' && [value.passed, value.failed, value.skipped].every((n) => Number.isInteger(n))) {
      return value as LevelResult;
    }
  } catch {
    // Not our line after all.
  }
  return undefined;
}
