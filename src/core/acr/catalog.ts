// What a registry holds, as the identity sees it: repositories (GET /v2/_catalog) and a
// repository's tags (GET /v2/<repo>/tags/list), a page at a time through the Link header, with a
// bearer token from the ACR token flow (Entra sign-in: exchange → token; a password: Basic).
// Bounded: pages of at most 1000 names, at most `maxPages` pages per call, 1 MiB per answer.
import { httpRequest, type HttpResponse } from '../net/http';
import { parseRepository, parseTag } from '../registry/image-reference';
import {
  accessTokenFromRefresh, accessTokenWithPassword, errorReason, exchangeAadToken, fetchChallenge,
  type AcrNet, type StepFailure,
} from './token-flow';

/** Who lists: an Entra access token (exchanged for a registry token) or a user name and password. */
export type CatalogAuth =
  | { kind: 'aad'; aadToken: string; tenant?: string }
  | { kind: 'password'; username: string; password: string }
  /** An ACR refresh token (docker's identity token from az acr login). */
  | { kind: 'refresh'; refreshToken: string };

export type CatalogErrorKind = 'denied' | 'unauthorized' | 'network' | 'garbage' | 'not-found' | 'server';

export class CatalogError extends Error {
  constructor(readonly kind: CatalogErrorKind, message: string, readonly status?: number) {
    super(message);
    this.name = 'CatalogError';
  }
}

export interface CatalogPage {
  items: string[];
  /** Pass as `after` to get the next page; undefined when this was the last. */
  next?: string;
  /** Names the registry sent that are not valid repository names or tags (left out). */
  skipped: number;
}

