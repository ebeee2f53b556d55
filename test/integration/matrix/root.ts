// The repository root of this checkout, for the matrix's child processes and artifacts.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (also when loaded through tsx's ESM loader, where __dirname is not this file's). */
export function repoRoot(): string {
  for (const start of [typeof __dirname === 'string' ? __dirname : '', process.cwd()]) {
    let d = path.resolve(start || '.');
    for (;;) {
      try { if (JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')).name === 'acr-doctor') return d; } catch { /* not here */ }
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
  }
  return process.cwd();
}

export const ROOT = repoRoot();
