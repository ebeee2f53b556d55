// The CLI proper (bundled to dist/cli-main.js; the bin, dist/cli.js, runs it through a code cache: launcher.ts).
import './threadpool';
import { runCli } from './run';

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

runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (s) => { process.stdout.write(s); },
  stderr: (s) => { process.stderr.write(s); },
  readStdin,
  stdinIsTty: !!process.stdin.isTTY,
  colour: !!process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb',
  signal: ac.signal,
  nodeTrustsExtraCa: true,
}).then((code) => {
  process.exitCode = code;
  // Probe sockets are closed; do not let a stray timer of a library keep the process up.
  setTimeout(() => process.exit(code), 200).unref();
}, (e) => {
  process.stderr.write(`acr-doctor: internal error: ${e}\n`);
  process.exit(2);
});