export interface CatalogOptions {
  /** Names per page (1–1000, default 100). */
  pageSize?: number;
  /** Continue after this cursor (a `next` of an earlier page). */
  after?: string;
  /** Follow at most this many pages (default 1, at most 50). */
  maxPages?: number;
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_PAGE_SIZE = 1000;
const MAX_PAGES = 50;

/** One bearer token per scope, reused for every page of a listing. */
async function bearerFor(net: AcrNet, auth: CatalogAuth, scope: string): Promise<string> {
  const ch = await fetchChallenge(net);
  if (!ch.ok) throw stepError(ch);
  if (auth.kind === 'password') {
    const t = await accessTokenWithPassword(net, ch.tokenUrl, auth.username, auth.password, scope);
    if (!t.ok) throw stepError(t);
    return t.accessToken;
  }
  let refreshToken: string;
  if (auth.kind === 'refresh') refreshToken = auth.refreshToken;
  else {
    const exchanged = await exchangeAadToken(net, ch.tokenUrl, auth.aadToken, auth.tenant);
    if (!exchanged.ok) throw stepError(exchanged);
    refreshToken = exchanged.refreshToken;
  }
  const t = await accessTokenFromRefresh(net, ch.tokenUrl, refreshToken, scope);
  if (!t.ok) throw stepError(t);
  return t.accessToken;
}

function stepError(f: StepFailure): CatalogError {
  if (f.netError) return new CatalogError('network', `Cannot reach ${f.step === 'challenge' ? 'the registry' : 'the registry\'s token service'}: ${f.reason}`);
  if (f.status === 401) return new CatalogError('unauthorized', `The registry refused the sign-in (${f.step}, 401): ${f.reason}`, 401);
  if (f.status === 403) return new CatalogError('denied', `The registry refused the sign-in (${f.step}, 403): ${f.reason}`, 403);
  return new CatalogError(f.status && f.status >= 500 ? 'server' : 'garbage', `The registry's token service failed (${f.step}${f.status ? `, ${f.status}` : ''}): ${f.reason}`, f.status);
}

/** Repositories the identity may see (ACR lists only those it may read). */
export async function listRepositories(net: AcrNet, auth: CatalogAuth, options: CatalogOptions = {}): Promise<CatalogPage> {
  const token = await bearerFor(net, auth, 'registry:catalog:*');
  return listPages(net, token, '/v2/_catalog', 'repositories', options, (n) => { parseRepository(n); });
}

/** Tags of one repository. */
export async function listTags(net: AcrNet, auth: CatalogAuth, repository: string, options: CatalogOptions = {}): Promise<CatalogPage> {
  const repo = parseRepository(repository);
  const token = await bearerFor(net, auth, `repository:${repo}:pull`);
  return listPages(net, token, `/v2/${repo}/tags/list`, 'tags', options, (n) => { parseTag(n); });
}

async function listPages(net: AcrNet, token: string, path: string, field: 'repositories' | 'tags', options: CatalogOptions, check: (name: string) => void): Promise<CatalogPage> {
  const n = clampInt(options.pageSize ?? 100, 1, MAX_PAGE_SIZE);
  const maxPages = clampInt(options.maxPages ?? 1, 1, MAX_PAGES);
  const items: string[] = [];
  let skipped = 0;
  let cursor = options.after;
  for (let page = 0; page < maxPages; page++) {
    const url = new URL(`https://${net.loginServer}${path}`);
    url.searchParams.set('n', String(n));
    if (cursor) url.searchParams.set('last', cursor);
    const res = await get(net, url.toString(), token);
    const names = namesOf(res, field, path);
    for (const name of names) {
      try { check(name); items.push(name); } catch { skipped++; }
    }
    const next = nextCursor(res.headers.link, path);
    // A registry that sends a next link with an empty page (or the same cursor) would loop.
    if (!next || !names.length || next === cursor) return { items, skipped };
    cursor = next;
  }
  return { items, next: cursor, skipped };
}

async function get(net: AcrNet, url: string, token: string): Promise<HttpResponse> {
  let res: HttpResponse;
  try {
    res = await httpRequest({
      url, headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: net.signal, timeoutMs: net.timeoutMs ?? 8000, maxBodyBytes: MAX_BODY_BYTES,
      resolve: net.resolve, proxy: net.proxy, extraCaPem: net.extraCaPem, direct: net.direct, keepAlive: net.keepAlive,
    });
  } catch (e) {
    throw new CatalogError('network', `Cannot reach ${net.loginServer}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (res.status === 200) return res;
  const { code, reason } = errorReason(res);
  const said = code ? `${code}: ${reason}` : reason;
  // A token without the scope's actions is answered 401 insufficient_scope: a permission, not a sign-in, problem.
  if (res.status === 401 && /insufficient_scope/i.test(String(res.headers['www-authenticate'] ?? ''))) {
    throw new CatalogError('denied', `The identity may not list this: its token holds no access to it (401 insufficient_scope, ${said}).`, 401);
  }
  if (res.status === 401) throw new CatalogError('unauthorized', `${net.loginServer} refused the token (401 ${said}).`, 401);
  if (res.status === 403) throw new CatalogError('denied', `The identity may not list this (403 ${said}).`, 403);
  if (res.status === 404) throw new CatalogError('not-found', `${net.loginServer} has no such repository (404 ${said}).`, 404);
  throw new CatalogError(res.status >= 500 ? 'server' : 'garbage', `${net.loginServer} answered ${res.status} (${said}).`, res.status);
}

function namesOf(res: HttpResponse, field: 'repositories' | 'tags', path: string): string[] {
  if (res.truncated) throw new CatalogError('garbage', `The answer to ${path} is larger than ${MAX_BODY_BYTES / 1024} KiB: not a page of names.`);
  const body = res.json<Record<string, unknown>>();
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new CatalogError('garbage', `The answer to ${path} is not JSON: the registry (or a proxy in between) sent something else.`);
  const list = body[field];
  // distribution answers `"tags": null` for a repository without tags.
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) throw new CatalogError('garbage', `The answer to ${path} has no list of ${field}.`);
  return list as string[];
}

/**
 * The `last` of a `Link: </v2/_catalog?last=x&n=100>; rel="next"` header, only when it points at
 * the same listing (a link elsewhere is not followed).
 */
export function nextCursor(link: string | string[] | undefined, path: string): string | undefined {
  const text = Array.isArray(link) ? link.join(', ') : link;
  if (!text || text.length > 4096) return undefined;
  for (const part of text.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!m || !/\brel\s*=\s*"?next"?/i.test(m[2])) continue;
    let url: URL;
    try { url = new URL(m[1], 'https://registry.invalid'); } catch { return undefined; }
    if (url.pathname !== path) return undefined;
    const last = url.searchParams.get('last');
    return last && last.length <= 512 ? last : undefined;
  }
  return undefined;
}

function clampInt(v: number, min: number, max: number): number {
  return Number.isFinite(v) ? Math.min(max, Math.max(min, Math.floor(v))) : min;
}
