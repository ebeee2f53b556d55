// Values that go into a copy-only or runnable fix command come from the network (a redirect's host,
// a proxy setting, ARM names): host and address parameters must match a strict pattern, and every
// value is quoted for the shell where it stands in the template (outside quotes, inside '…' or "…").
// Hand-written: shell-quote and friends quote a whole argument, not a value inside a quoted template.
import { isIP } from 'node:net';

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOST = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*\\.?$`);
const CIDR = /^([^/]+)\/(\d{1,3})$/;
// Azure service tags (AzureContainerRegistry, AzureContainerRegistry.WestEurope, VirtualNetwork, Internet).
const SERVICE_TAG = /^[A-Za-z][A-Za-z0-9]{1,63}(\.[A-Za-z0-9]{1,63})?$/;

const isHost = (v: string) => HOST.test(v);
const isAddress = (v: string) => isIP(v) !== 0;
const isCidr = (v: string) => { const m = CIDR.exec(v); return !!m && isIP(m[1]) !== 0 && Number(m[2]) <= (isIP(m[1]) === 4 ? 32 : 128); };
const isPrefix = (v: string) => isAddress(v) || isCidr(v) || SERVICE_TAG.test(v);
const listOf = (item: (v: string) => boolean, sep: string) => (v: string) => v.length <= 4000 && v.split(sep).every((x) => x !== '' && item(x));
const hostPort = (v: string) => {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(v);
  return !!m && (m[2] === undefined || Number(m[2]) <= 65535) && (m[1].startsWith('[') ? isIP(m[1].slice(1, -1)) === 6 : isHost(m[1]) || isAddress(m[1]));
};
// A proxy as ProxyEndpoint.display shows it: scheme, "***@" for a password, host[:port].
const isProxy = (v: string) => { const m = /^https?:\/\/(?:\*\*\*@)?(.+)$/.exec(v); return !!m && hostPort(m[1]); };
// NO_PROXY entries as Go reads them: host, .suffix, *.suffix, IP, CIDR, each with an optional :port.
const isNoProxyEntry = (v: string) => isCidr(v) || isAddress(v) || hostPort(v.replace(/^\*?\./, ''));

/** The strict pattern of each host or address parameter of the fix templates. */
export const FIX_VALUE_RULES: Readonly<Record<string, (v: string) => boolean>> = {
  loginServer: isHost, suggestedLoginServer: isHost, dataEndpoint: isHost,
  clientIp: isAddress, privateIp: isAddress, resolvedIp: isAddress, firewallIp: isAddress,
  blockedFqdns: listOf((x) => isHost(x.replace(/^\*\./, '')), ' '),
  sourcePrefix: listOf(isPrefix, ' '), destinationPrefix: listOf(isPrefix, ' '),
  proxy: isProxy, noProxy: listOf(isNoProxyEntry, ','),
};

/** Parameters that are lists of separate shell words (each quoted on its own). */
const WORD_LISTS = new Set(['blockedFqdns', 'sourcePrefix', 'destinationPrefix']);

/** Does `value` pass the pattern of parameter `key` (a parameter without one always does)? */
export function fixValueValid(key: string, value: string): boolean {
  const rule = FIX_VALUE_RULES[key];
  return !rule || rule(value);
}

// Characters no POSIX shell treats specially in an unquoted word (no ~ or = at word start either).
const SAFE_WORD = /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+:,./=-]*$/;

/** `v` as one shell word: as is when it is a plain safe token, else in single quotes. */
export function shellWord(v: string): string {
  return SAFE_WORD.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

type Quoting = 'none' | 'single' | 'double';

/** `value` written where the template stands in `quoting`. */
function quoted(key: string, value: string, quoting: Quoting): string {
  if (quoting === 'single') return value.replace(/'/g, `'\\''`);
  if (quoting === 'double') return value.replace(/["\\$`]/g, '\\$&');
  return WORD_LISTS.has(key) ? value.split(' ').map(shellWord).join(' ') : shellWord(value);
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/y;

/**
 * Fills `{name}` placeholders of a command template, each value quoted for its place in the shell
 * text; undefined when a value is missing or fails its pattern.
 */
export function fillCommand(template: string, params: Readonly<Record<string, string>>): string | undefined {
  let out = '';
  let quoting: Quoting = 'none';
  for (let i = 0; i < template.length;) {
    PLACEHOLDER.lastIndex = i;
    const m = PLACEHOLDER.exec(template);
    if (m) {
      const v = params[m[1]];
      if (v === undefined || v === '' || !fixValueValid(m[1], v)) return undefined;
      out += quoted(m[1], v, quoting);
      i += m[0].length;
      continue;
    }
    const c = template[i];
    if (c === '\\' && quoting !== 'single') { out += template.slice(i, i + 2); i += 2; continue; }
    if (c === "'" && quoting !== 'double') quoting = quoting === 'single' ? 'none' : 'single';
    else if (c === '"' && quoting !== 'single') quoting = quoting === 'double' ? 'none' : 'double';
    out += c;
    i++;
  }
  return out;
}
