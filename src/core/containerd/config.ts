// containerd as the kubelet uses it: the daemon's config.toml (the one its running process was
// started with, else /etc/containerd/config.toml), the CRI registry's config_path, and the
// hosts.toml there for one registry (containerd's hosts.md: server, [host."…"] capabilities, ca,
// skip_verify). Parsed by smol-toml and bounded; bad input is a problem naming the file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { msg, type Message } from '../text/message';
import { tomlPath, tomlString, tomlStrings, type TomlTable } from '../text/toml';
import { readTomlFile as readTomlFileAs, type TomlFile, type TomlFileWords } from '../text/toml-file';

const MAX_BYTES = 1024 * 1024;
/** /proc entries looked at when finding the containerd that serves a socket. */
const MAX_PROCS = 4096;
export const DEFAULT_CONTAINERD_CONFIG = '/etc/containerd/config.toml';
/** nerdctl's default, and what most kubeadm / AKS nodes set as config_path. */
export const DEFAULT_CERTS_DIR = '/etc/containerd/certs.d';

export type { TomlFile } from '../text/toml-file';

const CONTAINERD_WORDS: TomlFileWords = {
  tooLarge: (file, size) => msg('{file} is {size} bytes, far larger than a containerd configuration: containerd would not use it either. Move it aside.', { file, size }),
  notToml: (file, reason) => msg('{file} is not valid TOML ({reason}); containerd ignores or refuses it. Fix that line or move the file aside.', { file, reason }),
};

export function readTomlFile(file: string): TomlFile {
  return readTomlFileAs(file, CONTAINERD_WORDS, MAX_BYTES);
}

export interface ContainerdProcess { pid: number; config?: string; env?: Record<string, string> }

