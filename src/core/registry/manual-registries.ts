// Registries the user added by name (no Azure account needed): a list of login servers kept in
// settings. Parsing goes through parseRegistryInput so the tree, the CLI and the diagnosis agree
// on what a valid ACR login server is.
import { parseRegistryInput, RegistryInputError, type CloudSuffix } from './target';

export interface ManualRegistryList {
  /** Normalised, de-duplicated login servers in the order the user added them. */
  loginServers: string[];
  /** Entries that could not be read, with the reason (shown, never silently dropped). */
  invalid: { entry: string; reason: string }[];
}

/** Reads the raw setting value (anything: the settings file may be hand-edited). */
export function readManualRegistries(raw: unknown, defaultSuffix?: CloudSuffix): ManualRegistryList {
  const result: ManualRegistryList = { loginServers: [], invalid: [] };
  if (raw === undefined || raw === null) return result;
  if (!Array.isArray(raw)) {
    result.invalid.push({ entry: describe(raw).slice(0, 200), reason: 'the setting must be a list of login servers' });
    return result;
  }
  for (const entry of raw) {
    if (typeof entry !== 'string') {
      result.invalid.push({ entry: describe(entry).slice(0, 200), reason: 'not text' });
      continue;
    }
    try {
      const target = parseRegistryInput(entry, defaultSuffix);
      if (!result.loginServers.includes(target.loginServer)) result.loginServers.push(target.loginServer);
    } catch (err) {
      result.invalid.push({ entry: entry.slice(0, 200), reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}

export type AddResult =
  | { ok: true; loginServer: string; list: string[] }
  | { ok: false; loginServer?: string; reason: 'invalid' | 'duplicate'; message: string };

/** Adds what the user typed (name or login server) to the stored list. */
export function addManualRegistry(current: unknown, input: string, defaultSuffix?: CloudSuffix): AddResult {
  let loginServer: string;
  try {
    loginServer = parseRegistryInput(input, defaultSuffix).loginServer;
  } catch (err) {
    const message = err instanceof RegistryInputError ? err.message : String(err);
    return { ok: false, reason: 'invalid', message };
  }
  const existing = readManualRegistries(current, defaultSuffix).loginServers;
  if (existing.includes(loginServer)) {
    return { ok: false, loginServer, reason: 'duplicate', message: `${loginServer} is already in the list.` };
  }
  return { ok: true, loginServer, list: [...rawEntries(current), loginServer] };
}

/** Removes a login server; entries that do not parse are kept (the user may want to fix them). */
export function removeManualRegistry(current: unknown, loginServer: string, defaultSuffix?: CloudSuffix): string[] {
  const wanted = loginServer.trim().toLowerCase();
  return rawEntries(current).filter((entry) => {
    try {
      return parseRegistryInput(entry, defaultSuffix).loginServer !== wanted;
    } catch {
      return entry.trim().toLowerCase() !== wanted;
    }
  });
}

function rawEntries(current: unknown): string[] {
  return Array.isArray(current) ? current.filter((e): e is string => typeof e === 'string') : [];
}

/** Any value as text for a message. Not String(v): an object whose toString is not a function throws. */
function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
