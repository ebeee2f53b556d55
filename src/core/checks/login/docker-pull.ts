// DOCKER_PULL_ERROR, opt-in (slow): what `az acr check-health` does — let the daemon pull the
// public mcr.microsoft.com/mcr/hello-world (anonymous, no credential) — and keep the daemon's own
// error text. It tests the daemon's own path out (DNS, proxy, TLS trust, firewall), not the
// registry's credentials, which the login checks test.
import type { Check } from '../../engine/types';
import { pullImage } from '../../docker/pull';
import { LOGIN } from './check-ids';
import { msg } from '../../text/message';

/** The image `az acr check-health` pulls. */
export const CHECK_HEALTH_PULL_IMAGE = 'mcr.microsoft.com/mcr/hello-world:latest';

export const dockerPullCheck: Check = {
  id: LOGIN.dockerPull,
  area: 'login',
  title: 'Pull through the Docker daemon',
  needs: [LOGIN.dockerDaemon, LOGIN.dockerVersion],
  timeoutMs: 60000,
  applies: (_t, env) => env.pullTest === true,
  async run(ctx) {
    const s = ctx.data(LOGIN.dockerDaemon)!;
    const image = CHECK_HEALTH_PULL_IMAGE;
    let last = '';
    const r = await pullImage(s.docker, image, { signal: ctx.signal, onProgress: (p) => { last = p.status; } });
    if (r.ok) return { status: 'pass', message: msg('The daemon pulled {image} ({layers} layers).', { image, layers: r.layers }), evidence: { image, layers: r.layers } };
    return { status: 'fail', causeId: 'docker.pull-failed', message: msg('docker pull {image} failed: {error}', { image, error: String(r.error) }), evidence: { image, daemonSays: r.error, lastStatus: last || undefined }, fixParams: { image } };
  },
};
