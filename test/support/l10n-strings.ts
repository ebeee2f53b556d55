// Reads the UI strings (`l10n.t('…')` / `l10n.t("…")`) of some source folders and files, for the
// tests that check every one has a Dutch translation keeping its placeholders.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.join(__dirname, '..', '..');

function tsFiles(p: string): string[] {
  const abs = path.join(repoRoot, p);
  if (fs.statSync(abs).isFile()) return [abs];
  return fs.readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/** Every string passed literally to `l10n.t` in these paths (relative to the repository). */
export function uiStringsIn(sources: string[]): string[] {
  const out = new Set<string>();
  for (const file of sources.flatMap(tsFiles)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/l10n\.t\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g)) out.add(m[2].replace(/\\(.)/g, '$1'));
  }
  return [...out];
}

/** The `{0}` and `$(icon)` placeholders of a string, sorted. */
export const placeholders = (s: string) => [...s.matchAll(/\{\d+\}|\$\([a-z-]+\)/g)].map((m) => m[0]).sort();
