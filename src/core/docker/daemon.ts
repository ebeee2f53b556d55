// Talk to the Docker Engine API (dockerode): is it there, how old is it, which proxy does it use.
// The daemon does the pulling, so its proxy — not the shell's HTTPS_PROXY — decides what a
// `docker pull` goes through.
import type Docker from 'dockerode';
import { dockerClient, resolveDockerEndpoint, type DockerEndpoint } from './endpoint';
import { readDockerConfig } from './config';
import { msg, renderMessage, verbatim, type Message } from '../text/message';

/** The seed's minimum: Docker 18.03, whose Engine API is 1.37. */
export const MIN_DOCKER_VERSION = '18.03';
export const MIN_API_VERSION = '1.37';

export interface DaemonVersion {
  version: string;
  apiVersion: string;
  os?: string;
  arch?: string;
}

export interface DaemonProxy {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

export type DaemonFailureKind = 'no-socket' | 'permission' | 'refused' | 'timeout' | 'bad-host' | 'other';

export class DaemonError extends Error {
  /** The message as words to localise. */
  readonly text: Message;
  constructor(readonly kind: DaemonFailureKind, message: string | Message, readonly code?: string) {
    super(typeof message === 'string' ? message : renderMessage(message));
    this.text = typeof message === 'string' ? verbatim(message) : message;
    this.name = 'DaemonError';
  }
}

/** Compare dotted versions numerically ("20.10.24" vs "18.03"); non-numeric parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => parseInt(x, 10));
  const pb = b.split(/[.+-]/).map((x) => parseInt(x, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length, 2); i++) {
    const x = Number.isFinite(pa[i]) ? pa[i] : 0;
    const y = Number.isFinite(pb[i]) ? pb[i] : 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** True when the daemon meets the seed's minimum (either its release or its API version). */
export function isVersionSupported(v: DaemonVersion): boolean {
  const apiOk = /^\d+\.\d+/.test(v.apiVersion) && compareVersions(v.apiVersion, MIN_API_VERSION) >= 0;
  const relOk = /^\d+\.\d+/.test(v.version) && compareVersions(v.version, MIN_DOCKER_VERSION) >= 0;
  return apiOk || relOk;
}

/** Map a dockerode / socket error to what the user should hear (the CLI's own wording). */
export function classifyDaemonError(err: unknown, endpoint: DockerEndpoint, signal?: AbortSignal): DaemonError {
  const e = err as NodeJS.ErrnoException & { statusCode?: number };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const at = endpoint.host;
  if (signal?.aborted || e?.name === 'AbortError' || code === 'ABORT_ERR') {
    return new DaemonError('timeout', `The Docker daemon at ${at} did not answer before the deadline.`, code);
  }
  if (code === 'ENOENT') return new DaemonError('no-socket', msg('Cannot connect to the Docker daemon at {at}. Is the docker daemon running? (the socket does not exist)', { at }), code);
  if (code === 'EACCES' || code === 'EPERM') {
    return new DaemonError('permission', `Permission denied while trying to connect to the Docker daemon socket at ${at}: add your user to the "docker" group or use sudo.`, code);
  }
  if (code === 'ECONNREFUSED') return new DaemonError('refused', `Cannot connect to the Docker daemon at ${at}. Is the docker daemon running? (connection refused)`, code);
  if (code === 'ETIMEDOUT') return new DaemonError('timeout', `The Docker daemon at ${at} did not answer (timed out).`, code);
  if (e instanceof TypeError || /Invalid URL/i.test(String(e?.message))) return new DaemonError('bad-host', `The Docker host "${at}" is not a valid address (DOCKER_HOST should look like unix:///var/run/docker.sock or tcp://host:2376).`);
  const said = String(e?.message ?? err).replace(/\s+/g, ' ').slice(0, 300);
  return new DaemonError('other', `The Docker daemon at ${at} failed: ${said}`, code);
}

// dockerode 5 takes `abortSignal` in these calls; @types/dockerode has not caught up.
interface ApiWithSignal {
  ping(o: { abortSignal: AbortSignal }): Promise<unknown>;
  version(o: { abortSignal: AbortSignal }): Promise<unknown>;
  info(o: { abortSignal: AbortSignal }): Promise<unknown>;
}

export interface DaemonSession {
  endpoint: DockerEndpoint;
  docker: Docker;
  /** A problem resolving the context (the default socket was used instead). */
  endpointProblem?: string;
}

/** Resolve the endpoint (DOCKER_HOST, context, default) and make a client. */
export async function openDaemon(dockerHost: string | undefined, configDir: string): Promise<DaemonSession> {
  const cfg = dockerHost ? undefined : await readDockerConfig(configDir);
  const { endpoint, problem } = await resolveDockerEndpoint(dockerHost, configDir, cfg?.currentContext);
  try {
    return { endpoint, docker: await dockerClient(endpoint), endpointProblem: problem };
  } catch (e) {
    throw classifyDaemonError(e, endpoint);
  }
}

export async function pingDaemon(s: DaemonSession, signal: AbortSignal): Promise<void> {
  try {
    await (s.docker as unknown as ApiWithSignal).ping({ abortSignal: signal });
  } catch (e) {
    throw classifyDaemonError(e, s.endpoint, signal);
  }
}

export async function daemonVersion(s: DaemonSession, signal: AbortSignal): Promise<DaemonVersion> {
  try {
    const v = (await (s.docker as unknown as ApiWithSignal).version({ abortSignal: signal })) as Record<string, unknown>;
    return {
      version: typeof v.Version === 'string' ? v.Version : '',
      apiVersion: typeof v.ApiVersion === 'string' ? v.ApiVersion : '',
      os: typeof v.Os === 'string' ? v.Os : undefined,
      arch: typeof v.Arch === 'string' ? v.Arch : undefined,
    };
  } catch (e) {
    throw classifyDaemonError(e, s.endpoint, signal);
  }
}

/** The daemon's own proxy (Engine API `/info`: HttpProxy, HttpsProxy, NoProxy). */
export function proxyFromInfo(info: unknown): DaemonProxy {
  const o = (typeof info === 'object' && info !== null ? info : {}) as Record<string, unknown>;
  const s = (k: string) => (typeof o[k] === 'string' && (o[k]).trim() ? (o[k]).trim() : undefined);
  return { httpProxy: s('HttpProxy'), httpsProxy: s('HttpsProxy'), noProxy: s('NoProxy') };
}

export async function daemonInfo(s: DaemonSession, signal: AbortSignal): Promise<Record<string, unknown>> {
  try {
    return (await (s.docker as unknown as ApiWithSignal).info({ abortSignal: signal })) as Record<string, unknown>;
  } catch (e) {
    throw classifyDaemonError(e, s.endpoint, signal);
  }
}

/** A run's shared-work key for the daemon's /info: the same DOCKER_HOST and config dir reach the same daemon. */
export function daemonInfoKey(dockerHost: string | undefined, configDir: string): string {
  return `docker-info ${dockerHost ?? ''} ${configDir}`;
}

