// A real HTTP CONNECT proxy (Debian tinyproxy) on 192.0.2.50:8888. It runs as `nobody`, which
// lets the proxy-only firewall scenario tell its traffic from everyone else's.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { OwnedProcess, waitFor } from './process';

export class Tinyproxy {
  readonly proc: OwnedProcess;
  constructor(private readonly dir: string, readonly host: string, readonly port: number) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    const conf = path.join(dir, 'tinyproxy.conf');
    fs.writeFileSync(conf, [
      `Port ${port}`, `Listen ${host}`, 'Timeout 60',
      'Allow 192.0.2.0/24', 'ConnectPort 443', 'LogLevel Connect', 'MaxClients 50', '',
    ].join('\n'));
    this.proc = new OwnedProcess({ name: 'tinyproxy', command: 'tinyproxy', args: ['-d', '-c', conf], logFile: path.join(dir, 'tinyproxy.log'), asNobody: true });
  }

  get url(): string { return `http://${this.host}:${this.port}`; }

  async start(): Promise<void> {
    this.proc.start();
    await waitFor('tinyproxy', () => new Promise<boolean>((resolve) => {
      if (!this.proc.running) { resolve(false); return; }
      const s = net.connect(this.port, this.host);
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    }), 10000, () => this.proc.log());
  }

  stop(): Promise<void> { return this.proc.stop(); }
}
