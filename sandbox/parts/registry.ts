// A real CNCF distribution registry (Debian `docker-registry` 2.8) on 127.0.0.1, token auth,
// reachable only through the front. `http.host` names the public login server so upload
// Location headers are right.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { OwnedProcess, waitFor } from './process';

export interface RegistryOptions {
  dir: string; port: number; loginServer: string;
  /** Token auth with this root cert bundle; without it the registry is anonymous (like mcr.microsoft.com). */
  rootCertFile?: string;
}

export class RealRegistry {
  readonly proc: OwnedProcess;
  constructor(private readonly o: RegistryOptions) {
    fs.mkdirSync(path.join(o.dir, 'data'), { recursive: true });
    const cfg = [
      'version: 0.1',
      'log:',
      '  level: warn',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(o.dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      '  redirect:',
      '    disable: true',
      'http:',
      `  addr: 127.0.0.1:${o.port}`,
      `  host: https://${o.loginServer}`,
      `  secret: ${Math.random().toString(36).slice(2)}`,
      ...(o.rootCertFile ? [
        'auth:',
        '  token:',
        `    realm: https://${o.loginServer}/oauth2/token`,
        `    service: ${o.loginServer}`,
        `    issuer: ${o.loginServer}`,
        `    rootcertbundle: ${o.rootCertFile}`,
      ] : []),
      '',
    ].join('\n');
    fs.writeFileSync(path.join(o.dir, 'config.yml'), cfg);
    this.proc = new OwnedProcess({
      name: `docker-registry ${o.loginServer}`, command: 'docker-registry', args: ['serve', path.join(o.dir, 'config.yml')],
      logFile: path.join(o.dir, 'registry.log'),
    });
  }

  get port(): number { return this.o.port; }
  get storageDir(): string { return path.join(this.o.dir, 'data'); }

  async start(): Promise<void> {
    this.proc.start();
    await waitFor(`docker-registry for ${this.o.loginServer}`, () => new Promise<boolean>((resolve) => {
      const s = net.connect(this.o.port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    }), 10000, () => this.proc.log());
  }

  stop(): Promise<void> { return this.proc.stop(); }
}
