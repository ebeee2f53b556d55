// The client half of the seed's "Docker client version 18.03 or later": the docker CLI's own
// version beside the Engine's (docker-daemon.ts), and which endpoint this client talks to
// (DOCKER_HOST, the config's current context, or the default socket), as evidence.
import type { Check } from '../../engine/types';
import { dockerClientVersion, isClientVersionSupported, type ClientVersion } from '../../docker/client-version';
import { MIN_DOCKER_VERSION } from '../../docker/daemon';
import { readDockerConfig } from '../../docker/config';
import { resolveDockerEndpoint } from '../../docker/endpoint';
import { usesDocker } from '../../docker/client-tool';
import { LOGIN } from './check-ids';
import { msg } from '../../text/message';

export const dockerClientVersionCheck: Check<ClientVersion> = {
  id: LOGIN.dockerClientVersion,
  area: 'login',
  title: 'Docker client version 18.03 or later',
  needs: [LOGIN.dockerCli],
  timeoutMs: 3000,
  applies: (_t, env) => usesDocker(env),
  async run(ctx) {
    const file = ctx.data(LOGIN.dockerCli)!;
    const [v, endpoint] = await Promise.all([
      dockerClientVersion(file, { env: { ...process.env, ...(ctx.env.searchPath ? { PATH: ctx.env.searchPath } : {}) }, signal: ctx.signal }),
      clientEndpoint(ctx.env.dockerHost, ctx.env.dockerConfigDir),
    ]);
    const evidence = { cli: file, ...endpoint };
    if (v.state !== 'ok') return { status: 'warn', message: msg("The docker CLI's version is not known: {why}.", { why: v.message }), evidence };
    const shown = { ...evidence, clientVersion: v.version, build: v.build, emulatedBy: v.product === 'podman' ? 'podman' : undefined };
    if (!isClientVersionSupported(v)) {
      return {
        status: 'fail', causeId: 'client.docker-cli-too-old', evidence: shown, data: v, fixParams: { dockerVersion: v.version },
        message: msg('The docker CLI at {file} is version {version}; Azure Container Registry needs a Docker client {min} or later.', { file, version: v.version, min: MIN_DOCKER_VERSION }),
      };
    }
    if (v.product === 'podman') {
      return { status: 'info', evidence: shown, data: v, message: msg("docker at {file} is podman {version} (podman-docker); it stores logins in podman's auth.json, not in Docker's config.", { file, version: v.version }) };
    }
    return { status: 'pass', evidence: shown, data: v, message: msg('docker CLI {version} talks to {endpoint} ({source}).', { version: v.version, endpoint: endpoint.endpoint, source: endpoint.endpointSource }) };
  },
};

/** Which endpoint the CLI uses and what else would have chosen one (a context DOCKER_HOST overrides). */
async function clientEndpoint(dockerHost: string | undefined, configDir: string): Promise<{ endpoint: string; endpointSource: string; context?: string; contextOverridden?: string }> {
  const cfg = await readDockerConfig(configDir);
  const ctxName = cfg.currentContext && cfg.currentContext !== 'default' ? cfg.currentContext : undefined;
  const { endpoint } = await resolveDockerEndpoint(dockerHost, configDir, cfg.currentContext);
  return {
    endpoint: endpoint.host, endpointSource: endpoint.source, context: endpoint.context,
    // docker itself warns about this one: DOCKER_HOST wins over the current context.
    contextOverridden: endpoint.source === 'DOCKER_HOST' ? ctxName : undefined,
  };
}
