// A child process the world owns: started with its output in a log file, stopped by its own pid
// (SIGTERM, then SIGKILL after a grace period), never by name.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { recordChild } from './stale';

export interface OwnedProcessOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  logFile: string;
  cwd?: string;
  /** Run as nobody:nogroup (set before the parent-death signal, which a uid change would clear). */
  asNobody?: boolean;
}

export class OwnedProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  constructor(readonly o: OwnedProcessOptions) {}

  get pid(): number | undefined { return this.child?.pid; }
  get running(): boolean { return !!this.child && this.child.exitCode === null && this.child.signalCode === null; }

  start(): void {
    if (this.running) return;
    const fd = fs.openSync(this.o.logFile, 'a');
    // setpriv --pdeathsig: the child gets SIGTERM if the world's process dies without stop().
    const who = this.o.asNobody ? ['--reuid', '65534', '--regid', '65534', '--clear-groups'] : [];
    const child = spawn('setpriv', [...who, '--pdeathsig', 'TERM', '--', this.o.command, ...this.o.args], { env: this.o.env ?? process.env, stdio: ['ignore', fd, fd], cwd: this.o.cwd });
    fs.closeSync(fd);
    if (child.pid) recordChild(child.pid);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.on('error', () => { /* reported through the log / readiness checks */ });
  }

  async stop(graceMs = 8000): Promise<void> {
    const child = this.child;
    if (!child || !this.exited) return;
    if (this.running) {
      child.kill('SIGTERM');
      const t = setTimeout(() => { if (this.running) child.kill('SIGKILL'); }, graceMs);
      await this.exited;
      clearTimeout(t);
    }
    this.child = undefined;
  }

  log(): string {
    try { return fs.readFileSync(this.o.logFile, 'utf8'); } catch { return ''; }
  }
}

export async function waitFor(what: string, probe: () => Promise<boolean> | boolean, timeoutMs: number, diag?: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try { if (await probe()) return; } catch { /* not yet */ }
    if (Date.now() > end) throw new Error(`${what} did not become ready within ${timeoutMs} ms${diag ? `\n${diag().slice(-2000)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
