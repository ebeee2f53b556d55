// DOCKER_DAEMON_ERROR / DOCKER_VERSION_ERROR: the Engine API answers (socket, DOCKER_HOST or the
// config's context), and it is at least Docker 18.03 (API 1.37). The version check also reads
// `/info` so the daemon's own proxy is known (data for the network checks' proxy comparison).
import type { Check } from '../../engine/types';
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
  async run(ctx) {
    let s: DaemonSession;
    try {
      s = await openDaemon(ctx.env.dockerHost, ctx.env.dockerConfigDir);
      await pingDaemon(s, ctx.signal);
    } catch (e) {
      const err = e instanceof DaemonError ? e : new DaemonError('other', String((e as Error)?.message ?? e));
      return {
        status: 'fail', causeId: 'docker.daemon-unreachable', message: prose(err.message),
        evidence: { dockerHost: ctx.env.dockerHost ?? 'default', failure: err.kind, code: err.code },
      };
    }
    return {
      status: s.endpointProblem ? 'warn' : 'pass',
      causeId: s.endpointProblem ? 'docker.daemon-unreachable' : undefined,
      message: s.endpointProblem ? prose(s.endpointProblem) : s.endpoint.context ? msg('The Docker daemon answers at {host} ({source} "{context}").', { host: s.endpoint.host, source: s.endpoint.source, context: s.endpoint.context }) : msg('The Docker daemon answers at {host} ({source}).', { host: s.endpoint.host, source: s.endpoint.source }),
      evidence: { dockerHost: s.endpoint.host, source: s.endpoint.source, context: s.endpoint.context },
      data: s,
    };
  },
};

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
