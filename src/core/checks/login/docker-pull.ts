// DOCKER_PULL_ERROR, opt-in (slow): let the daemon pull <login server>/<repository> with the
// credential docker itself would use, and keep the daemon's own error text.
import type { Check } from '../../engine/types';
import type { DaemonSession } from '../../docker/daemon';
import { pullImage } from '../../docker/pull';
import type { StoredCredentialData } from './stored-credential';
import { LOGIN } from './shared';

export const dockerPullCheck: Check = {
  id: LOGIN.dockerPull,
  area: 'login',
  title: 'Pull through the Docker daemon',
  needs: [LOGIN.dockerDaemon, LOGIN.dockerVersion],
  after: [LOGIN.storedCredential],
  timeoutMs: 60000,
  applies: (_t, env) => env.pullTest === true,
  async run(ctx) {
    const s = ctx.data<DaemonSession>(LOGIN.dockerDaemon)!;
    const repo = ctx.env.repository?.trim() || 'hello-world';
    const image = `${ctx.target.loginServer}/${repo.includes(':') ? repo : `${repo}:latest`}`;
    const stored = ctx.data<StoredCredentialData>(LOGIN.storedCredential);
    const explicit = ctx.env.credentials;
    const auth = explicit
      ? { username: explicit.username, password: explicit.password, serveraddress: ctx.target.loginServer }
      : stored?.secret && !stored.identityToken
        ? { username: stored.username ?? '', password: stored.secret, serveraddress: ctx.target.loginServer }
        : undefined;
    let last = '';
    const r = await pullImage(s.docker, image, { auth, signal: ctx.signal, onProgress: (p) => { last = p.status; } });
    if (r.ok) return { status: 'pass', message: `The daemon pulled ${image} (${r.layers} layers).`, evidence: { image, layers: r.layers } };
    return { status: 'fail', causeId: 'docker.pull-failed', message: `docker pull ${image} failed: ${r.error}`, evidence: { image, lastStatus: last || undefined }, fixParams: { image } };
  },
};
