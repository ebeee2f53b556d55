// The Docker client config: readable, valid JSON, and what it says about this registry
// (stored credential or helper), proxies and the selected context.
import type { Check } from '../../engine/types';
import { credentialSourceFor, readDockerConfig } from '../../docker/config';
import { LOGIN } from './check-ids';
import { clientCommand, usesPodman } from '../../docker/client-tool';
import { podmanAuthOutcome } from './podman';
import { msg, verbatim } from '../../text/message';

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
      return { status: 'fail', causeId: 'docker.config-malformed', message: cfg.problemText ?? verbatim(cfg.state), evidence, fixParams: { dockerConfigFile: cfg.file }, data: cfg };
    }
    if (cfg.state === 'missing') {
      return { status: 'pass', message: msg('No Docker config yet ({file}); {tool} login will create it.', { tool: clientCommand(ctx.env), file: cfg.file }), evidence, data: cfg };
    }
    const src = credentialSourceFor(cfg, ctx.target.loginServer);
    if (src.kind === 'file' && src.entry.problem) {
      return {
        status: 'fail', causeId: 'docker.config-malformed', data: cfg, evidence, fixParams: { dockerConfigFile: cfg.file },
        message: msg('The stored login for {loginServer} in {file} is broken: {problem}.', { loginServer: ctx.target.loginServer, file: cfg.file, problem: src.entry.problem }),
      };
    }
    const warn = cfg.warnings.length > 0;
    const params = { tool: clientCommand(ctx.env), file: cfg.file, login: ctx.target.loginServer, ignored: cfg.warnings.join(' ') };
    let message;
    if (src.kind === 'none') {
      message = warn ? msg('{file} is valid; it holds no credential for {login} yet (no {tool} login). Ignored: {ignored}', params) : msg('{file} is valid; it holds no credential for {login} yet (no {tool} login).', params);
    } else if (src.kind === 'helper') {
      const helper = { ...params, helper: src.helper, via: src.via };
      message = warn ? msg('{file} is valid; a credential for {login} is looked up in credential helper "{helper}" ({via}). Ignored: {ignored}', helper) : msg('{file} is valid; a credential for {login} is looked up in credential helper "{helper}" ({via}).', helper);
    } else {
      message = warn ? msg('{file} is valid; a credential for {login} is looked up in the config file. Ignored: {ignored}', params) : msg('{file} is valid; a credential for {login} is looked up in the config file.', params);
    }
    return {
      status: warn ? 'warn' : 'pass',
      causeId: warn ? 'docker.config-malformed' : undefined,
      message,
      evidence, data: cfg, fixParams: { dockerConfigFile: cfg.file },
    };
  },
};

function hideUserinfo(u: string): string {
  return u.replace(/\/\/[^@/]*@/, '//***@');
}
