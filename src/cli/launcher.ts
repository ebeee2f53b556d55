// Entry of the `acr-doctor` bin (bundled to dist/cli.js): runs the CLI proper (dist/cli-main.js,
// src/cli/main.ts) through a V8 code cache, so a run does not compile the 2 MB bundle again.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { compileCacheSetting, runWithCompileCache, type CompileCacheNote } from './compile-cache';
import { localeFromEnv } from './locale';
import { useShortRunFlags } from './short-run-flags';
import { stripControlChars } from '../core/text/control-chars';

// Before the compile: V8 takes a code cache only under the flags it was made with, so mcp (long
// running, default flags) has a cache of its own.
useShortRunFlags(process.argv[2]);
const kind = process.argv[2] === 'diagnose' || process.argv[2] === 'mcp' ? process.argv[2] : 'other';
const setting = compileCacheSetting(process.env);
const outcome = runWithCompileCache(path.join(__dirname, 'cli-main.js'), { dir: setting.dir, kind });
if (process.env.ACR_DOCTOR_TRACE && process.env.ACR_DOCTOR_TRACE !== '0') {
  // The same Dutch bundle as the CLI proper, read from disk: the launcher stays small.
  // dist/cli.js or src/cli/launcher.ts: the bundle is one or two folders up.
  const nl = [path.join(__dirname, '..', 'l10n', 'bundle.l10n.nl.json'), path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.nl.json')].find((f) => existsSync(f));
  if (localeFromEnv(process.env) === 'nl' && nl) l10n.config({ fsPath: nl });
  process.stderr.write(stripControlChars(`[trace] compile cache: ${outcome.cache}${outcome.file ? ` (${outcome.file})` : ''}\n${setting.notes.map((n) => `[trace] compile cache: ${noteText(n)}\n`).join('')}`));
}

function noteText(n: CompileCacheNote): string {
  switch (n) {
    case 'relativeCompileCache': return l10n.t('ACR_DOCTOR_COMPILE_CACHE is not an absolute path: ignored (a relative one would put the cache in the current folder)');
    case 'relativeXdgCache': return l10n.t('XDG_CACHE_HOME is not an absolute path: ignored, ~/.cache is used');
    case 'cacheOffOnWindows': return l10n.t('off on Windows (the owner and mode of its files cannot be checked there)');
  }
}
