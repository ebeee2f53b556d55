// A child process with its output and wall time, killed with its whole process group at a hard
// limit (az spawns docker and python children). Shared by the fault matrix, az check-health and the bench.
import { spawn } from 'node:child_process';
import { ROOT } from './root';

export interface ProcResult { code: number | null; stdout: string; stderr: string; ms: number }

export function runProc(cmd: string, args: string[], env: NodeJS.ProcessEnv, opts: { input?: string; timeoutMs?: number } = {}): Promise<ProcResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = ''; let stderr = '';
    child.stdout.on('data', (b) => { stdout += b; });
    child.stderr.on('data', (b) => { stderr += b; });
    // Kill the whole group (az spawns docker, python children) at the hard limit.
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, opts.timeoutMs ?? 60_000);
    child.on('error', (e) => { clearTimeout(timer); resolve({ code: 127, stdout, stderr: `${stderr}${e.message}`, ms: performance.now() - t0 }); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr, ms: performance.now() - t0 }); });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}
