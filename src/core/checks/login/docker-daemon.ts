// DOCKER_DAEMON_ERROR / DOCKER_VERSION_ERROR: the Engine API answers (socket, DOCKER_HOST or the
// config's context), and it is at least Docker 18.03 (API 1.37). The version check also reads
// `/info` so the daemon's own proxy is known (data for the network checks' proxy comparison).
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import type { DockerEndpoint } from '../../docker/endpoint';
import { usesDocker } from '../../docker/client-tool';
import { inCloudShell, isNonDefaultSocket, rootlessSocket } from '../../docker/client-host';
import { sharedWork } from '../../engine/context';
import {
  daemonInfo, daemonInfoKey, daemonVersion, isVersionSupported, openDaemon, pingDaemon, proxyFromInfo,
  DaemonError, MIN_DOCKER_VERSION, MIN_API_VERSION, type DaemonProxy, type DaemonSession, type DaemonVersion,
} from '../../docker/daemon';
import { LOGIN } from './check-ids';
import { msg, prose } from '../../text/message';

export const dockerDaemonCheck: Check = {
  id: LOGIN.dockerDaemon,
  area: 'login',
  title: 'Docker daemon reachable',
  needs: [],
  timeoutMs: 4000,
  applies: (_t, env) => usesDocker(env),
  async run(ctx) {
    let s: DaemonSession | undefined;
    try {
      s = await openDaemon(ctx.env.dockerHost, ctx.env.dockerConfigDir);
      await pingDaemon(s, ctx.signal);
    } catch (e) {
      const err = e instanceof DaemonError ? e : new DaemonError('other', String((e as Error)?.message ?? e));
      return daemonFailure(ctx, err, s?.endpoint);
    }
    const rootless = isNonDefaultSocket(s.endpoint.host) && !!ctx.env.clientHost?.xdgRuntimeDir && s.endpoint.host === `unix://${ctx.env.clientHost.xdgRuntimeDir.replace(/\/$/, '')}/docker.sock`;
    return {
      status: s.endpointProblem ? 'warn' : 'pass',
      causeId: s.endpointProblem ? 'docker.daemon-unreachable' : undefined,
      message: s.endpointProblem ? prose(s.endpointProblem) : s.endpoint.context ? msg('The Docker daemon answers at {host} ({source} "{context}").', { host: s.endpoint.host, source: s.endpoint.source, context: s.endpoint.context }) : msg('The Docker daemon answers at {host} ({source}).', { host: s.endpoint.host, source: s.endpoint.source }),
      evidence: { dockerHost: s.endpoint.host, source: s.endpoint.source, context: s.endpoint.context, rootless: rootless || undefined },
      data: s,
    };
  },
};

/**
 * Why the daemon does not answer, in the terms of the user's set-up: Cloud Shell has none by
 * design, a socket this user may not open, rootless Docker on its own socket, a context pointing
 * elsewhere; anything else is the seed's "daemon not running".
 */
export async function daemonFailure(ctx: CheckContext, err: DaemonError, endpoint: DockerEndpoint | undefined): Promise<CheckOutcome<DaemonSession>> {
  const host = endpoint?.host ?? ctx.env.dockerHost ?? 'default';
  const evidence = { dockerHost: host, source: endpoint?.source, context: endpoint?.context, failure: err.kind, code: err.code };
  if (inCloudShell(ctx.env.clientHost)) {
    return {
      status: 'fail', causeId: 'client.cloud-shell-no-daemon', evidence: { ...evidence, cloudShell: ctx.env.clientHost?.cloudShell },
      message: msg('This is Azure Cloud Shell, which runs no Docker daemon ({why}): use az acr login --expose-token for an access token instead of docker login.', { why: prose(err.message) }),
    };
  }
  const socketPath = host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
  if (err.kind === 'permission') {
    return {
      status: 'fail', causeId: 'client.docker-socket-permission', evidence, fixParams: socketPath ? { socketPath } : undefined,
      message: msg("The Docker daemon's socket {socket} exists, but this user may not open it ({code}): not in the docker group.", { socket: socketPath ?? host, code: err.code ?? 'EACCES' }),
    };
  }
  if (endpoint?.source === 'context') {
    return {
      status: 'fail', causeId: 'client.docker-context-unreachable', evidence, fixParams: { context: endpoint.context ?? '' },
      message: msg('The current Docker context "{context}" sends docker to {host}, where no daemon answers ({kind}).', { context: endpoint.context, host, kind: err.kind }),
    };
  }
  if (endpoint?.source === 'default' && err.kind === 'no-socket') {
    const rootless = await rootlessSocket(ctx.env.clientHost);
    if (rootless) {
      return {
        status: 'fail', causeId: 'client.docker-rootless-socket', evidence: { ...evidence, rootlessSocket: rootless }, fixParams: { socketPath: rootless },
        message: msg("No daemon at the default socket {host}, but rootless Docker's socket {socket} is there: docker uses it only with DOCKER_HOST or a context.", { host, socket: rootless }),
      };
    }
  }
  return { status: 'fail', causeId: 'docker.daemon-unreachable', message: prose(err.message), evidence: { ...evidence, dockerHost: ctx.env.dockerHost ?? 'default' } };
}

export interface DaemonFacts {
  version: DaemonVersion;
  proxy: DaemonProxy;
}

export const dockerVersionCheck: Check = {
  id: LOGIN.dockerVersion,
  area: 'login',
  title: 'Docker version 18.03 or later',
  needs: [LOGIN.dockerDaemon],
  timeoutMs: 4000,
  applies: (_t, env) => usesDocker(env),
  async run(ctx) {
    const s = ctx.data(LOGIN.dockerDaemon)!;
    let version: DaemonVersion;
    let proxy: DaemonProxy = {};
    try {
      [version, proxy] = await Promise.all([
        daemonVersion(s, ctx.signal),
        // The network checks' daemon-proxy check reads the same /info: one request per run.
        sharedWork(ctx, daemonInfoKey(ctx.env.dockerHost, ctx.env.dockerConfigDir), (signal) => daemonInfo(s, signal)).then(proxyFromInfo),
      ]);
    } catch (e) {
      return { status: 'fail', causeId: 'docker.daemon-unreachable', message: prose((e as Error).message), evidence: { dockerHost: s.endpoint.host } };
    }
    const evidence = {
      version: version.version, apiVersion: version.apiVersion, os: version.os, arch: version.arch,
      daemonHttpsProxy: proxy.httpsProxy ? proxy.httpsProxy.replace(/\/\/[^@/]*@/, '//***@') : undefined,
      daemonNoProxy: proxy.noProxy,
    };
    if (!isVersionSupported(version)) {
      return {
        status: 'fail', causeId: 'docker.version-too-old', evidence, data: { version, proxy },
        fixParams: { dockerVersion: version.version || 'unknown' },
        message: msg('The Docker daemon is version {version} (API {apiVersion}); Azure Container Registry needs {MIN_DOCKER_VERSION} or later (API {MIN_API_VERSION}).', { version: version.version || 'unknown', apiVersion: version.apiVersion || 'unknown', MIN_DOCKER_VERSION, MIN_API_VERSION }),
      };
    }
    return { status: 'pass', message: msg('Docker {version} (API {apiVersion}).', { version: version.version, apiVersion: version.apiVersion }), evidence, data: { version, proxy } };
  },
};
