// Docker's client config (`$DOCKER_CONFIG/config.json`, default ~/.docker), read the way the
// docker CLI reads it but defensively: a missing, unreadable or malformed file is a state with a
// sentence saying what is wrong, never an exception. Secrets stay inside `StoredAuth.secret`
// and are never copied into evidence.
import { promises as fs } from 'node:fs';
import { msg, renderMessage, verbatim, type Message } from '../text/message';
import * as path from 'node:path';

export type DockerConfigState = 'ok' | 'missing' | 'unreadable' | 'malformed';

/** One `auths` entry, decoded. */
export interface StoredAuth {
  /** The key as written in the file (e.g. 'https://contoso.azurecr.io'). */
  key: string;
  username?: string;
  /** Password or identity token: kept for the staleness test, never shown. */
  secret?: string;
  /** True when the secret is an identity token (refresh token) rather than a password. */
  identityToken: boolean;
  /** Why the entry cannot be used (undecodable `auth`...). */
  problem?: string;
}

export interface DockerProxies {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

export interface DockerConfig {
  dir: string;
  file: string;
  state: DockerConfigState;
  /** For anything but 'ok': what is wrong, in a sentence. */
  problem?: string;
  /** The same as words to localise. */
  problemText?: Message;
  /** Entries by normalised host name. */
  auths: Map<string, StoredAuth>;
  credsStore?: string;
  credHelpers: Record<string, string>;
  /** `proxies.default` (what the CLI injects into containers and builds). */
  proxies?: DockerProxies;
  currentContext?: string;
  /** Whose file it is, when not Docker's own (podman's auth.json is in the same format). */
  owner?: 'podman';
  /** Fields that were present but unusable (wrong type...), as sentences. */
  warnings: string[];
}

// The docker CLI refuses config files it cannot unmarshal; larger than this is not a config file.
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
// Names of credential helpers become part of an executable name: allow only what Docker's own
// helpers use, so a hostile config cannot make us run `docker-credential-../../x`.
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Host part of an `auths` key, as Docker's `ConvertToHostname` does. */
export function authKeyHost(key: string): string {
  let s = key.trim();
  s = s.replace(/^https?:\/\//i, '');
  const slash = s.indexOf('/');
  if (slash >= 0) s = s.slice(0, slash);
  return s.toLowerCase();
}

export function isValidHelperName(name: string): boolean {
  return HELPER_NAME.test(name);
}

/** A config file's problem as the finding's message and its English (the `problem` string readers log). */
export function problemFields(text: Message): { problem: string; problemText: Message } {
  return { problem: renderMessage(text), problemText: text };
}

function empty(dir: string, file: string, state: DockerConfigState, problem?: string | Message): DockerConfig {
  const text = typeof problem === 'string' ? verbatim(problem) : problem;
  return { dir, file, state, problem: text && renderMessage(text), problemText: text, auths: new Map(), credHelpers: {}, warnings: [] };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function optionalString(obj: Record<string, unknown>, key: string, where: string, warnings: string[]): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  warnings.push(`${where}.${key} is not a string; ignored.`);
  return undefined;
}

/** Decode one `auths` entry the way the docker CLI does (auth = base64 "user:password"). */
export function decodeAuthEntry(key: string, raw: unknown): StoredAuth {
  if (!isRecord(raw)) return { key, identityToken: false, problem: 'the entry is not an object' };
  const entry: StoredAuth = { key, identityToken: false };
  const auth = raw.auth;
  if (typeof auth === 'string' && auth.length > 0) {
    const clean = auth.trim();
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
      entry.problem = 'its "auth" value is not valid base64 (docker says "invalid auth configuration file")';
    } else {
      const decoded = Buffer.from(clean, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon <= 0) entry.problem = 'its "auth" value does not decode to "user:password"';
      else {
        entry.username = decoded.slice(0, colon);
        entry.secret = decoded.slice(colon + 1);
      }
    }
  } else if (auth !== undefined && typeof auth !== 'string') {
    entry.problem = 'its "auth" value is not a string';
  } else {
    // Older files carry username/password in clear.
    if (typeof raw.username === 'string' && raw.username) entry.username = raw.username;
    if (typeof raw.password === 'string' && raw.password) entry.secret = raw.password;
  }
  const idt = raw.identitytoken;
  if (typeof idt === 'string' && idt) {
    entry.secret = idt;
    entry.identityToken = true;
  }
  return entry;
}

function jsonErrorWhere(text: string, e: unknown): string {
  const pos = /position (\d+)/.exec(e instanceof Error ? e.message : '')?.[1];
  if (pos === undefined) return /end of JSON input/i.test(e instanceof Error ? e.message : '') ? 'it ends too early' : 'not JSON';
  const before = text.slice(0, Number(pos));
  const line = before.split('\n').length;
  return `error at line ${line}, column ${Number(pos) - before.lastIndexOf('\n')}`;
}

/** Parse config.json text. Never throws. */
export function parseDockerConfig(text: string, dir: string, file = path.join(dir, 'config.json')): DockerConfig {
  let json: unknown;
  const stripped = text.replace(/^\uFEFF/, '');
  if (!stripped.trim()) return { ...empty(dir, file, 'ok'), warnings: ['the file is empty'] };
  try {
    json = JSON.parse(stripped);
  } catch (e) {
    // Node's JSON.parse message quotes the text around the error ("Unexpected token 'Y', ...\"auth\": YWRt\"..."),
    // which in this file is a password: keep only where it broke (line and column), never what was there.
    const reason = jsonErrorWhere(stripped, e);
    return empty(dir, file, 'malformed', msg('{file} is not valid JSON ({reason}); docker itself will fail to read it. Fix or remove the file, then run docker login again.', { file, reason }));
  }
  if (!isRecord(json)) {
    return empty(dir, file, 'malformed', `${file} does not hold a JSON object; docker itself will fail to read it. Fix or remove the file.`);
  }
  const cfg = empty(dir, file, 'ok');
  const warnings = cfg.warnings;
  if (json.auths !== undefined) {
    if (!isRecord(json.auths)) warnings.push('"auths" is not an object; ignored.');
    else {
      for (const [key, raw] of Object.entries(json.auths)) {
        const host = authKeyHost(key);
        if (!host) continue;
        const entry = decodeAuthEntry(key, raw);
        // An exact host key wins over a URL-style key for the same host (Docker looks up the
        // exact key first).
        const prev = cfg.auths.get(host);
        if (!prev || key.toLowerCase() === host) cfg.auths.set(host, entry);
      }
    }
  }
  const store = optionalString(json, 'credsStore', 'config', warnings);
  if (store !== undefined && store !== '') {
    if (isValidHelperName(store)) cfg.credsStore = store;
    else warnings.push(`"credsStore" names "${store.slice(0, 60)}", which is not a credential helper name; ignored.`);
  }
  if (json.credHelpers !== undefined) {
    if (!isRecord(json.credHelpers)) warnings.push('"credHelpers" is not an object; ignored.');
    else {
      for (const [host, helper] of Object.entries(json.credHelpers)) {
        if (typeof helper !== 'string' || !isValidHelperName(helper)) {
          warnings.push(`credHelpers["${host.slice(0, 100)}"] is not a credential helper name; ignored.`);
          continue;
        }
        cfg.credHelpers[authKeyHost(host)] = helper;
      }
    }
  }
  if (json.proxies !== undefined) {
    if (!isRecord(json.proxies)) warnings.push('"proxies" is not an object; ignored.');
    else if (json.proxies.default !== undefined) {
      const d = json.proxies.default;
      if (!isRecord(d)) warnings.push('"proxies.default" is not an object; ignored.');
      else {
        cfg.proxies = {
          httpProxy: optionalString(d, 'httpProxy', 'proxies.default', warnings),
          httpsProxy: optionalString(d, 'httpsProxy', 'proxies.default', warnings),
          noProxy: optionalString(d, 'noProxy', 'proxies.default', warnings),
        };
      }
    }
  }
  cfg.currentContext = optionalString(json, 'currentContext', 'config', warnings) || undefined;
  return cfg;
}

/** Read `<dir>/config.json`. Never throws. */
export async function readDockerConfig(dir: string): Promise<DockerConfig> {
  const file = path.join(dir, 'config.json');
  let text: string;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) return empty(dir, file, 'unreadable', `${file} is a directory, not a file. Remove it and run docker login again.`);
    if (st.size > MAX_CONFIG_BYTES) return empty(dir, file, 'malformed', `${file} is ${st.size} bytes, far larger than a Docker config file; check what wrote it.`);
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return empty(dir, file, 'missing', `${file} does not exist (no docker login has been done with this configuration directory).`);
    if (code === 'ENOTDIR') return empty(dir, file, 'unreadable', `${dir} is not a directory; DOCKER_CONFIG must name a directory.`);
    return empty(dir, file, 'unreadable', `${file} cannot be read (${code ?? 'error'}); check its permissions.`);
  }
  return parseDockerConfig(text, dir, file);
}

/** Where Docker would look for this host's credential. */
export type CredentialSource =
  | { kind: 'helper'; helper: string; via: 'credHelpers' | 'credsStore' }
  | { kind: 'file'; entry: StoredAuth }
  | { kind: 'none' };

/** Docker's order: credHelpers[host], then credsStore, then the file's auths. */
export function credentialSourceFor(cfg: DockerConfig, host: string): CredentialSource {
  const h = host.toLowerCase();
  const helper = cfg.credHelpers[h];
  if (helper) return { kind: 'helper', helper, via: 'credHelpers' };
  if (cfg.credsStore) return { kind: 'helper', helper: cfg.credsStore, via: 'credsStore' };
  const entry = cfg.auths.get(h);
  if (entry && (entry.secret || entry.problem)) return { kind: 'file', entry };
  return { kind: 'none' };
}
