// One leg of the critical path, measured bare in a fresh process (fresh connections, nothing else
// running) with the client environment (the sandbox CA via NODE_EXTRA_CA_CERTS, which the Entra
// SDK only honours from the process start). Prints {"ms": …} on stdout.
//   node --import tsx bench/critical-path-child.ts <login|data|entra|arm|signin> '<json>'
import * as fs from 'node:fs';
import { ClientSecretCredential } from '@azure/identity';
import { resolveHost } from '../src/core/net/dns';
import { tcpConnect } from '../src/core/net/tcp';
import { httpRequest } from '../src/core/net/http';

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
const credential = () => new ClientSecretCredential(a.tenantId, a.clientId, a.clientSecret, { authorityHost: a.authorityHost, disableInstanceDiscovery: true, additionallyAllowedTenants: ['*'] });

async function run(): Promise<{ ms: number; ok: boolean }> {
  const t0 = performance.now();
  switch (leg) {
    case 'login': { const ms = await chain(a.loginServer, '/v2/'); return { ms, ok: ms < a.tlsDeadlineMs }; }
    case 'data': return a.dataHost ? { ms: await chain(a.dataHost, '/'), ok: true } : { ms: 0, ok: true };
    case 'entra': { const tok = await credential().getToken('https://management.azure.com/.default'); return { ms: performance.now() - t0, ok: !!tok }; }
    case 'arm': {
      const tok = await credential().getToken('https://management.azure.com/.default');
      const r = await httpRequest({ url: `${a.armEndpoint}/subscriptions/${a.subscriptionId}/providers/Microsoft.ContainerRegistry/registries?api-version=2023-07-01`, timeoutMs: 10_000, extraCaPem, headers: { authorization: `Bearer ${tok?.token}` } });
      return { ms: performance.now() - t0, ok: r.status === 200 };
    }
    case 'signin': {
      // What "login works" (login.credentials.aad) cannot avoid: the /v2/ challenge and the Entra
      // token side by side, then POST /oauth2/exchange, then POST /oauth2/token.
      const [reached, tok] = await Promise.all([chain(a.loginServer, '/v2/'), credential().getToken('https://management.azure.com/.default')]);
      if (reached >= a.tlsDeadlineMs || !tok) return { ms: performance.now() - t0, ok: false };
      const post = (pathname: string, body: Record<string, string>) => httpRequest({
        url: `https://${a.loginServer}${pathname}`, method: 'POST', timeoutMs: 10_000, extraCaPem,
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString(),
      });
      const ex = await post('/oauth2/exchange', { grant_type: 'access_token', service: a.loginServer, tenant: a.tenantId, access_token: tok.token });
      const refresh = ex.json<{ refresh_token?: string }>()?.refresh_token;
      const t = refresh ? await post('/oauth2/token', { grant_type: 'refresh_token', service: a.loginServer, scope: 'registry:catalog:*', refresh_token: refresh }) : undefined;
      return { ms: performance.now() - t0, ok: t?.status === 200 };
    }
    default: throw new Error(`unknown leg '${leg}' (login, data, entra, arm, signin)`);
  }
}

run().then((r) => { process.stdout.write(JSON.stringify(r)); process.exit(0); },
  (e) => { process.stdout.write(JSON.stringify({ ms: NaN, ok: false, error: String((e as Error)?.message ?? e).slice(0, 200) })); process.exit(0); });
