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
import { readRegistriesConfig, registryRule } from '../../podman/registries-conf';
import { LOGIN } from './check-ids';
import { proxyDisplay } from '../../net/proxy';
import { podmanProxyFile } from '../../engine/client-proxy';
import { msg, verbatim } from '../../text/message';

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
    const proxy = proxyEvidence(ctx.env.proxy.httpsProxy);
    const from = podmanProxyFile(ctx.env);
    return {
      status: 'pass', data: found, evidence: { path: found, version, proxy: proxy ?? '(none)', proxyFrom: from ?? 'shell' },
      message: from
        ? msg('podman {version} at {path}; it pulls in its own process, with the proxy {proxy} that {file} sets ([engine] env).', { version: version ?? '(version unknown)', path: found, proxy: proxy ?? 'none', file: from })
        : msg("podman {version} at {path}; it pulls in its own process, with the shell's proxy ({proxy}).", { version: version ?? '(version unknown)', path: found, proxy: proxy ?? 'none' }),
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
    return { status: 'fail', causeId: 'client.podman-config-malformed', message: cfg.problemText ?? verbatim(cfg.problem ?? cfg.state), evidence, fixParams, data: cfg };
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
  async run(ctx): Promise<CheckOutcome> {
    const login = ctx.target.loginServer;
    const { files, merged } = await readRegistriesConfig(ctx.env.clientHost);
    const file = merged.file;
    const read = files.filter((f) => f.state !== 'missing').map((f) => `${f.file} (${f.state})`);
    const bad = files.find((f) => f.state === 'malformed' || f.state === 'unreadable');
    if (bad) {
      return { status: 'fail', causeId: 'client.podman-config-malformed', message: bad.problemText ?? verbatim(bad.problem ?? bad.state), evidence: { file: bad.file, state: bad.state, files: read }, fixParams: { podmanFile: bad.file } };
    }
    if (!read.length) return { status: 'pass', message: msg('No registries.conf at {file} and no drop-ins: podman uses its defaults.', { file }), evidence: { file, state: 'missing' } };
    const rule = registryRule(merged, login);
    const evidence = { files: read, prefix: rule.prefix, setBy: rule.file, location: rule.location, mirrors: rule.mirrors.length ? rule.mirrors : undefined, insecure: rule.insecure || undefined, blocked: rule.blocked || undefined };
    const fixParams = { podmanFile: rule.file ?? file, podmanRegistryFile: rule.file ?? file };
    if (rule.blocked) {
      return { status: 'fail', causeId: 'client.podman-registry-redirected', evidence, fixParams, message: msg('{file} blocks {login} (blocked = true): podman refuses every pull from it ("registry is blocked in registries.conf").', { file: rule.file ?? file, login }) };
    }
    if (rule.location && rule.location.toLowerCase() !== login) {
      return { status: 'fail', causeId: 'client.podman-registry-redirected', evidence, fixParams, message: msg('{file} sends {login} to {location}: podman pulls from there, not from the registry, and sends no login for {login} there.', { file: rule.file ?? file, login, location: rule.location }) };
    }
    if (rule.mirrors.length) {
      return { status: 'warn', causeId: 'client.podman-registry-redirected', evidence, fixParams, message: msg('{file} gives {login} the mirrors {mirrors}: podman tries them first, and only then the registry.', { file: rule.file ?? file, login, mirrors: rule.mirrors.join(', ') }) };
    }
    return { status: 'pass', evidence, message: msg('{file} leaves {login} as it is.', { file: read.join(', '), login }) };
  },
};

/** A proxy setting as evidence; podman's and containerd's words for one that does not parse. */
export const proxyEvidence = (raw: string | undefined): string | undefined => proxyDisplay(raw, '(not a URL)');


export const containersConfCheck: Check = {
  id: LOGIN.containersConf,
  area: 'login',
  title: 'podman containers.conf',
  needs: [],
  timeoutMs: 2000,
  applies: (_t, env) => usesPodman(env),
  async run(ctx): Promise<CheckOutcome> {
    const src = ctx.env.clientProxy?.tool === 'podman' ? ctx.env.clientProxy.source : undefined;
    if (!src) return { status: 'info', message: msg('podman\'s containers.conf was not read for this run.') };
    const read = src.files.filter((f) => f.state !== 'missing').map((f) => `${f.file} (${f.state})`);
    const evidence = {
      files: read.length ? read : '(none: podman uses its defaults)',
      engineHttpsProxy: proxyEvidence(src.engine.httpsProxy), engineNoProxy: src.engine.noProxy, setBy: src.engine.file,
      shellHttpsProxy: proxyEvidence(ctx.env.clientProxy?.shell.httpsProxy) ?? '(none)',
      podmanHttpsProxy: proxyEvidence(ctx.env.proxy.httpsProxy) ?? '(none)',
      httpProxyToContainers: src.httpProxyToContainers,
    };
    const bad = src.problems[0];
    if (bad) {
      return { status: 'fail', causeId: 'client.podman-config-malformed', evidence, fixParams: { podmanFile: bad.file }, message: bad.text };
    }
    const from = podmanProxyFile(ctx.env);
    if (from) {
      return { status: 'pass', evidence, fixParams: { containersConf: from }, message: msg('{file} sets podman\'s proxy ([engine] env): HTTPS_PROXY {proxy}, NO_PROXY {noProxy}; podman uses it instead of the shell\'s, and the network checks test it.', { file: from, proxy: evidence.engineHttpsProxy ?? 'none', noProxy: src.engine.noProxy || 'none' }) };
    }
    return { status: 'pass', evidence, message: read.length ? msg('containers.conf sets no proxy for podman ({files}): podman uses the shell\'s.', { files: read.join(', ') }) : msg('No containers.conf: podman uses the shell\'s proxy.') };
  },
};
