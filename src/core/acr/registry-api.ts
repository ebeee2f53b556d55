// The registry's content API, as an image-aware diagnosis reads it with a bearer token: a
// manifest (tag or digest), the repository's tags, ACR's changeable attributes (locks), and a
// push started and cancelled (POST an upload, DELETE it: nothing is written). Every answer is
// reduced to status + the registry's error code; garbage or a hostile body gives undefined fields.
import { httpRequest, type HttpResponse } from '../net/http';
import type { NetOptions } from '../net/connection';
import type { KeepAlivePool } from '../net/keep-alive';
import { errorReason } from './token-flow';
import { shortStr } from '../text/json-guards';

export interface RegistryApi extends NetOptions {
  loginServer: string;
  token: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  keepAlive?: KeepAlivePool;
}

export interface ApiError { status: number; code?: string; reason: string }

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface Platform { os?: string; architecture?: string; variant?: string }

export interface ManifestAnswer {
  ok: true;
  digest?: string;
  mediaType?: string;
  /** An index / manifest list: its entries' platforms and digests. */
  entries?: { digest: string; platform: Platform }[];
  /** An image manifest: its config and layer digests (smallest first is not promised). */
  config?: string;
  layers?: { digest: string; size?: number }[];
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;
const str = (v: unknown): string | undefined => shortStr(v, 200);

function request(api: RegistryApi, path: string, init: { method?: 'GET' | 'HEAD' | 'POST' | 'DELETE'; headers?: Record<string, string>; maxBodyBytes?: number } = {}): Promise<HttpResponse> {
  const url = path.startsWith('https://') ? path : `https://${api.loginServer}${path}`;
  return httpRequest({
    url, method: init.method ?? 'GET', signal: api.signal, timeoutMs: api.timeoutMs ?? 5000, maxBodyBytes: init.maxBodyBytes ?? 256 * 1024,
    resolve: api.resolve, proxy: api.proxy, extraCaPem: api.extraCaPem, keepAlive: api.keepAlive,
    headers: { authorization: `Bearer ${api.token}`, ...(init.headers ?? {}) },
  });
}

function failure(res: HttpResponse): { ok: false } & ApiError {
  const { code, reason } = errorReason(res);
  return { ok: false, status: res.status, code: code?.toUpperCase(), reason };
}

/** `repo` path-escaped part by part (a repository is already checked against the grammar). */
function repoPath(repository: string): string {
  return repository.split('/').map(encodeURIComponent).join('/');
}

/** Parse a manifest or index body (undefined fields for what is not there or not well formed). */
export function parseManifest(body: unknown, mediaTypeHeader?: string, digest?: string): ManifestAnswer {
  const m = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const mediaType = str(m.mediaType) ?? str(mediaTypeHeader?.split(';')[0]?.trim());
  const out: ManifestAnswer = { ok: true, digest: digest && DIGEST.test(digest) ? digest : undefined, mediaType };
  if (Array.isArray(m.manifests)) {
    out.entries = m.manifests.slice(0, 200).flatMap((e) => {
      const o = (e && typeof e === 'object' ? e : {}) as Record<string, unknown>;
      const d = str(o.digest);
      if (!d || !DIGEST.test(d)) return [];
      const p = (o.platform && typeof o.platform === 'object' ? o.platform : {}) as Record<string, unknown>;
      return [{ digest: d, platform: { os: str(p.os), architecture: str(p.architecture), variant: str(p.variant) } }];
    });
  }
  const cfg = (m.config && typeof m.config === 'object' ? m.config : {}) as Record<string, unknown>;
  if (str(cfg.digest) && DIGEST.test(String(cfg.digest))) out.config = String(cfg.digest);
  if (Array.isArray(m.layers)) {
    out.layers = m.layers.slice(0, 500).flatMap((l) => {
      const o = (l && typeof l === 'object' ? l : {}) as Record<string, unknown>;
      const d = str(o.digest);
      return d && DIGEST.test(d) ? [{ digest: d, size: typeof o.size === 'number' ? o.size : undefined }] : [];
    });
  }
  return out;
}

/** GET /v2/<repo>/manifests/<tag|digest>. */
export async function getManifest(api: RegistryApi, repository: string, reference: string): Promise<ManifestAnswer | ({ ok: false } & ApiError)> {
  const res = await request(api, `/v2/${repoPath(repository)}/manifests/${encodeURIComponent(reference)}`, { headers: { accept: MANIFEST_ACCEPT } });
  if (res.status !== 200) return failure(res);
  return parseManifest(res.json(), String(res.headers['content-type'] ?? ''), str(res.headers['docker-content-digest']));
}

/** GET /v2/<repo>/tags/list (up to `max` tags over the Link pages, at most 10 pages). */
export async function listTags(api: RegistryApi, repository: string, max = 1000): Promise<{ ok: true; tags: string[]; complete: boolean } | ({ ok: false } & ApiError)> {
  const tags: string[] = [];
  let next: string | undefined = `/v2/${repoPath(repository)}/tags/list?n=${Math.min(max, 1000)}`;
  for (let page = 0; next && page < 10 && tags.length < max; page++) {
    const res = await request(api, next);
    if (res.status !== 200) return failure(res);
    const body = res.json<{ tags?: unknown }>();
    if (Array.isArray(body?.tags)) for (const t of body.tags) if (typeof t === 'string' && t.length <= 128) tags.push(t);
    // Link: </v2/<repo>/tags/list?n=…&last=…>; rel="next" — only a path on the same server is followed.
    const link = /<(\/v2\/[^>]+)>;\s*rel="?next"?/.exec(String(res.headers.link ?? ''))?.[1];
    next = link;
  }
  return { ok: true, tags: tags.slice(0, max), complete: !next };
}

export interface ChangeableAttributes { writeEnabled?: boolean; deleteEnabled?: boolean; readEnabled?: boolean; listEnabled?: boolean }

/** ACR's GET /acr/v1/<repo> or /acr/v1/<repo>/_tags/<tag>: the lock attributes (undefined when not served). */
export async function changeableAttributes(api: RegistryApi, repository: string, tag?: string): Promise<{ ok: true; attributes: ChangeableAttributes } | ({ ok: false } & ApiError)> {
  const res = await request(api, `/acr/v1/${repoPath(repository)}${tag ? `/_tags/${encodeURIComponent(tag)}` : ''}`);
  if (res.status !== 200) return failure(res);
  const body = res.json<Record<string, unknown>>();
  const raw = (tag ? (body?.tag as Record<string, unknown> | undefined)?.changeableAttributes : body?.changeableAttributes) ?? body?.changeableAttributes;
  const a = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const b = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
  return { ok: true, attributes: { writeEnabled: b(a.writeEnabled), deleteEnabled: b(a.deleteEnabled), readEnabled: b(a.readEnabled), listEnabled: b(a.listEnabled) } };
}

export interface UploadProbe {
  /** POST /v2/<repo>/blobs/uploads/ */
  start: { status: number; code?: string; reason?: string; location?: string };
  /** DELETE <Location>: the upload cancelled (204 expected); absent when none was started. */
  cancel?: { status: number; code?: string; reason?: string };
}

/**
 * Start a blob upload and cancel it at once: proves the token may push to the repository and the
 * registry takes uploads, without writing a blob or a manifest.
 */
export async function probeUpload(api: RegistryApi, repository: string): Promise<UploadProbe> {
  const res = await request(api, `/v2/${repoPath(repository)}/blobs/uploads/`, { method: 'POST', headers: { 'content-length': '0' } });
  const start: UploadProbe['start'] = { status: res.status };
  if (res.status !== 202) {
    const { code, reason } = errorReason(res);
    return { start: { ...start, code: code?.toUpperCase(), reason } };
  }
  const location = res.location();
  // Only an upload URL on the login server itself is cancelled with the token.
  let onLogin = false;
  try { onLogin = !!location && new URL(location).host.toLowerCase() === api.loginServer.toLowerCase(); } catch { /* not a URL */ }
  if (!location || !onLogin) return { start: { ...start, location: location ? '(elsewhere)' : undefined } };
  const del = await request(api, location, { method: 'DELETE' });
  const cancel: UploadProbe['cancel'] = { status: del.status };
  if (del.status >= 300) { const { code, reason } = errorReason(del); cancel.code = code?.toUpperCase(); cancel.reason = reason; }
  return { start: { ...start, location: new URL(location).pathname.replace(/\/uploads\/[^/?]+/, '/uploads/<id>') }, cancel };
}

/** A ranged GET of a blob, not following the redirect: the 307's target is what the caller probes. */
export async function blobRedirect(api: RegistryApi, repository: string, digest: string): Promise<HttpResponse> {
  return request(api, `/v2/${repoPath(repository)}/blobs/${digest}`, { headers: { range: 'bytes=0-0' }, maxBodyBytes: 1 });
}
