// Starts code-server 4.100.3 (VS Code 1.100.3, installed by scripts/setup.sh) with throw-away user
// data and extensions dirs; recipe in ../shared/reference/test-infra.md. Listens on a loopback
// port, or on a unix socket (`npm start` forwards a host port to it across the namespace).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerEntry, logsDir } from './paths';

export interface CodeServerOptions {
  /** Folder the workbench opens. */
  folder: string;
  /** Environment of code-server and so of the extension host (e.g. the sandbox's clientEnv()). */
  env?: NodeJS.ProcessEnv;
  /** .vsix files or extension ids to install into the fresh extensions dir before start. */
  install?: string[];
  /** Listen on this unix socket instead of a loopback port. */
  socket?: string;
  /** Settings written to the user settings.json. */
  settings?: Record<string, unknown>;
  /** Name for the log file in artifacts/logs. */
  logName?: string;
  /** More code-server arguments (e.g. ['--locale', 'nl']). */
  args?: string[];
}

export interface CodeServer {
  /** http://127.0.0.1:PORT (or http://localhost for a socket: whoever forwards picks the port). */
  readonly url: string;
  readonly port?: number;
  /** code-server's process id; its extension host and pty host share its process group. */
  readonly pid?: number;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

export function codeServerInstalled(): boolean {
  return fs.existsSync(codeServerEntry);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!codeServerInstalled()) throw new Error(`code-server is not installed at ${codeServerEntry}: run npm run setup`);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'acr-doctor-code-server-'));
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'telemetry.telemetryLevel': 'off',
      ...options.settings,
    }, null, 2),
  );
  const env = { ...process.env, ...options.env };
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const extension of options.install ?? []) {
    const r = spawnSync(process.execPath, [codeServerEntry, ...common, '--install-extension', extension], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`code-server could not install ${extension}: ${r.stderr || r.stdout}`);
  }

  const port = options.socket ? undefined : await freePort();
  const listen = options.socket ? ['--socket', options.socket] : ['--bind-addr', `127.0.0.1:${port}`];
  fs.mkdirSync(logsDir, { recursive: true });
  const logFile = path.join(logsDir, `${options.logName ?? 'code-server'}.log`);
  const log = fs.openSync(logFile, 'w');
  // Own process group (to end it with its extension host), and setpriv --pdeathsig so it ends
  // even when the harness is killed hard.
  const child = spawn(
    'setpriv',
    ['--pdeathsig', 'TERM', '--', process.execPath, codeServerEntry, '--auth', 'none', ...listen, '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...common,
      ...(options.args ?? []), options.folder],
    { env, stdio: ['ignore', log, log], detached: true },
  );
  fs.closeSync(log);
  const killOnExit = () => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } };
  process.once('exit', killOnExit);

  const url = options.socket ? 'http://localhost' : `http://127.0.0.1:${port}`;
  try {
    await waitUntilListening(child, logFile, options.socket ?? port!);
  } catch (error) {
    await kill(child);
    throw error;
  }
  return {
    url, port, pid: child.pid, userDataDir, extensionsDir, logFile,
    async stop() {
      process.off('exit', killOnExit);
      await kill(child);
      // The workbench's and extension hosts' logs (ACR Doctor's output channel among them) outlive the run.
      try { fs.cpSync(path.join(userDataDir, 'logs'), path.join(logsDir, `${options.logName ?? 'code-server'}-logs`), { recursive: true }); } catch { /* none written */ }
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

async function waitUntilListening(child: ChildProcess, logFile: string, where: string | number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${tail(logFile)}`);
    if (await canConnect(where)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not listen within 60 s:\n${tail(logFile)}`);
}

function canConnect(where: string | number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = typeof where === 'number' ? net.connect(where, '127.0.0.1') : net.connect(where);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** Ends code-server and its children (extension host, pty host): they share its process group. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
  await exited;
  clearTimeout(timer);
}

function tail(file: string): string {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-30).join('\n'); } catch { return ''; }
}
