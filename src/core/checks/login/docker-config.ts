// The Docker client config: readable, valid JSON, and what it says about this registry
// (stored credential or helper), proxies and the selected context.
import type { Check } from '../../engine/types';
import { credentialSourceFor, readDockerConfig } from '../../docker/config';
import { LOGIN } from './check-ids';
import { usesPodman } from '../../docker/client-tool';
import { podmanAuthOutcome } from './podman';

export const dockerConfigCheck: Check = {
  id: LOGIN.dockerConfig,
  area: 'login',
  title: 'Docker configuration file',
  needs: [],
  timeoutMs: 2000,
  async run(ctx) {
    // podman keeps its logins in auth.json (Docker's format): the same facts, from its files.
    if (usesPodman(ctx.env)) return podmanAuthOutcome(ctx);
    const cfg = await readDockerConfig(ctx.env.dockerConfigDir);
    const evidence = {
      file: cfg.file,
      state: cfg.state,
      credsStore: cfg.credsStore,
      credHelper: cfg.credHelpers[ctx.target.loginServer],
      storedFor: [...cfg.auths.keys()].slice(0, 30),
      proxies: cfg.proxies ? [cfg.proxies.httpsProxy, cfg.proxies.httpProxy].filter((x): x is string => !!x).map(hideUserinfo) : undefined,
      context: cfg.currentContext,
      warnings: cfg.warnings.length ? cfg.warnings.slice(0, 10) : undefined,
    };
    if (cfg.state === 'malformed' || cfg.state === 'unreadable') {
      return { status: 'fail', causeId: 'docker.config-malformed', message: cfg.problem!, evidence, fixParams: { dockerConfigFile: cfg.file }, data: cfg };
    }
    if (cfg.state === 'missing') {
      return { status: 'pass', message: `No Docker config yet (${cfg.file}); docker login will create it.`, evidence, data: cfg };
    }
    const src = credentialSourceFor(cfg, ctx.target.loginServer);
    if (src.kind === 'file' && src.entry.problem) {
      return {
        status: 'fail', causeId: 'docker.config-malformed', data: cfg, evidence, fixParams: { dockerConfigFile: cfg.file },
        message: `The stored login for ${ctx.target.loginServer} in ${cfg.file} is broken: ${src.entry.problem}.`,
      };
    }
    const where = src.kind === 'helper' ? `credential helper "${src.helper}" (${src.via})` : 'the config file';
    const warn = cfg.warnings.length > 0;
    return {
      status: warn ? 'warn' : 'pass',
      causeId: warn ? 'docker.config-malformed' : undefined,
      message: `${cfg.file} is valid; ${src.kind === 'none' ? `it holds no credential for ${ctx.target.loginServer} yet (no docker login)` : `a credential for ${ctx.target.loginServer} is looked up in ${where}`}.${warn ? ` Ignored: ${cfg.warnings.join(' ')}` : ''}`,
      evidence, data: cfg, fixParams: { dockerConfigFile: cfg.file },
    };
  },
};

function hideUserinfo(u: string): string {
  return u.replace(/\/\/[^@/]*@/, '//***@');
}
