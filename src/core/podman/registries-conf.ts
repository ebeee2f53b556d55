// podman's registries.conf (containers-registries.conf(5)): what it says about one registry —
// blocked, insecure, mirrored, redirected by a prefix. TOML, read here as the subset these files
// use (tables, arrays of tables, strings, booleans, string arrays); a line outside it is a problem
// with its line number, never an exception. The V1 form ([registries.block] registries = [...]) too.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ClientHostEnv } from '../engine/environment';
import { msg, verbatim, type Message } from '../text/message';
import { problemFields } from '../docker/config';

type Value = string | boolean | number | string[];
type Table = Record<string, Value>;

export interface RegistriesConf {
  file: string;
  state: 'ok' | 'missing' | 'unreadable' | 'malformed';
  problem?: string;
  /** The problem as a message, for the finding (the string above is its English). */
  problemText?: Message;
  /** The [[registry]] entries: prefix or location, and what they say. */
  registries: { prefix: string; location: string; blocked: boolean; insecure: boolean; mirrors: string[] }[];
  /** V1: registries listed in [registries.block]. */
  blockedV1: string[];
  unqualifiedSearch: string[];
}

const MAX_BYTES = 1024 * 1024;

/** The file podman reads: CONTAINERS_REGISTRIES_CONF, else the user's, else the system's. */
export async function registriesConfFile(h: ClientHostEnv | undefined): Promise<string> {
  if (h?.registriesConf) return h.registriesConf;
  const configHome = h?.xdgConfigHome ?? (h?.home ? path.join(h.home, '.config') : undefined);
  if (configHome) {
    const user = path.join(configHome, 'containers', 'registries.conf');
    if (await fs.stat(user).then(() => true, () => false)) return user;
  }
  return '/etc/containers/registries.conf';
}

function parseValue(raw: string, line: number): Value {
  const v = raw.trim();
  if (/^"(?:[^"\\]|\\.)*"$/.test(v)) return JSON.parse(v) as string;
  if (/^'[^']*'$/.test(v)) return v.slice(1, -1);
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^[+-]?\d+$/.test(v)) return Number(v);
  if (v.startsWith('[') && v.endsWith(']')) {
    const inner = v.slice(1, -1).trim().replace(/,\s*$/, '');
    if (!inner) return [];
    const items = inner.match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^,]+/g) ?? [];
    return items.map((x) => x.trim()).filter((x) => x && x !== ',').map((x) => {
      const s = parseValue(x, line);
      if (typeof s !== 'string') throw new Error(`line ${line}: an array that holds something other than strings`);
      return s;
    });
  }
  throw new Error(`line ${line}: a value TOML does not allow here (${v.slice(0, 30)})`);
}

/** Parse the text; throws an Error naming the line for anything outside the subset. */
export function parseRegistriesConf(text: string): { top: Table; tables: Record<string, Table>; arrays: Record<string, Table[]> } {
  const top: Table = {};
  const tables: Record<string, Table> = {};
  const arrays: Record<string, Table[]> = {};
  let current = top;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\s+#.*$|^#.*$/, '').trim();
    if (!line) continue;
    let m: RegExpExecArray | null;
    if ((m = /^\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]$/.exec(line))) {
      const t: Table = {};
      (arrays[m[1]] ??= []).push(t);
      current = t;
      continue;
    }
    if ((m = /^\[\s*([A-Za-z0-9_."-]+)\s*\]$/.exec(line))) {
      current = tables[m[1].replace(/"/g, '')] ??= {};
      continue;
    }
    if ((m = /^([A-Za-z0-9_-]+|"[^"]*")\s*=\s*(.*)$/.exec(line))) {
      let raw = m[2];
      // A string array may run over several lines.
      while (raw.trim().startsWith('[') && !raw.trim().endsWith(']') && i + 1 < lines.length) raw += ' ' + lines[++i].replace(/\s+#.*$/, '').trim();
      current[m[1].replace(/"/g, '')] = parseValue(raw, i + 1);
      continue;
    }
    throw new Error(`line ${i + 1}: "${line.slice(0, 40)}" is not TOML`);
  }
  return { top, tables, arrays };
}

export async function readRegistriesConf(file: string): Promise<RegistriesConf> {
  const base: RegistriesConf = { file, state: 'missing', registries: [], blockedV1: [], unqualifiedSearch: [] };
  let text: string;
  try {
    const st = await fs.stat(file);
    if (st.size > MAX_BYTES) return { ...base, state: 'malformed', ...problemFields(msg('{file} is {size} bytes, far larger than a registries.conf.', { file, size: st.size })) };
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return base;
    return { ...base, state: 'unreadable', ...problemFields(msg('{file} cannot be read ({code}).', { file, code: code ?? 'error' })) };
  }
  try {
    const { top, tables, arrays } = parseRegistriesConf(text);
    const strings = (v: Value | undefined) => (Array.isArray(v) ? v : []);
    const registries = (arrays.registry ?? []).map((r) => ({
      prefix: typeof r.prefix === 'string' ? r.prefix : typeof r.location === 'string' ? r.location : '',
      location: typeof r.location === 'string' ? r.location : '',
      blocked: r.blocked === true, insecure: r.insecure === true, mirrors: [] as string[],
    }));
    // Mirrors are [[registry.mirror]] tables after their registry: attach each to the last registry.
    if (arrays['registry.mirror']?.length && registries.length) registries[registries.length - 1].mirrors = arrays['registry.mirror'].map((m) => String(m.location ?? ''));
    return { ...base, state: 'ok', registries, blockedV1: strings(tables['registries.block']?.registries), unqualifiedSearch: strings(top['unqualified-search-registries']) };
  } catch (e) {
    return { ...base, state: 'malformed', ...problemFields(msg('{file} is not valid TOML ({reason}); podman fails with "loading registries configuration". Fix the line or move the file aside.', { file, reason: verbatim((e as Error).message) })) };
  }
}

/** What the file says about `host`: the longest matching prefix wins, as in containers/image. */
export function registryRule(conf: RegistriesConf, host: string): { blocked: boolean; insecure: boolean; location?: string; mirrors: string[]; prefix?: string } {
  const h = host.toLowerCase();
  const matching = conf.registries.filter((r) => r.prefix && (h === r.prefix.toLowerCase() || h.startsWith(`${r.prefix.toLowerCase()}/`) || (r.prefix.startsWith('*.') && h.endsWith(r.prefix.slice(1).toLowerCase()))))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const r = matching[0];
  return { blocked: !!r?.blocked || conf.blockedV1.map((x) => x.toLowerCase()).includes(h), insecure: !!r?.insecure, location: r?.location || undefined, mirrors: r?.mirrors ?? [], prefix: r?.prefix };
}
