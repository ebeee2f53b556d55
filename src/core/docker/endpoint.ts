// Which Docker daemon the user's docker CLI talks to: DOCKER_HOST when set, else the current
// context of the config (`currentContext` → contexts/meta/<sha256(name)>/meta.json), else the
// default socket. Resolved here so dockerode never falls back to this process's own DOCKER_HOST.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Docker from 'dockerode';

export interface DockerEndpoint {
  /** As the user would write it: unix:///var/run/docker.sock, tcp://host:2376, ssh://u@h. */
  host: string;
  /** Where it came from, for the finding. */
  source: 'DOCKER_HOST' | 'context' | 'default';
  context?: string;
  /** TLS material directory of the context, when it has one. */
  tlsDir?: string;
  skipTlsVerify?: boolean;
}

export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/** Resolve the endpoint. Problems with a context become `problem`, never an exception. */
export async function resolveDockerEndpoint(
  dockerHost: string | undefined,
  configDir: string,
  currentContext: string | undefined,
): Promise<{ endpoint: DockerEndpoint; problem?: string }> {
  if (dockerHost && dockerHost.trim()) return { endpoint: { host: dockerHost.trim(), source: 'DOCKER_HOST' } };
  if (currentContext && currentContext !== 'default') {
    const dir = contextDirName(currentContext);
    const meta = path.join(configDir, 'contexts', 'meta', dir, 'meta.json');
    try {
      const json = JSON.parse(await fs.readFile(meta, 'utf8')) as { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } };
      const host = json?.Endpoints?.docker?.Host;
      if (typeof host !== 'string' || !host) {
        return { endpoint: { host: DEFAULT_DOCKER_HOST, source: 'default' }, problem: `Docker context "${currentContext}" has no docker endpoint in ${meta}.` };
      }
      const tlsDir = path.join(configDir, 'contexts', 'tls', dir, 'docker');
      const hasTls = await fs.stat(tlsDir).then((s) => s.isDirectory(), () => false);
      return {
        endpoint: { host, source: 'context', context: currentContext, tlsDir: hasTls ? tlsDir : undefined, skipTlsVerify: json.Endpoints?.docker?.SkipTLSVerify === true },
      };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'does not exist' : code ? `cannot be read (${code})` : 'is not valid JSON';
      return {
        endpoint: { host: DEFAULT_DOCKER_HOST, source: 'default' },
        problem: `The config selects Docker context "${currentContext}", but its metadata ${meta} ${why}; docker will fail with "context not found". Run docker context use default.`,
      };
    }
  }
  return { endpoint: { host: DEFAULT_DOCKER_HOST, source: 'default' } };
}

/** Build a dockerode client for exactly this endpoint (every modem option set explicitly). */
export async function dockerClient(endpoint: DockerEndpoint): Promise<Docker> {
  const h = endpoint.host;
  // Explicit undefineds override docker-modem's defaults, which read this process's DOCKER_HOST.
  const base = { host: undefined, port: undefined, protocol: undefined, socketPath: undefined } as Record<string, unknown>;
  if (h.startsWith('unix://')) return new Docker({ ...base, socketPath: h.slice('unix://'.length) || '/var/run/docker.sock' });
  if (h.startsWith('npipe://')) return new Docker({ ...base, socketPath: h.slice('npipe://'.length) || '//./pipe/docker_engine' });
  const url = new URL(h.includes('://') ? h : `tcp://${h}`);
  if (url.protocol === 'ssh:') {
    return new Docker({ ...base, protocol: 'ssh', host: url.hostname, port: url.port || 22, username: url.username || undefined });
  }
  let tls: Record<string, unknown> = {};
  if (endpoint.tlsDir) {
    const read = (f: string) => fs.readFile(path.join(endpoint.tlsDir!, f)).catch(() => undefined);
    const [ca, cert, key] = await Promise.all([read('ca.pem'), read('cert.pem'), read('key.pem')]);
    tls = { ca, cert, key };
  }
  const https = !!endpoint.tlsDir || url.port === '2376';
  return new Docker({ ...base, ...tls, protocol: https ? 'https' : 'http', host: url.hostname, port: url.port || (https ? 2376 : 2375) });
}
