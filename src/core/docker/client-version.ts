// The docker CLI's own version (`docker --version`, which asks no daemon), the client half of the
// seed's "Docker client version 18.03 or later"; the Engine's half is daemon.ts. A `docker` that is
// podman's emulation (podman-docker) says so here.
import { compareVersions, MIN_DOCKER_VERSION } from './daemon';
import { runProgram } from './run-program';

export interface ClientVersion {
  /** What answered: Docker's CLI, or podman behind a `docker` name. */
  product: 'docker' | 'podman';
  version: string;
  build?: string;
}

export type ClientVersionResult =
  | ({ state: 'ok' } & ClientVersion)
  | { state: 'failed'; message: string };

/** "Docker version 20.10.24+dfsg1, build 297e128" / "podman version 4.3.1"; undefined for anything else. */
export function parseClientVersion(text: string): ClientVersion | undefined {
  const line = text.replace(/\r/g, '').split('\n').map((l) => l.trim()).find((l) => /version\s+\d/i.test(l));
  if (!line) return undefined;
  const m = /^(docker|podman)(?:\s+engine)?\s+version\s+v?(\d+\.\d+(?:\.\d+)?[0-9A-Za-z.+~-]{0,40})(?:,\s*build\s+([0-9A-Za-z._-]{1,40}))?/i.exec(line);
  if (!m) return undefined;
  return { product: m[1].toLowerCase() as ClientVersion['product'], version: m[2], ...(m[3] ? { build: m[3] } : {}) };
}

/** A docker CLI at least 18.03 (a podman emulation is judged by podman's own versions, not Docker's). */
export function isClientVersionSupported(v: ClientVersion): boolean {
  return v.product !== 'docker' || compareVersions(v.version, MIN_DOCKER_VERSION) >= 0;
}

export async function dockerClientVersion(
  file: string, opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ClientVersionResult> {
  const r = await runProgram(file, ['--version'], { env: opts.env, timeoutMs: opts.timeoutMs ?? 3000, signal: opts.signal });
  if (r.startError) return { state: 'failed', message: `${file} could not be started (${r.startError})` };
  if (r.timedOut) return { state: 'failed', message: `${file} --version did not answer in time` };
  const v = parseClientVersion(r.stdout) ?? parseClientVersion(r.stderr);
  if (!v) {
    const said = (r.stdout + ' ' + r.stderr).replace(/[\x00-\x1f\x7f]+/g, ' ').trim().slice(0, 120);
    return { state: 'failed', message: `${file} --version printed no version (exit code ${r.code ?? '?'}${said ? `: ${said}` : ''})` };
  }
  return { state: 'ok', ...v };
}
