// DOCKER_COMMAND_ERROR: is the docker CLI installed (on the user's PATH)?
import type { Check } from '../../engine/types';
import { findOnPath } from '../../docker/cli';
import { LOGIN } from './check-ids';
import { msg } from '../../text/message';

export const dockerCliCheck: Check = {
  id: LOGIN.dockerCli,
  area: 'login',
  title: 'Docker CLI installed',
  needs: [],
  timeoutMs: 2000,
  async run(ctx) {
    // The user's PATH when the front end knows it; else this process's, which is the user's
    // for the CLI and the extension host alike.
    const pathEnv = ctx.env.searchPath ?? process.env.PATH;
    const found = await findOnPath('docker', pathEnv);
    if (!found) {
      return {
        status: 'fail',
        causeId: 'docker.cli-missing',
        message: msg('The docker command is not on PATH: docker login, push and pull cannot run here.'),
        evidence: { searched: (pathEnv ?? '').split(':').filter(Boolean).slice(0, 20) },
      };
    }
    return { status: 'pass', message: msg('docker found at {path}.', { path: found }), evidence: { path: found } };
  },
};
