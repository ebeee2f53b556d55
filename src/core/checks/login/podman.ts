// podman as the client: installed (and its version), its auth.json as the stored login
// (read for login.docker.config, whose data the stored-credential check tries against the
// registry), and its registries.conf (blocked, insecure, mirrored). podman pulls in its own
// process, so the shell's proxy variables, which the network checks test, are its proxy.
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import type { DockerConfig } from '../../docker/config';
import { findOnPath } from '../../docker/cli';
import { usesPodman } from '../../docker/client-tool';
import { runProgram } from '../../docker/run-program';
import { podmanAuthFor } from '../../podman/auth-file';
import { readRegistriesConf, registriesConfFile, registryRule } from '../../podman/registries-conf';
import { LOGIN } from './check-ids';
import { msg, prose } from '../../text/message';

export const podmanCliCheck: Check<string> = {
  id: LOGIN.podmanCli,
  area: 'login',
  title: 'podman installed',
  needs: [],
  timeoutMs: 3000,
  applies: (_t, env) => usesPodman(env),
  async run(ctx) {
    const pathEnv = ctx.env.searchPath ?? process.env.PATH;
    const found = await findOnPath('podman', pathEnv);
    if (!found) {
      return {
        status: 'fail', causeId: 'client.tool-not-found', fixParams: { toolPodman: 'podman' },
        evidence: { searched: (pathEnv ?? '').split(':').filter(Boolean).slice(0, 20) },
        message: msg('The podman command is not on PATH: podman login and pull cannot run here.'),
      };
    }
    const r = await runProgram(found, ['--version'], { env: { ...process.env, ...(pathEnv ? { PATH: pathEnv } : {}) }, timeoutMs: 2500, signal: ctx.signal });
    const version = /podman version (\S{1,40})/i.exec(r.stdout)?.[1];
    const proxy = ctx.env.proxy.httpsProxy ? ctx.env.proxy.httpsProxy.replace(/\/\/[^@/]*@/, '//***@') : undefined;
    return {
      status: 'pass', data: found, evidence: { path: found, version, proxy: proxy ?? '(none)' },
      message: msg("podman {version} at {path}; it pulls in its own process, with the shell's proxy ({proxy}).", { version: version ?? '(version unknown)', path: found, proxy: proxy ?? 'none' }),
    };
  },
};

/** login.docker.config's outcome when podman is the client: its auth.json, found in podman's order. */
export async function podmanAuthOutcome(ctx: CheckContext): Promise<CheckOutcome<DockerConfig>> {
  const login = ctx.target.loginServer;
  const { config, looked } = await podmanAuthFor(login, ctx.env.clientHost, ctx.env.dockerConfigDir);
  const cfg: DockerConfig = { ...config, owner: 'podman' };
  const evidence = { client: 'podman', file: cfg.file, state: cfg.state, looked: looked.map((l) => `${l.file} (${l.state})`), storedFor: [...cfg.auths.keys()].slice(0, 30) };
  const fixParams = { podmanAuthFile: cfg.file, podmanFile: cfg.file };
  if (cfg.state === 'malformed' || cfg.state === 'unreadable') {
    return { status: 'fail', causeId: 'client.podman-config-malformed', message: prose(cfg.problem!), evidence, fixParams, data: cfg };
  }
  const entry = cfg.auths.get(login);
  if (entry?.problem) {
    return { status: 'fail', causeId: 'client.podman-config-malformed', evidence, fixParams, data: cfg, message: msg('The stored login for {loginServer} in {file} is broken: {problem}.', { loginServer: login, file: cfg.file, problem: entry.problem }) };
  }
  if (!entry && !cfg.credHelpers[login]) {
    return { status: 'pass', evidence, data: cfg, message: msg('podman has no stored login for {login}; podman login writes it to {file}.', { login, file: looked[0]?.file ?? cfg.file }) };
  }
  return { status: 'pass', evidence, data: cfg, message: msg('podman looks up the login for {login} in {file}.', { login, file: cfg.file }) };
}

export const registriesConfCheck: Check = {
  id: LOGIN.registriesConf,
  area: 'login',
  title: 'podman registries.conf',
  needs: [],
  timeoutMs: 2000,
  applies: (_t, env) => usesPodman(env),
  async run(ctx) {
    const login = ctx.target.loginServer;
    const file = await registriesConfFile(ctx.env.clientHost);
    const conf = await readRegistriesConf(file);
    const fixParams = { podmanFile: file };
    if (conf.state === 'malformed' || conf.state === 'unreadable') {
      return { status: 'fail', causeId: 'client.podman-config-malformed', message: prose(conf.problem!), evidence: { file, state: conf.state }, fixParams };
    }
    if (conf.state === 'missing') return { status: 'pass', message: msg('No registries.conf at {file}: podman uses its defaults.', { file }), evidence: { file, state: conf.state } };
    const rule = registryRule(conf, login);
    const evidence = { file, prefix: rule.prefix, location: rule.location, mirrors: rule.mirrors.length ? rule.mirrors : undefined, insecure: rule.insecure || undefined, blocked: rule.blocked || undefined };
    if (rule.blocked) {
      return { status: 'fail', causeId: 'client.podman-config-malformed', evidence, fixParams, message: msg('{file} blocks {login} (blocked = true): podman refuses every pull from it ("registry is blocked in registries.conf").', { file, login }) };
    }
    if (rule.location && rule.location.toLowerCase() !== login) {
      return { status: 'warn', causeId: 'client.podman-config-malformed', evidence, fixParams, message: msg('{file} sends {login} to {location}: podman pulls from there, not from the registry.', { file, login, location: rule.location }) };
    }
    return { status: 'pass', evidence, message: rule.mirrors.length ? msg('{file} leaves {login} as it is (mirrors: {mirrors}).', { file, login, mirrors: rule.mirrors.join(', ') }) : msg('{file} leaves {login} as it is.', { file, login }) };
  },
};
