// DOCKER_COMMAND_ERROR: is the docker CLI installed (on the user's PATH)? Inside WSL without it,
// the usual reason is Docker Desktop's WSL integration being off for this distribution.
import type { Check } from '../../engine/types';
import { findOnPath } from '../../docker/cli';
import { usesDocker } from '../../docker/client-tool';
import { wslDistribution } from '../../docker/client-host';
import { LOGIN } from './check-ids';
import { msg } from '../../text/message';

export const dockerCliCheck: Check = {
  id: LOGIN.dockerCli,
  area: 'login',
  title: 'Docker CLI installed',
  needs: [],
  timeoutMs: 2000,
  applies: (_t, env) => usesDocker(env),
  async run(ctx) {
    // The user's PATH when the front end knows it; else this process's, which is the user's
    // for the CLI and the extension host alike.
    const pathEnv = ctx.env.searchPath ?? process.env.PATH;
    const found = await findOnPath('docker', pathEnv);
    if (!found) {
      const searched = (pathEnv ?? '').split(':').filter(Boolean).slice(0, 20);
      const wsl = await wslDistribution(ctx.env.clientHost);
      if (wsl) {
        return {
          status: 'fail', causeId: 'client.wsl-integration-off', evidence: { searched, wsl },
          message: msg('This is WSL ({wsl}) and the docker command is not on PATH: with Docker Desktop, turn on its WSL integration for this distribution.', { wsl }),
        };
      }
      return {
        status: 'fail',
        causeId: 'docker.cli-missing',
        message: msg('The docker command is not on PATH: docker login, push and pull cannot run here.'),
        evidence: { searched },
      };
    }
    return { status: 'pass', message: msg('docker found at {path}.', { path: found }), evidence: { path: found }, data: found };
  },
};
