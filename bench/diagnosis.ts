// Diagnosis time on the same sandbox world in the same run: acr-doctor (dist/cli.js, as a user runs
// it) vs `az acr check-health -n contoso --ignore-errors --yes` (Debian azure-cli signed in to the
// sandbox's Entra/ARM simulator: test/integration/matrix/az-check-health.ts) vs the critical
// path (the round trips a diagnosis cannot avoid, measured bare: the longest of login server
// DNS → TCP → TLS → GET /v2/ (black hole: the TLS deadline), data endpoint, Entra token → ARM list).
// (Moved here from the engine's scripts/bench.mjs; same measurements.)
import { ClientSecretCredential } from '@azure/identity';
import type { SandboxWorld } from '../sandbox/world';
import { resolveHost } from '../src/core/net/dns';
import { tcpConnect } from '../src/core/net/tcp';
import { httpRequest } from '../src/core/net/http';
import { runProc } from '../test/integration/matrix/fault-matrix';
import { azCheckHealth, azSignIn, azVerdict } from '../test/integration/matrix/az-check-health';
import { fmtMs, median, repoRoot, type Figure } from './figure';
import { shippedCli, type ShippedCli } from './cli-startup';

/** The engine's per-check TLS deadline: what "this host black-holes" costs at the least. */
const TLS_DEADLINE_MS = 3000;

export async function criticalPath(world: SandboxWorld): Promise<{ ms: number; parts: Record<string, number> }> {
  const ca = [world.caPem];
  async function chain(host: string, pathname: string): Promise<number> {
    const t0 = performance.now();
    const signal = AbortSignal.timeout(TLS_DEADLINE_MS + 2000);
    try {
      const r = await resolveHost(host, undefined, signal);
      const c = await tcpConnect(r.addresses[0]!, 443, signal); c.socket.destroy();
      await httpRequest({ url: `https://${host}${pathname}`, extraCaPem: ca, timeoutMs: TLS_DEADLINE_MS });
      return performance.now() - t0;
    } catch (e) {
      return (e as { kind?: string })?.kind === 'timeout' ? Math.max(performance.now() - t0, TLS_DEADLINE_MS) : performance.now() - t0;
    }
  }
  const a = world.azure;
  const credential = () => new ClientSecretCredential(a.tenantId, a.clientId, a.clientSecret, { authorityHost: a.authorityHost, disableInstanceDiscovery: true, additionallyAllowedTenants: ['*'] });
  const login = await chain(world.loginServer, '/v2/');
  const dataHost = Object.keys(world.hosts).find((h) => /\.data\.azurecr\.io$/.test(h) && h.startsWith('contoso.'));
  const data = dataHost ? await chain(dataHost, '/') : 0;
  let arm = 0;
  const t0 = performance.now();
  try {
    const tok = await credential().getToken('https://management.azure.com/.default');
    await httpRequest({ url: `${a.armEndpoint}/subscriptions/${a.subscriptionId}/providers/Microsoft.ContainerRegistry/registries?api-version=2023-07-01`, extraCaPem: ca, timeoutMs: 5000, headers: { authorization: `Bearer ${tok?.token}` } });
  } catch { /* counted as far as it got */ }
  arm = performance.now() - t0;
  // The Entra sign-in to the registry, the round trips `az acr login` makes and the diagnosis must
  // make to say "login works" (login.credentials.aad): the /v2/ challenge (for the realm) and the
  // Entra token side by side, then POST /oauth2/exchange (Entra token → refresh token), then POST
  // /oauth2/token (refresh token → access token). Measured bare, like the other legs: a fresh
  // credential, fresh connections, nothing else running. Black hole: the challenge leg's TLS
  // deadline, and nothing after it (the diagnosis does not sign in without a challenge).
  let signin = 0;
  const t1 = performance.now();
  try {
    const [reached, tok] = await Promise.all([chain(world.loginServer, '/v2/'), credential().getToken('https://management.azure.com/.default')]);
    if (reached < TLS_DEADLINE_MS && tok) {
      const post = (pathname: string, body: Record<string, string>) => httpRequest({
        url: `https://${world.loginServer}${pathname}`, method: 'POST', extraCaPem: ca, timeoutMs: 5000,
        headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString(),
      });
      const ex = await post('/oauth2/exchange', { grant_type: 'access_token', service: world.loginServer, tenant: a.tenantId, access_token: tok.token });
      const refresh = ex.json<{ refresh_token?: string }>()?.refresh_token;
      if (refresh) await post('/oauth2/token', { grant_type: 'refresh_token', service: world.loginServer, scope: 'registry:catalog:*', refresh_token: refresh });
    }
  } catch { /* counted as far as it got */ }
  signin = performance.now() - t1;
  return { ms: Math.max(login, data, arm, signin), parts: { login, data, arm, signin } };
}

