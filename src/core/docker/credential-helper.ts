// Ask a Docker credential helper for a host's credential exactly as the docker CLI does:
// run `docker-credential-<name> get`, write the server address to stdin, read JSON from stdout.
// With a deadline: a helper that waits for a locked keychain must not hang the diagnosis.
// The helper is found on PATH here and run by its absolute path from the home folder: never one
// in the current folder (a cloned repository's), see executable-on-path.ts.
import { spawn } from 'node:child_process';
import { isValidHelperName } from './config';
import { findExecutable, safeSpawnOptions } from './executable-on-path';
import { REDACTED, redact } from '../text/redact';
import { msg, type Message } from '../text/message';

export type HelperResult =
  | { state: 'found'; username: string; secret: string; identityToken: boolean }
  | { state: 'not-found'; message: Message }
  | { state: 'missing-binary'; message: Message }
  | { state: 'failed'; message: Message }
  | { state: 'timeout'; message: Message };

export interface HelperOptions {
  /** PATH to search for the helper (the user's). */
  pathEnv?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

// Docker's helpers print this (credentials.errCredentialsNotFoundMessage) when they hold nothing.
const NOT_FOUND = 'credentials not found in native keychain';
const MAX_OUTPUT = 64 * 1024;

/** Docker's own helpers store identity tokens under this user name. */
export const IDENTITY_TOKEN_USER = '<token>';

export function parseHelperOutput(stdout: string): HelperResult {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { state: 'failed', message: msg('the helper printed something that is not JSON') };
  }
  if (typeof json !== 'object' || json === null) return { state: 'failed', message: msg('the helper printed no credential object') };
  const o = json as Record<string, unknown>;
  const username = typeof o.Username === 'string' ? o.Username : '';
  const secret = typeof o.Secret === 'string' ? o.Secret : '';
  if (!secret) return { state: 'not-found', message: msg('the helper returned an empty secret') };
  return { state: 'found', username, secret, identityToken: username === IDENTITY_TOKEN_USER };
}

/** "is not on PATH": the message of a helper that is not installed (or only in a relative PATH entry). */
export function missingHelperMessage(helper: string): Message {
  return msg('docker-credential-{helper} is not on PATH, but the Docker config names "{helper}" as credential helper; docker login and pull will fail with "executable file not found"', { helper });
}

/**
 * What a failing helper said, safe to show: a helper may print a credential object or a token
 * even when it fails, so JSON objects, secret-like words and long token-like runs are hidden.
 */
export function helperSaid(text: string): string {
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, ' ').replace(/\{[^{}]*\}/g, '{…}').replace(/\s+/g, ' ').trim();
  return redact(flat).replace(/(?=[A-Za-z0-9+/=_.~-]*\d)(?=[A-Za-z0-9+/=_.~-]*[A-Za-z])[A-Za-z0-9+/=_.~-]{20,}/g, REDACTED).slice(0, 200);
}

export async function runCredentialHelper(helper: string, serverAddress: string, opts: HelperOptions = {}): Promise<HelperResult> {
  if (!isValidHelperName(helper)) return { state: 'failed', message: msg('"{helper}" is not a credential helper name', { helper: helper.slice(0, 60) }) };
  const bin = `docker-credential-${helper}`;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (opts.pathEnv !== undefined) env.PATH = opts.pathEnv;
  const file = await findExecutable(bin, { pathEnv: env.PATH ?? env.Path });
  if (!file) return { state: 'missing-binary', message: missingHelperMessage(helper) };
  return new Promise<HelperResult>((resolve) => {
    let settled = false;
    const done = (r: HelperResult) => { if (!settled) { settled = true; clearTimeout(timer); opts.signal?.removeEventListener('abort', onAbort); resolve(r); } };
    let stdout = '';
    let stderr = '';
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, ['get'], { ...safeSpawnOptions(env, file), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      done({ state: 'failed', message: msg('{bin} could not be started: {message}', { bin, message: (e as Error).message }) });
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done({ state: 'timeout', message: msg('{bin} did not answer within {s} s (a locked keychain waiting for a password?)', { bin, s: Math.round(timeoutMs / 1000) }) });
    }, timeoutMs);
    const onAbort = () => { child.kill('SIGKILL'); done({ state: 'timeout', message: msg('{bin} was stopped: the check was cancelled or ran out of time', { bin }) }); };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') done({ state: 'missing-binary', message: missingHelperMessage(helper) });
      else done({ state: 'failed', message: msg('{bin} could not be started ({code})', { bin, code: e.code ?? e.message }) });
    });
    child.stdout?.on('data', (b: Buffer) => { if (stdout.length < MAX_OUTPUT) stdout += b.toString('utf8'); });
    child.stderr?.on('data', (b: Buffer) => { if (stderr.length < MAX_OUTPUT) stderr += b.toString('utf8'); });
    child.on('close', (code) => {
      if (code === 0) { done(parseHelperOutput(stdout)); return; }
      const text = (stdout + ' ' + stderr).trim();
      if (text.includes(NOT_FOUND)) done({ state: 'not-found', message: msg('{bin} holds no credential for {serverAddress}', { bin, serverAddress }) });
      else done({ state: 'failed', message: msg('{bin} get exited with code {code}: {output}', { bin, code: String(code), output: helperSaid(text) || 'no output' }) });
    });
    child.stdin?.on('error', () => { /* the helper exited before reading: reported by 'close' */ });
    child.stdin?.end(serverAddress);
  });
}
