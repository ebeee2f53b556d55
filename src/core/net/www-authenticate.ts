// Parse a Www-Authenticate header (RFC 7235): scheme + auth-params, quoted strings with
// escapes. Hostile input (unterminated quotes, huge headers, duplicate keys) never throws.

export interface Challenge {
  /** Lower-case scheme, e.g. 'bearer', 'basic'. */
  scheme: string;
  /** Lower-case parameter names; the first value wins on duplicates. */
  params: Record<string, string>;
}

const MAX_HEADER = 8 * 1024;

export function parseWwwAuthenticate(header: string | string[] | undefined): Challenge[] {
  if (header === undefined) return [];
  const text = (Array.isArray(header) ? header.join(', ') : String(header)).slice(0, MAX_HEADER);
  const challenges: Challenge[] = [];
  let i = 0;
  const n = text.length;
  const skipWs = () => { while (i < n && (text[i] === ' ' || text[i] === '\t')) i++; };
  const token = () => { const s = i; while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(text[i])) i++; return text.slice(s, i); };
  let current: Challenge | undefined;
  while (i < n) {
    skipWs();
    if (text[i] === ',') { i++; continue; }
    const name = token();
    if (!name) { i++; continue; } // garbage character: skip it
    skipWs();
    if (text[i] === '=' && current) {
      // auth-param: name=value (token or quoted string). token68 ("abc==") is treated as a param-less value.
      i++;
      skipWs();
      let value = '';
      if (text[i] === '"') {
        i++;
        while (i < n && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < n) i++;
          value += text[i];
          i++;
        }
        i++; // closing quote (or end)
      } else {
        // Lenient like Docker: an unquoted value runs to the next comma or space.
        const s = i; while (i < n && text[i] !== ',' && text[i] !== ' ' && text[i] !== '\t') i++; value = text.slice(s, i);
      }
      const key = name.toLowerCase();
      if (!(key in current.params)) current.params[key] = value;
      continue;
    }
    // A new scheme starts (a token not followed by '=').
    current = { scheme: name.toLowerCase(), params: Object.create(null) as Record<string, string> };
    challenges.push(current);
    // token68 after the scheme, e.g. "Negotiate abc==": consume it so it is not read as a param.
    skipWs();
    const t68 = /^[A-Za-z0-9\-._~+/]+=+(?=\s*(,|$))/.exec(text.slice(i));
    if (t68) i += t68[0].length;
  }
  return challenges;
}

export interface BearerChallenge {
  realm: string;
  service?: string;
  scope?: string;
  error?: string;
}

/** The Bearer challenge with a realm, if any. */
export function bearerChallenge(header: string | string[] | undefined): BearerChallenge | undefined {
  const c = parseWwwAuthenticate(header).find((x) => x.scheme === 'bearer' && x.params.realm);
  if (!c) return undefined;
  return { realm: c.params.realm, service: c.params.service, scope: c.params.scope, error: c.params.error };
}

/**
 * Is it safe to send credentials to this realm? Only https on the registry's own login server
 * (ACR's realm is https://<login>/oauth2/token); anything else could harvest a token.
 */
export function realmIsTrusted(realm: string, loginServer: string): { ok: boolean; reason?: string; host?: string } {
  let url: URL;
  try { url = new URL(realm); } catch { return { ok: false, reason: 'the realm is not a URL' }; }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:') return { ok: false, host, reason: `the realm uses ${url.protocol} instead of https:` };
  if (url.username || url.password) return { ok: false, host, reason: 'the realm URL carries user info' };
  if (host !== loginServer.toLowerCase()) return { ok: false, host, reason: `the realm host ${host} is not the login server ${loginServer}` };
  if (url.port && url.port !== '443') return { ok: false, host, reason: `the realm uses port ${url.port}` };
  return { ok: true, host };
}
