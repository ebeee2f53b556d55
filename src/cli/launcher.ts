// Entry of the `acr-doctor` bin (bundled to dist/cli.js): runs the CLI proper (dist/cli-main.js,
// src/cli/main.ts) through a V8 code cache, so a run does not compile the 2 MB bundle again.
import * as path from 'node:path';
import { compileCacheSetting, runWithCompileCache } from './compile-cache';
import { localeFromEnv, t } from './strings';
import { stripControlChars } from '../core/text/control-chars';

const kind = process.argv[2] === 'diagnose' ? 'diagnose' : 'other';
const setting = compileCacheSetting(process.env);
const outcome = runWithCompileCache(path.join(__dirname, 'cli-main.js'), { dir: setting.dir, kind });
if (process.env.ACR_DOCTOR_TRACE && process.env.ACR_DOCTOR_TRACE !== '0') {
  const locale = localeFromEnv(process.env);
  process.stderr.write(stripControlChars(`[trace] compile cache: ${outcome.cache}${outcome.file ? ` (${outcome.file})` : ''}\n${setting.notes.map((n) => `[trace] compile cache: ${t(locale, n)}\n`).join('')}`));
}