/** The running containerd processes: their --config and, where this user may read it, their environment. */
export function containerdProcesses(procDir = '/proc'): ContainerdProcess[] {
  let pids: string[];
  try { pids = fs.readdirSync(procDir).filter((n) => /^\d+$/.test(n)).slice(0, MAX_PROCS); } catch { return []; }
  const out: ContainerdProcess[] = [];
  for (const pid of pids) {
    let comm = '';
    try { comm = fs.readFileSync(path.join(procDir, pid, 'comm'), 'utf8').trim(); } catch { continue; }
    if (comm !== 'containerd') continue;
    const p: ContainerdProcess = { pid: Number(pid) };
    try {
      const args = fs.readFileSync(path.join(procDir, pid, 'cmdline'), 'utf8').split('\0');
      const i = args.findIndex((a) => a === '--config' || a === '-c');
      p.config = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--config='))?.slice(9);
    } catch { /* gone */ }
    try {
      const env = fs.readFileSync(path.join(procDir, pid, 'environ'), 'utf8').split('\0');
      p.env = Object.fromEntries(env.filter((e) => e.includes('=')).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
    } catch { /* another user's process */ }
    out.push(p);
  }
  return out;
}

/** The config file of the containerd that listens on `address` (its [grpc] address), else the default. */
export function containerdConfigFor(address: string, procs: ContainerdProcess[]): { file: string; process?: ContainerdProcess } {
  for (const p of procs) {
    const file = p.config ?? DEFAULT_CONTAINERD_CONFIG;
    const t = readTomlFile(file).table;
    const listens = tomlString(tomlPath(t, 'grpc', 'address')) ?? '/run/containerd/containerd.sock';
    if (path.resolve(listens) === path.resolve(address)) return { file, process: p };
  }
  return { file: DEFAULT_CONTAINERD_CONFIG };
}

/** The CRI registry's config_path (containerd 1.x config version 2, and 2.x version 3), as a list of folders. */
export function registryConfigPath(table: TomlTable | undefined): { dirs: string[]; fromConfig: boolean } {
  const v2 = tomlPath(table, 'plugins', 'io.containerd.grpc.v1.cri', 'registry', 'config_path');
  const v3 = tomlPath(table, 'plugins', 'io.containerd.cri.v1.images', 'registry', 'config_path');
  const set = tomlString(v3) ?? tomlString(v2);
  return set ? { dirs: set.split(':').filter(Boolean), fromConfig: true } : { dirs: [DEFAULT_CERTS_DIR], fromConfig: false };
}

export interface HostEntry { url: string; capabilities: string[]; ca: string[]; skipVerify: boolean }

export interface HostsToml {
  file: string;
  state: TomlFile['state'];
  problemText?: Message;
  server?: string;
  hosts: HostEntry[];
}

/** <dir>/<host>/hosts.toml, else <dir>/_default/hosts.toml, in the first folder that has one. */
export function readHostsToml(dirs: string[], registry: string): HostsToml | undefined {
  for (const dir of dirs) {
    for (const name of [registry, '_default']) {
      const f = readTomlFile(path.join(dir, name, 'hosts.toml'));
      if (f.state === 'missing') continue;
      if (!f.table) return { file: f.file, state: f.state, problemText: f.problemText, hosts: [] };
      const hostTable = f.table.host;
      const hosts = hostTable && typeof hostTable === 'object' && !Array.isArray(hostTable)
        ? Object.entries(hostTable as TomlTable).map(([url, h]) => ({
          url,
          // containerd's default for a [host] without capabilities: pull, resolve and push.
          capabilities: tomlPath(h, 'capabilities') === undefined ? ['pull', 'resolve', 'push'] : tomlStrings(tomlPath(h, 'capabilities')),
          ca: typeof tomlPath(h, 'ca') === 'string' ? [tomlPath(h, 'ca') as string] : tomlStrings(tomlPath(h, 'ca')),
          skipVerify: tomlPath(h, 'skip_verify') === true,
        }))
        : [];
      return { file: f.file, state: 'ok', server: tomlString(f.table.server), hosts };
    }
  }
  return undefined;
}

/** The host part of a URL or a bare host[:port]. */
export function hostOf(url: string): string {
  try { return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`).host.toLowerCase(); } catch { return url.toLowerCase(); }
}

/**
 * Where containerd resolves `registry`: the [host] entries with "resolve" in order (containerd
 * tries them first), then `server` (default https://<registry>). Hosts without "pull" never fetch.
 */
export function resolveTarget(h: HostsToml, registry: string): { resolveHost: string; pullHosts: string[]; withoutPull: string[] } {
  const resolvers = h.hosts.filter((x) => x.capabilities.includes('resolve'));
  const server = h.server ?? `https://${registry}`;
  return {
    resolveHost: hostOf(resolvers[0]?.url ?? server),
    pullHosts: h.hosts.filter((x) => x.capabilities.includes('pull')).map((x) => hostOf(x.url)),
    withoutPull: h.hosts.filter((x) => !x.capabilities.includes('pull') || !x.capabilities.includes('resolve')).map((x) => x.url),
  };
}

/** HTTP(S)_PROXY / NO_PROXY of systemd drop-ins (`Environment="HTTPS_PROXY=…"`) for containerd.service. */
export function systemdProxy(dirs = ['/etc/systemd/system/containerd.service.d', '/run/systemd/system/containerd.service.d']): { vars: Record<string, string>; files: string[] } {
  const vars: Record<string, string> = {};
  const files: string[] = [];
  for (const dir of dirs) {
    let names: string[] = [];
    try { names = fs.readdirSync(dir).filter((n) => n.endsWith('.conf')).sort().slice(0, 64); } catch { continue; }
    for (const n of names) {
      const file = path.join(dir, n);
      let text = '';
      try { if (fs.statSync(file).size > MAX_BYTES) continue; text = fs.readFileSync(file, 'utf8'); } catch { continue; }
      for (const line of text.split(/\r?\n/)) {
        const m = /^\s*Environment\s*=\s*(.*)$/.exec(line);
        if (!m) continue;
        // One line may hold several assignments, each optionally quoted.
        for (const a of m[1].match(/"[^"]*"|'[^']*'|\S+/g) ?? []) {
          const kv = a.replace(/^["']|["']$/g, '');
          const eq = kv.indexOf('=');
          const k = kv.slice(0, eq);
          if (eq > 0 && /^(https?_proxy|no_proxy)$/i.test(k)) { vars[k.toUpperCase()] = kv.slice(eq + 1); if (!files.includes(file)) files.push(file); }
        }
      }
    }
  }
  return { vars, files };
}
