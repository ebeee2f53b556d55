// A fake Docker Engine on a unix socket in a temporary folder: the real dockerode client talks
// to it as to a daemon (ping, version, info, image pull), so the daemon checks run without Docker.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeDaemonAnswers {
  version?: Record<string, unknown>;
  info?: Record<string, unknown>;
  /** The progress lines of POST /images/create (a pull), or a status and message for a refused pull. */
  pull?: Record<string, unknown>[] | { status: number; message: string };
}

export interface FakeDaemon {
  dockerHost: string;
  answers: FakeDaemonAnswers;
  /** The paths the client asked for, in order (without the API version prefix). */
  asked: string[];
  close(): Promise<void>;
}

export async function startFakeDaemon(answers: FakeDaemonAnswers = {}): Promise<FakeDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'acrdoc-daemon-'));
  const socket = join(dir, 'docker.sock');
  const asked: string[] = [];
  const daemon: FakeDaemon = {
    dockerHost: `unix://${socket}`, answers, asked,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => { rmSync(dir, { recursive: true, force: true }); r(); }); }),
  };
  const json = (res: ServerResponse, status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').replace(/^\/v[0-9.]+/, '').split('?')[0];
    asked.push(path);
    req.resume();
    const a = daemon.answers;
    if (path === '/_ping') { res.writeHead(200, { 'content-type': 'text/plain', 'api-version': '1.45' }); res.end('OK'); return; }
    if (path === '/version') { json(res, 200, a.version ?? { Version: '27.1.0', ApiVersion: '1.46', Os: 'linux', Arch: 'amd64' }); return; }
    if (path === '/info') { json(res, 200, a.info ?? {}); return; }
    if (path === '/images/create') {
      const pull = a.pull ?? [{ status: 'Pulling fs layer', id: 'l1' }, { status: 'Pull complete', id: 'l1' }];
      if (!Array.isArray(pull)) { json(res, pull.status, { message: pull.message }); return; }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(pull.map((l) => `${JSON.stringify(l)}\r\n`).join(''));
      return;
    }
    json(res, 404, { message: `page not found: ${path}` });
  });
  await new Promise<void>((r) => server.listen(socket, r));
  return daemon;
}
