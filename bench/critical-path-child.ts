// One leg of the critical path, measured bare in a fresh process (nothing else running) with the
// client environment (the sandbox CA via NODE_EXTRA_CA_CERTS, which the Entra SDK only honours from
// the process start). Prints {"ms": …} on stdout. A probe dials its own connection; the requests
// after it (token chain, catalog, manifest, blob; ARM after the token) ride one connection opened
// while the first answer is on its way, as the least a diagnosis must wait for.
//   node --import tsx bench/critical-path-child.ts <login|data|entra|arm|signin|pull> '<json>'
import * as fs from 'node:fs';
import { ClientSecretCredential } from '@azure/identity';
import { resolveHost } from '../src/core/net/dns';
import { tcpConnect } from '../src/core/net/tcp';
import { httpRequest, warmKeepAlive, type HttpResponse } from '../src/core/net/http';
import { KeepAlivePool } from '../src/core/net/keep-alive';

interface Args { loginServer: string; dataHost?: string; tenantId: string; clientId: string; clientSecret: string; authorityHost: string; armEndpoint: string; subscriptionId: string; tlsDeadlineMs: number }
const [leg, raw] = process.argv.slice(2);
const a = JSON.parse(raw ?? '{}') as Args;
const extraCaPem = process.env.NODE_EXTRA_CA_CERTS ? [fs.readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8')] : [];

/** DNS → TCP → TLS → GET, as the network checks walk it; a black hole costs the TLS deadline. */
async function chain(host: string, pathname: string): Promise<number> {
  const t0 = performance.now();
  const signal = AbortSignal.timeout(a.tlsDeadlineMs + 2000);
  try {
    const r = await resolveHost(host, undefined, signal);
    const c = await tcpConnect(r.addresses[0]!, 443, signal); c.socket.destroy();
    await httpRequest({ url: `https://${host}${pathname}`, timeoutMs: a.tlsDeadlineMs, extraCaPem });
    return performance.now() - t0;
  } catch (e) {
    return (e as { kind?: string })?.kind === 'timeout' ? Math.max(performance.now() - t0, a.tlsDeadlineMs) : performance.now() - t0;
  }
}
const pool = new KeepAlivePool();

/** A probe's GET, its own DNS → TCP → TLS (what net.data-endpoints and the blob check's data endpoint GET do). */
async function probe(url: string, headers?: Record<string, string>): Promise<HttpResponse> {
  return httpRequest({ url, timeoutMs: a.tlsDeadlineMs, extraCaPem, headers });
}

const credential = () => new ClientSecretCredential(a.tenantId, a.clientId, a.clientSecret, { authorityHost: a.authorityHost, disableInstanceDiscovery: true, additionallyAllowedTenants: ['*'] });

const post = (pathname: string, body: Record<string, string>) => httpRequest({
  url: `https://${a.loginServer}${pathname}`, method: 'POST', timeoutMs: 10_000, extraCaPem, keepAlive: pool,
  headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString(),
});

/**
 * What "login works" (login.credentials.aad) cannot avoid: the /v2/ challenge and the Entra token
 * side by side (the token chain's connection opening meanwhile), then POST /oauth2/exchange, then
 * POST /oauth2/token. undefined when a step failed.
 */
async function signIn(): Promise<{ refresh: string; catalogToken: string } | undefined> {
  warmKeepAlive({ url: `https://${a.loginServer}/`, extraCaPem, keepAlive: pool });
  const [reached, tok] = await Promise.all([chain(a.loginServer, '/v2/'), credential().getToken('https://management.azure.com/.default')]);
  if (reached >= a.tlsDeadlineMs || !tok) return undefined;
  const ex = await post('/oauth2/exchange', { grant_type: 'access_token', service: a.loginServer, tenant: a.tenantId, access_token: tok.token });
  const refresh = ex.json<{ refresh_token?: string }>()?.refresh_token;
  const t = refresh ? await post('/oauth2/token', { grant_type: 'refresh_token', service: a.loginServer, scope: 'registry:catalog:*', refresh_token: refresh }) : undefined;
  const catalogToken = t?.status === 200 ? t.json<{ access_token?: string }>()?.access_token : undefined;
  return refresh && catalogToken ? { refresh, catalogToken } : undefined;
}

/**
 * Runs the code a leg runs (the Entra SDK's token request, httpRequest) once against a refused
 * local port before the clock starts: a leg's figure is then its requests, not this fresh tsx
 * process compiling MSAL and the pipeline on first use (hundreds of ms on `near`, more than the leg's
 * round trips), which the CLI, run from its code cache, does not pay. Nothing reaches a relay.
 */
async function warmUp(): Promise<void> {
  const refused = 'https://127.0.0.1:9';
  const cold = new ClientSecretCredential(a.tenantId, a.clientId, a.clientSecret, { authorityHost: refused, disableInstanceDiscovery: true, retryOptions: { maxRetries: 0 } });
  await cold.getToken('https://management.azure.com/.default').catch(() => undefined);
  await httpRequest({ url: `${refused}/`, timeoutMs: 2000, extraCaPem }).catch(() => undefined);
}

async function run(): Promise<{ ms: number; ok: boolean }> {
  await warmUp();
  const t0 = performance.now();
  switch (leg) {
    case 'login': { const ms = await chain(a.loginServer, '/v2/'); return { ms, ok: ms < a.tlsDeadlineMs }; }
    case 'data': return a.dataHost ? { ms: await chain(a.dataHost, '/'), ok: true } : { ms: 0, ok: true };
    case 'entra': { const tok = await credential().getToken('https://management.azure.com/.default'); return { ms: performance.now() - t0, ok: !!tok }; }
    case 'arm': {
      // The token, then the registry's ARM read on a connection opened beside the token request,
      // then its data endpoint (which ARM names), probed on its own connection.
      warmKeepAlive({ url: `${a.armEndpoint}/`, extraCaPem, keepAlive: pool });
      const tok = await credential().getToken('https://management.azure.com/.default');
      const r = await httpRequest({ url: `${a.armEndpoint}/subscriptions/${a.subscriptionId}/providers/Microsoft.ContainerRegistry/registries?api-version=2023-07-01`, timeoutMs: 10_000, extraCaPem, keepAlive: pool, headers: { authorization: `Bearer ${tok?.token}` } });
      if (a.dataHost) await probe(`https://${a.dataHost}/`).catch(() => undefined);
      return { ms: performance.now() - t0, ok: r.status === 200 };
    }
    case 'signin': {
      const s = await signIn();
      return { ms: performance.now() - t0, ok: !!s };
    }
    case 'pull': {
      // A healthy registry diagnosis also follows one layer to its data endpoint (net.blob-redirect):
      // after the sign-in, the catalog, a pull token for its first repository, its tags, a manifest,
      // the blob's 307, and the data endpoint's GET on a connection of its own.
      const s = await signIn();
      if (!s) return { ms: performance.now() - t0, ok: false };
      const get = (pathname: string, token: string, headers: Record<string, string> = {}) => httpRequest({ url: `https://${a.loginServer}${pathname}`, timeoutMs: 10_000, extraCaPem, keepAlive: pool, headers: { authorization: `Bearer ${token}`, ...headers } });
      const repo = (await get('/v2/_catalog', s.catalogToken)).json<{ repositories?: string[] }>()?.repositories?.[0];
      if (!repo) return { ms: performance.now() - t0, ok: false };
      const pull = (await post('/oauth2/token', { grant_type: 'refresh_token', service: a.loginServer, scope: `repository:${repo}:pull`, refresh_token: s.refresh })).json<{ access_token?: string }>()?.access_token ?? '';
      const tag = (await get(`/v2/${repo}/tags/list`, pull)).json<{ tags?: string[] }>()?.tags?.[0];
      if (!tag) return { ms: performance.now() - t0, ok: false };
      const accept = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.index.v1+json';
      type Manifest = { config?: { digest?: string }; layers?: { digest?: string; size?: number }[]; manifests?: { digest?: string }[] };
      let m = (await get(`/v2/${repo}/manifests/${tag}`, pull, { accept })).json<Manifest>();
      if (m?.manifests?.[0]?.digest) m = (await get(`/v2/${repo}/manifests/${m.manifests[0].digest}`, pull, { accept })).json<Manifest>();
      const digest = [...(m?.layers ?? [])].sort((x, y) => (x.size ?? Infinity) - (y.size ?? Infinity))[0]?.digest ?? m?.config?.digest;
      if (!digest) return { ms: performance.now() - t0, ok: false };
      const blob = await get(`/v2/${repo}/blobs/${digest}`, pull, { range: 'bytes=0-0' });
      const to = blob.location();
      if (blob.status === 307 && to) await probe(to, { range: 'bytes=0-0' });
      return { ms: performance.now() - t0, ok: blob.status === 307 || blob.status === 200 || blob.status === 206 };
    }
    default: throw new Error(`unknown leg '${leg}' (login, data, entra, arm, signin, pull)`);
  }
}

run().then((r) => { pool.close(); process.stdout.write(JSON.stringify(r)); process.exit(0); },
  (e) => { process.stdout.write(JSON.stringify({ ms: NaN, ok: false, error: String((e as Error)?.message ?? e).slice(0, 200) })); process.exit(0); });
