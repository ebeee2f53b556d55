// The CLI proper (bundled to dist/cli-main.js; the bin, dist/cli.js, runs it through a code cache: launcher.ts).
import './threadpool';
import * as path from 'node:path';
import { runCli } from './run';
import { localeFromEnv } from './locale';
import pkg from '../../package.json';
import { stripControlChars } from '../core/text/control-chars';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    size += (c as Buffer).length;
    if (size > 1024 * 1024) break; // a pasted error, not a file
  }
  return Buffer.concat(chunks).toString('utf8');
}

const ac = new AbortController();
process.once('SIGINT', () => ac.abort());

/** `acr-doctor mcp`: stdin and stdout carry the protocol, so each diagnosis runs with its output captured. */
function mcp(): Promise<number> {
  // Its own bundle next to this one (the MCP SDK is not loaded by any other command).
  const { serveMcp } = require(path.join(__dirname, 'cli-mcp.js')) as typeof import('./mcp');
  return serveMcp({
    locale: localeFromEnv(process.env), version: pkg.version,
    async runCli(argv, onEngineEvent) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, {
        env: process.env, stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; },
        readStdin: async () => '', stdinIsTty: false, colour: false, signal: ac.signal, nodeTrustsExtraCa: true, onEngineEvent,
      });
      return { code, stdout, stderr };
    },
  });
}

const argv = process.argv.slice(2);
// A reader that stops early (acr-doctor explain … | head) closes the pipe: stop quietly, as other CLIs do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });
}
(argv[0] === 'mcp' && argv.length === 1 ? mcp() : runCli(argv, {
  env: process.env,
  stdout: (s) => { process.stdout.write(s); },
  stderr: (s) => { process.stderr.write(s); },
  readStdin,
  stdinIsTty: !!process.stdin.isTTY,
  colour: !!process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
  signal: ac.signal,
  nodeTrustsExtraCa: true,
})).then((code) => {
  process.exitCode = code;
  // Probe sockets are closed; do not let a stray timer of a library keep the process up.
  setTimeout(() => process.exit(code), 200).unref();
}, (e) => {
  process.stderr.write(`acr-doctor: internal error: ${stripControlChars(String(e))}\n`);
  process.exit(2);
});
