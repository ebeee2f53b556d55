// Run a client command (docker, curl) as the sandbox's user would, with a hard timeout.
import { spawn } from 'node:child_process';

export interface RunResult { code: number | null; stdout: string; stderr: string; out: string; ms: number }

export const DOCKER = '/usr/bin/docker';

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60000, input?: string): Promise<RunResult> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = ''; let stderr = '';
    child.stdout!.on('data', (d) => { stdout += d; });
    child.stderr!.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr, out: stdout + stderr, ms: Date.now() - t0 }); });
    if (child.stdin) {
      child.stdin.on('error', () => { /* the child may exit without reading its input */ });
      child.stdin.end(input);
    }
  });
}

export function docker(env: NodeJS.ProcessEnv, args: string[], timeoutMs = 60000, input?: string): Promise<RunResult> {
  return run(DOCKER, args, env, timeoutMs, input);
}

export function dockerLogin(env: NodeJS.ProcessEnv, server: string, user: string, password: string, timeoutMs = 60000): Promise<RunResult> {
  return docker(env, ['login', server, '-u', user, '--password-stdin'], timeoutMs, password);
}

export function curl(env: NodeJS.ProcessEnv, args: string[], timeoutMs = 30000): Promise<RunResult> {
  return run('curl', ['-sS', ...args], env, timeoutMs);
}
