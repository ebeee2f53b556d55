// podman's registries.conf (containers-registries.conf(5)) and its drop-ins
// (containers-registries.conf.d(5)): what they say about one registry — blocked, insecure,
// mirrored, sent elsewhere by a prefix. Parsed by smol-toml; a file that is not TOML is a problem
// naming its line, never an exception. The V1 form ([registries.block] registries = [...]) too.
import * as path from 'node:path';
import type { ClientHostEnv } from '../engine/environment';
import { type Message } from '../text/message';
import { tomlPath, tomlString, tomlStrings, type TomlTable } from '../text/toml';
import { dropInFiles, readConfFile } from './config-files';
import { promises as fs } from 'node:fs';
import { problemFields } from '../docker/config';

export interface RegistryEntry { prefix: string; location: string; blocked: boolean; insecure: boolean; mirrors: string[]; file: string }

export interface RegistriesConf {
  file: string;
  state: 'ok' | 'missing' | 'unreadable' | 'malformed';
  problem?: string;
  /** The problem as a message, for the finding. */
  problemText?: Message;
  /** The [[registry]] entries: prefix or location, and what they say. */
  registries: RegistryEntry[];
  /** V1: registries listed in [registries.block]. */
  blockedV1: string[];
  unqualifiedSearch: string[];
}

/** The file podman reads: CONTAINERS_REGISTRIES_CONF, else the user's, else the system's. */
export async function registriesConfFile(h: ClientHostEnv | undefined): Promise<string> {
  if (h?.registriesConf) return h.registriesConf;
  const user = userConfigDir(h) && path.join(userConfigDir(h)!, 'registries.conf');
  if (user && await fs.stat(user).then(() => true, () => false)) return user;
  return '/etc/containers/registries.conf';
}

function userConfigDir(h: ClientHostEnv | undefined): string | undefined {
  const configHome = h?.xdgConfigHome ?? (h?.home ? path.join(h.home, '.config') : undefined);
  return configHome && path.join(configHome, 'containers');
}

/** The drop-ins read after the main file: the system's folder, then the user's, each in name order. */
export function registriesConfDropIns(h: ClientHostEnv | undefined): string[] {
  const user = userConfigDir(h);
  return [...dropInFiles('/etc/containers/registries.conf.d'), ...(user ? dropInFiles(path.join(user, 'registries.conf.d')) : [])];
}

function entriesOf(table: TomlTable, file: string): RegistryEntry[] {
  const list = tomlPath(table, 'registry');
  return (Array.isArray(list) ? list : []).filter((r): r is TomlTable => !!r && typeof r === 'object').map((r) => {
    const location = tomlString(r.location) ?? '';
    const mirrors = (Array.isArray(r.mirror) ? r.mirror : []).map((m) => tomlString((m as TomlTable)?.location) ?? '').filter(Boolean);
    return { prefix: tomlString(r.prefix) ?? location, location, blocked: r.blocked === true, insecure: r.insecure === true, mirrors, file };
  });
}

export async function readRegistriesConf(file: string): Promise<RegistriesConf> {
  const base: RegistriesConf = { file, state: 'missing', registries: [], blockedV1: [], unqualifiedSearch: [] };
  const f = readConfFile(file, 'registries.conf');
  if (!f.table) return { ...base, state: f.state, ...(f.problemText ? problemFields(f.problemText) : {}) };
  return {
    ...base, state: 'ok', registries: entriesOf(f.table, file),
    blockedV1: tomlStrings(tomlPath(f.table, 'registries', 'block', 'registries')),
    unqualifiedSearch: tomlStrings(f.table['unqualified-search-registries']),
  };
}

/**
 * The main file and its drop-ins as podman merges them: a drop-in's [[registry]] with the same
 * prefix replaces the earlier one; every file's own state is kept for the evidence.
 */
export async function readRegistriesConfig(h: ClientHostEnv | undefined): Promise<{ files: RegistriesConf[]; merged: RegistriesConf }> {
  const main = await registriesConfFile(h);
  const files = [await readRegistriesConf(main), ...await Promise.all(registriesConfDropIns(h).map(readRegistriesConf))];
  const byPrefix = new Map<string, RegistryEntry>();
  const merged: RegistriesConf = { file: main, state: files[0].state, registries: [], blockedV1: [], unqualifiedSearch: [] };
  for (const f of files) {
    for (const r of f.registries) byPrefix.set(r.prefix.toLowerCase(), r);
    merged.blockedV1.push(...f.blockedV1);
    if (f.unqualifiedSearch.length) merged.unqualifiedSearch = f.unqualifiedSearch;
  }
  merged.registries = [...byPrefix.values()];
  return { files, merged };
}

/** What the files say about `host`: the longest matching prefix wins, as in containers/image. */
export function registryRule(conf: RegistriesConf, host: string): { blocked: boolean; insecure: boolean; location?: string; mirrors: string[]; prefix?: string; file?: string } {
  const h = host.toLowerCase();
  const matching = conf.registries.filter((r) => r.prefix && (h === r.prefix.toLowerCase() || h.startsWith(`${r.prefix.toLowerCase()}/`) || (r.prefix.startsWith('*.') && h.endsWith(r.prefix.slice(1).toLowerCase()))))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const r = matching[0];
  const v1 = conf.blockedV1.map((x) => x.toLowerCase()).includes(h);
  return { blocked: !!r?.blocked || v1, insecure: !!r?.insecure, location: r?.location || undefined, mirrors: r?.mirrors ?? [], prefix: r?.prefix, file: r?.file ?? (v1 ? conf.file : undefined) };
}
