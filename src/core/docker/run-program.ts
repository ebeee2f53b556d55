// Run a client program (docker, podman, ctr) the way the user's shell would find it, bounded by a
// deadline and the check's signal, with its output capped: a hanging or chatty program must not
// hang or flood the diagnosis. Spawned by absolute path from the home folder (executable-on-path.ts).
import { spawn } from 'node:child_process';
import { safeSpawnOptions } from './executable-on-path';

export interface ProgramResult {
  /** Exit code; undefined when it did not exit by itself (deadline, signal, could not start). */
  code?: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Why it could not be started (ENOENT, EACCES...). */
  startError?: string;
}

const MAX_OUTPUT = 64 * 1024;

export function runProgram(
  file: string, args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal; input?: string },
): Promise<ProgramResult> {
  const env = opts.env ?? process.env;
  return new Promise<ProgramResult>((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    let child: ReturnType<typeof spawn>;
    const done = (r: Omit<ProgramResult, 'stdout' | 'stderr'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ ...r, stdout, stderr });
    };
    const onAbort = () => { try { child?.kill('SIGKILL'); } catch { /* gone */ } done({ timedOut: true }); };
    const timer = setTimeout(onAbort, opts.timeoutMs);
    try {
      child = spawn(file, [...args], { ...safeSpawnOptions(env, file), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      done({ timedOut: false, startError: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      return;
    }
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    child.on('error', (e: NodeJS.ErrnoException) => done({ timedOut: false, startError: e.code ?? e.message }));
    child.stdout?.on('data', (b: Buffer) => { if (stdout.length < MAX_OUTPUT) stdout += b.toString('utf8'); });
    child.stderr?.on('data', (b: Buffer) => { if (stderr.length < MAX_OUTPUT) stderr += b.toString('utf8'); });
    child.on('close', (code) => done({ code: code ?? undefined, timedOut: false }));
    child.stdin?.on('error', () => { /* exited before reading */ });
    child.stdin?.end(opts.input ?? '');
  });
}
