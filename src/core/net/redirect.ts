// Blob redirects: GET /v2/<repo>/blobs/<digest> answers 307 to a data endpoint
// (<registry>.<region>.data.azurecr.io, or *.blob.core.windows.net without dedicated endpoints).
// The target is a host the client's firewall must allow too.

export interface RedirectTarget {
  url: string;
  host: string;
  /** 'data-endpoint' for <registry>.<region>.data.azurecr.* hosts. */
  kind: 'data-endpoint' | 'blob-storage' | 'other';
  /** Region parsed from a data endpoint host. */
  region?: string;
  /** URL without query (the signature) for display. */
  display: string;
}

const DATA_ENDPOINT = /^([a-z0-9]{5,50})\.([a-z0-9-]{2,40})\.data\.(azurecr\.(?:io|cn|us))$/;

export function parseDataEndpointHost(host: string): { registry: string; region: string; suffix: string } | undefined {
  const m = DATA_ENDPOINT.exec(host.toLowerCase());
  return m ? { registry: m[1], region: m[2], suffix: m[3] } : undefined;
}

export function dataEndpointHost(registry: string, region: string, suffix = 'azurecr.io'): string {
  return `${registry.toLowerCase()}.${region.toLowerCase().replace(/\s+/g, '')}.data.${suffix}`;
}

/** Parse a redirect's Location against the request URL; undefined for a missing or unusable one. */
export function parseRedirect(status: number, location: string | string[] | undefined, base: string): RedirectTarget | undefined {
  if (![301, 302, 303, 307, 308].includes(status) || location === undefined) return undefined;
  const raw = Array.isArray(location) ? location[0] : location;
  if (typeof raw !== 'string' || raw.length > 16 * 1024) return undefined;
  let url: URL;
  try { url = new URL(raw.trim(), base); } catch { return undefined; }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  const de = parseDataEndpointHost(host);
  const kind = de ? 'data-endpoint' : /\.blob\.core\.(windows\.net|chinacloudapi\.cn|usgovcloudapi\.net)$/.test(host) ? 'blob-storage' : 'other';
  return { url: url.toString(), host, kind, region: de?.region, display: `${url.protocol}//${url.host}${url.pathname}` };
}