export async function benchDiagnosis(world: SandboxWorld, scenarios = ['healthy', 'black-hole'], runs = 3, log: (s: string) => void = () => undefined): Promise<Figure[]> {
  const shipped = shippedCli(log);
  try { return await benchDiagnosisWith(shipped, world, scenarios, runs, log); } finally { shipped.cleanup(); }
}

async function benchDiagnosisWith(shipped: ShippedCli, world: SandboxWorld, scenarios: string[], runs: number, log: (s: string) => void): Promise<Figure[]> {
  const { cli } = shipped;
  const figures: Figure[] = [];
  const azSession = await azSignIn(world);
  if (!azSession.signedIn) log(`[bench] az could not sign in to the sandbox: ${azSession.loginError}`);
  { // (az's config dir lives in the world's temp dir: nothing to clean up here)
    for (const scenario of scenarios) {
      await world.apply(scenario);
      const env = { ...world.clientEnv(), ...shipped.env };
      const wall: number[] = []; const engine: number[] = []; let verdict = '';
      // A first run, as a user's first: it compiles the bundle and leaves the code cache the next runs use.
      const first = await runProc(process.execPath, [cli, 'diagnose', world.loginServer, '--json'], env, { timeoutMs: 60_000 });
      for (let i = 0; i < runs; i++) {
        const r = await runProc(process.execPath, [cli, 'diagnose', world.loginServer, '--json'], env, { timeoutMs: 60_000 });
        wall.push(r.ms);
        try { const rep = JSON.parse(r.stdout); engine.push(rep.durationMs); verdict = rep.causes[0]?.causeId ?? 'no cause'; } catch { verdict = `exit ${r.code}`; }
      }
      const azLimit = Number(process.env.BENCH_AZ_TIMEOUT_MS ?? 90_000);
      const az = await azCheckHealth(world, 'contoso', { timeoutMs: azLimit });
      const azKilled = az.killed;
      const azSaid = azVerdict(az);
      const cp = await criticalPath(world);
      const w = median(wall); const e = median(engine);
      log(`[bench] ${scenario}: acr-doctor ${fmtMs(w)} (engine ${fmtMs(e)}) → ${verdict}; az ${azKilled ? '> ' : ''}${fmtMs(az.ms)} → ${azSaid}; critical path ${fmtMs(cp.ms)}`);
      figures.push({
        figure: `diagnosis, ${scenario}: acr-doctor vs az acr check-health`,
        value: `${fmtMs(w)} vs ${azKilled ? '> ' : ''}${fmtMs(az.ms)} = ${azKilled ? '> ' : ''}${(az.ms / w).toFixed(1)}× faster`,
        goal: '≥ 5× faster', met: az.ms / w >= 5,
        note: `acr-doctor → ${verdict}; az (signed in: ${az.signedIn ? 'yes' : 'no'}) → ${azSaid}; median of ${runs}, whole process (node start-up included), ${shipped.what} with its code cache (the first run, which writes it: ${fmtMs(first.ms)})`,
      });
      figures.push({
        figure: `diagnosis, ${scenario}: engine vs critical path`,
        value: `${fmtMs(e)} vs ${fmtMs(cp.ms)} = ${(e / cp.ms).toFixed(2)}×`,
        goal: '≤ 1.5×', met: e / cp.ms <= 1.5,
        note: `critical path = max(login ${Math.round(cp.parts.login!)} ms, data ${Math.round(cp.parts.data!)} ms, Entra+ARM ${Math.round(cp.parts.arm!)} ms, Entra sign-in to the registry ${Math.round(cp.parts.signin!)} ms); process ÷ critical ${(w / cp.ms).toFixed(2)}×`,
      });
    }
  }
  return figures;
}
