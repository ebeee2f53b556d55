// A real containerd (Debian's) for ctr, with its own root, state and socket in the world's folder
// and the CRI plugin off (the kubelet is not here): what `ctr images pull` talks to. ctr resolves,
// authenticates and fetches in its own process, so the namespace's names and the client's proxy
// apply to it; containerd stores the content.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { OwnedProcess, waitFor } from './process';

export class Containerd {
  private proc?: OwnedProcess;
  private envKey = '{}';
  readonly socketPath: string;
  /** The CRI registry's config_path: <registry>/hosts.toml files (ctr reads them with --hosts-dir). */
  readonly hostsDir: string;

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.socketPath = path.join(dir, 'containerd.sock');
    this.hostsDir = path.join(dir, 'certs.d');
  }

  /** The scenario's hosts.toml files, registry -> text; the folder is emptied first. */
  writeHosts(files: Record<string, string>): void {
    fs.rmSync(this.hostsDir, { recursive: true, force: true });
    fs.mkdirSync(this.hostsDir, { recursive: true });
    for (const [registry, text] of Object.entries(files)) {
      fs.mkdirSync(path.join(this.hostsDir, registry), { recursive: true });
      fs.writeFileSync(path.join(this.hostsDir, registry, 'hosts.toml'), text);
    }
  }

  get running(): boolean { return !!this.proc?.running; }
  get pid(): number | undefined { return this.proc?.pid; }
  log(): string { return this.proc?.log() ?? ''; }

  /** Starts containerd with `env` added to its environment; a running one with other variables is restarted. */
  async start(env: Record<string, string> = {}): Promise<void> {
    const key = JSON.stringify(env);
    if (this.running && this.envKey === key) return;
    if (this.running) await this.stop();
    this.envKey = key;
    const d = this.dir;
    const conf = path.join(d, 'config.toml');
    fs.writeFileSync(conf, [
      'version = 2', `root = "${d}/root"`, `state = "${d}/state"`,
      'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
      // As a kubelet node has it; the CRI plugin is off here, ctr reads the same folder with --hosts-dir.
      '[plugins."io.containerd.grpc.v1.cri".registry]', `  config_path = "${this.hostsDir}"`,
      '[grpc]', `  address = "${this.socketPath}"`, '[ttrpc]', `  address = "${this.socketPath}.ttrpc"`,
      '[debug]', '  level = "warn"', '',
    ].join('\n'));
    try { fs.rmSync(this.socketPath, { force: true }); } catch { /* stale */ }
    this.proc = new OwnedProcess({ name: 'containerd', command: 'containerd', args: ['--config', conf], logFile: path.join(d, 'containerd.log'), env: { ...process.env, ...env } });
    this.proc.start();
    await waitFor('containerd', () => new Promise<boolean>((resolve) => {
      if (!this.proc?.running) { resolve(false); return; }
      const s = net.connect(this.socketPath);
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    }), 20000, () => this.log());
  }

  async stop(): Promise<void> {
    await this.proc?.stop(8000);
    this.proc = undefined;
  }
}
