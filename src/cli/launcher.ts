// Entry of the `acr-doctor` bin (bundled to dist/cli.js): runs the CLI proper (dist/cli-main.js,
// src/cli/main.ts) through a V8 code cache, so a run does not compile the 2 MB bundle again.
import * as path from 'node:path';
import { compileCacheDir, runWithCompileCache } from './compile-cache';

const kind = process.argv[2] === 'diagnose' ? 'diagnose' : 'other';
const outcome = runWithCompileCache(path.join(__dirname, 'cli-main.js'), { dir: compileCacheDir(process.env), kind });
if (process.env.ACR_DOCTOR_TRACE && process.env.ACR_DOCTOR_TRACE !== '0') process.stderr.write(`[trace] compile cache: ${outcome.cache}${outcome.file ? ` (${outcome.file})` : ''}\n`);
