// Diagnosis time on the same sandbox world in the same run, per latency profile: acr-doctor
// (dist/cli.js, as a user runs it) and `az acr check-health -n contoso --ignore-errors --yes`
// (Debian azure-cli signed in to the sandbox's Entra/ARM simulator:
// test/integration/matrix/az-check-health.ts), interleaved run by run, vs the critical path: the
// longest chain of dependent requests a diagnosis cannot avoid (the sign-in; ARM then a data
// endpoint; the pull path: sign-in, catalog, tags, manifest, a layer's 307 and its data endpoint),
// each leg measured bare in a fresh process (its code run once against a refused local port before
// the clock starts, so a leg is its requests, not a cold compile), with its round trips counted by the world's latency relays (so the floor a profile
// puts under each leg comes from the requests the leg made, not from a constant).
import * as path from 'node:path';
import type { SandboxWorld } from '../sandbox/world';
import type { HostClass } from '../sandbox/latency/relays';
import { runProc } from '../test/integration/matrix/fault-matrix';
import { azCheckHealth, azSignIn, azVerdict, type CheckHealthResult } from '../test/integration/matrix/az-check-health';
import { fmtMs, median, repoRoot, type Figure } from './figure';
import { shippedCli, type ShippedCli } from './cli-startup';

/** The engine's per-check TLS deadline: what "this host black-holes" costs at the least. */
const TLS_DEADLINE_MS = 3000;
/** The CLI's default time budget (src/cli/args.ts --timeout). */
const BUDGET_MS = 6000;

type Trips = Record<HostClass, number>;
export interface Leg { ms: number; ok: boolean; trips: Trips; floorMs: number }
export interface CriticalPath { ms: number; floorMs: number; longest: string; legs: Record<string, Leg>; describe: string }

function tripsOf(world: SandboxWorld): Trips {
  const t: Trips = { registry: 0, azure: 0, proxy: 0 };
  // A connection that sent anything cost its TCP round trip, each flight that waited one more.
  for (const s of Object.values(world.latency.stats())) t[s.kind] += s.used + s.flights;
  return t;
}

export async function criticalPath(world: SandboxWorld): Promise<CriticalPath> {
  const p = world.latency.profile;
  const rtt: Trips = { registry: p.registryRttMs, azure: p.azureRttMs, proxy: p.proxyRttMs };
  const a = world.azure;
  const dataHost = Object.keys(world.hosts).find((h) => /\.data\.azurecr\.io$/.test(h) && h.startsWith('contoso.'));
  const args = JSON.stringify({ loginServer: world.loginServer, dataHost, tenantId: a.tenantId, clientId: a.clientId, clientSecret: a.clientSecret, authorityHost: a.authorityHost, armEndpoint: a.armEndpoint, subscriptionId: a.subscriptionId, tlsDeadlineMs: TLS_DEADLINE_MS });
  const env = world.clientEnv();
  const legs: Record<string, Leg> = {};
  for (const leg of ['login', 'data', 'entra', 'arm', 'signin', 'pull']) {
    world.latency.resetStats();
    const r = await runProc(process.execPath, ['--import', 'tsx', path.join(repoRoot(), 'bench', 'critical-path-child.ts'), leg, args], env, { timeoutMs: 60_000 });
    let out: { ms?: number; ok?: boolean } = {};
    try { out = JSON.parse(r.stdout); } catch { /* counted as missing */ }
    const trips = tripsOf(world);
    const floorMs = trips.registry * rtt.registry + trips.azure * rtt.azure + trips.proxy * rtt.proxy;
    legs[leg] = { ms: Number.isFinite(out.ms) ? out.ms! : NaN, ok: !!out.ok, trips, floorMs };
  }
  // The sign-in leg is a fork (challenge ∥ Entra token) then two registry requests: its floor is the
  // longer branch plus the registry round trips the exchange and token requests added.
  // The sign-in and pull legs fork (challenge ∥ Entra token) then walk registry requests: their floor
  // is the longer branch plus the registry round trips the requests after it added.
  for (const s of [legs.signin!, legs.pull!]) {
    const after = Math.max(0, s.trips.registry - legs.login!.trips.registry);
    s.floorMs = Math.max(legs.login!.floorMs, legs.entra!.floorMs) + after * rtt.registry;
    // The black hole: the challenge leg's TLS deadline, and nothing after it (no sign-in without a challenge).
    if (!legs.login!.ok) { s.ms = Math.min(s.ms, legs.login!.ms); s.floorMs = legs.login!.floorMs; }
  }
  const real = Object.entries(legs).filter(([k]) => k !== 'entra'); // entra is part of arm, signin and pull
  const [longest, top] = real.reduce((m, e) => (e[1].ms > m[1].ms ? e : m));
  const floorMs = Math.max(...real.map(([, l]) => l.floorMs));
  const describe = real.map(([k, l]) => `${k} ${Math.round(l.ms)} ms${l.trips.registry + l.trips.azure ? ` (${l.trips.registry} registry + ${l.trips.azure} Entra/ARM round trips = ${Math.round(l.floorMs)} ms)` : ''}`).join(', ');
  return { ms: top.ms, floorMs, longest, legs, describe };
}

interface TraceLine { start: number; end: number; status: string; id: string; deps: string[] }

/** The checks of ACR_DOCTOR_TRACE=1's timeline (src/cli/trace.ts). */
export function parseTrace(stderr: string): { lines: TraceLine[]; nodeToRunMs?: number } {
  const lines: TraceLine[] = [];
  let nodeToRunMs: number | undefined;
  for (const l of stderr.split('\n')) {
    const head = /^\[trace\] node start → diagnosis start (\d+) ms/.exec(l);
    if (head) { nodeToRunMs = Number(head[1]); continue; }
    const m = /^\[trace\]\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s+\[(.*)\]\s*$/.exec(l);
    if (m) lines.push({ start: Number(m[1]), end: Number(m[2]), status: m[3]!, id: m[4]!, deps: m[5]!.split('|').flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean) });
  }
  return { lines, nodeToRunMs };
}

/** The chain that ended last: from the last check back through the prerequisite that finished last. */
export function longestChain(lines: TraceLine[]): string {
  if (!lines.length) return 'no trace';
  const byId = new Map(lines.map((l) => [l.id, l]));
  let cur = lines.reduce((m, l) => (l.end > m.end ? l : m));
  const chain = [cur];
  for (;;) {
    const deps = cur.deps.map((d) => byId.get(d)).filter((d): d is TraceLine => !!d && !chain.includes(d));
    if (!deps.length) break;
    cur = deps.reduce((m, d) => (d.end > m.end ? d : m));
    chain.unshift(cur);
  }
  return chain.map((l, i) => {
    const wait = i ? l.start - chain[i - 1]!.end : l.start;
    return `${l.id} ${l.start}–${l.end}${wait > 5 ? ` (waited ${wait} ms)` : ''}`;
  }).join(' → ');
}

export interface DiagnosisCase { key: string; name: string; scenario: string; target: string; az: 'run' | 'reuse-healthy' }
export const DEFAULT_CASES: DiagnosisCase[] = [
  { key: 'healthy', name: 'healthy', scenario: 'healthy', target: 'contoso.azurecr.io', az: 'run' },
  { key: 'black-hole', name: 'black hole', scenario: 'black-hole', target: 'contoso.azurecr.io', az: 'run' },
  { key: 'image', name: 'pull hello:v1 as the signed-in identity', scenario: 'healthy', target: 'contoso.azurecr.io/hello:v1', az: 'reuse-healthy' },
];

export async function benchDiagnosis(world: SandboxWorld, cases = DEFAULT_CASES, runs = 3, log: (s: string) => void = () => undefined): Promise<Figure[]> {
  const shipped = shippedCli(log);
  try { return await benchDiagnosisWith(shipped, world, cases, runs, log); } finally { shipped.cleanup(); }
}

/** Bare node start-up (`node -e 0`), median of a few: the loopback goal's yardstick. */
async function bareNode(env: NodeJS.ProcessEnv): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) xs.push((await runProc(process.execPath, ['-e', '0'], env, { timeoutMs: 10_000 })).ms);
  return median(xs);
}

async function benchDiagnosisWith(shipped: ShippedCli, world: SandboxWorld, cases: DiagnosisCase[], runs: number, log: (s: string) => void): Promise<Figure[]> {
  const { cli } = shipped;
  const p = world.latency.profile;
  const prof = p.name;
  const figures: Figure[] = [];
  const azSession = await azSignIn(world);
  if (!azSession.signedIn) log(`[bench] ${prof}: az could not sign in to the sandbox: ${azSession.loginError}`);
  const azLimit = Number(process.env.BENCH_AZ_TIMEOUT_MS ?? 90_000);
  let healthyAz: number[] = [];
  let healthyAzSaid = '';
  for (const c of cases) {
    await world.apply(c.scenario);
    const env = { ...world.clientEnv(), ...shipped.env, ACR_DOCTOR_TRACE: '1' };
    const doctor = () => runProc(process.execPath, [cli, 'diagnose', c.target, '--json'], env, { timeoutMs: 60_000 });
    const wall: number[] = []; const engine: number[] = []; const az: CheckHealthResult[] = [];
    let verdict = ''; let trace = ''; let budgetExceeded = false;
    // A first run, as a user's first: it compiles the bundle and leaves the code cache the next runs use.
    const first = await doctor();
    // Interleaved: acr-doctor, then check-health, run after run, so load and caches hit both alike.
    // check-health hangs on a black hole until killed: once is enough there.
    for (let i = 0; i < runs; i++) {
      const r = await doctor();
      wall.push(r.ms);
      trace = r.stderr;
      try {
        const rep = JSON.parse(r.stdout);
        engine.push(rep.durationMs); verdict = rep.causes[0]?.causeId ?? 'no cause'; budgetExceeded ||= !!rep.budgetExceeded;
      } catch { verdict = `exit ${r.code}`; }
      if (c.az === 'run' && (c.scenario === 'healthy' || i === 0)) az.push(await azCheckHealth(world, 'contoso', { timeoutMs: azLimit }));
    }
    const azMs = c.az === 'run' ? az.map((x) => x.ms) : healthyAz;
    const azKilled = az.some((x) => x.killed);
    const azSaid = c.az === 'run' ? azVerdict(az[az.length - 1]!) : healthyAzSaid;
    if (c.scenario === 'healthy' && c.az === 'run') { healthyAz = azMs; healthyAzSaid = azSaid; }
    const cp = await criticalPath(world);
    const w = median(wall); const e = median(engine); const azm = median(azMs);
    const parsed = parseTrace(trace);
    const chain = longestChain(parsed.lines);
    log(`[bench] ${prof} ${c.name}: acr-doctor ${fmtMs(w)} (engine ${fmtMs(e)}) → ${verdict}; az ${azKilled ? '> ' : ''}${fmtMs(azm)} → ${azSaid}; critical path ${fmtMs(cp.ms)} (${cp.longest}; round-trip floor ${fmtMs(cp.floorMs)})`);
    log(`[bench]   longest chain in the trace: ${chain}`);
    const isHealthy = c.scenario === 'healthy' && !c.target.includes('/');
    const isImage = c.target.includes('/');
    const speedGoal = isImage ? undefined : isHealthy ? (prof === 'loopback' ? undefined : 5) : 20;
    const ratio = azm / w;
    // acr-doctor cannot end before the critical path: when check-health itself takes less than the
    // goal's multiple of it, no diagnosis could meet the goal here, and the row says so.
    const reach = azm / cp.ms;
    const outOfReach = speedGoal && !azKilled && reach < speedGoal
      ? `; out of reach on this profile: check-health's own ${fmtMs(azm)} is ${reach.toFixed(1)}× the critical path ${fmtMs(cp.ms)} (the ${cp.longest} leg), below which no diagnosis ends; ≥ ${speedGoal}× would need check-health ≥ ${fmtMs(speedGoal * cp.ms)}`
      : '';
    figures.push({
      figure: `${prof}, ${c.name}: acr-doctor vs az acr check-health`,
      value: `${fmtMs(w)} vs ${azKilled ? '> ' : ''}${fmtMs(azm)} = ${azKilled ? '> ' : ''}${ratio.toFixed(1)}× faster`,
      goal: speedGoal ? `≥ ${speedGoal}× faster` : '—', met: speedGoal ? ratio >= speedGoal : undefined,
      note: `acr-doctor → ${verdict}; az (signed in: ${azSession.signedIn ? 'yes' : 'no'}) → ${azSaid}${c.az === 'reuse-healthy' ? ' (check-health has no image step: its healthy runs of this profile)' : ''}; median of ${runs} (az: ${azMs.length}), interleaved, whole process (node start-up included), ${shipped.what} with its code cache (first run ${fmtMs(first.ms)})${outOfReach}`,
    });
    if (isImage) {
      figures.push({
        figure: `${prof}, ${c.name}: engine`,
        value: fmtMs(e), goal: '—',
        note: `critical path of the registry diagnosis ${fmtMs(cp.ms)} (an image adds the manifest and a layer through the data endpoint); longest chain in the trace: ${chain}`,
      });
    } else if (isHealthy && prof !== 'loopback') {
      const met = e / cp.ms <= 1.5;
      figures.push({
        figure: `${prof}, ${c.name}: engine vs critical path`,
        value: `${fmtMs(e)} vs ${fmtMs(cp.ms)} = ${(e / cp.ms).toFixed(2)}×`, goal: '≤ 1.5×', met,
        note: `critical path = the ${cp.longest} leg; legs: ${cp.describe}; process ÷ critical ${(w / cp.ms).toFixed(2)}×${met ? '' : `; where the time went — longest chain in the trace: ${chain}; node start → diagnosis start ${parsed.nodeToRunMs ?? '?'} ms`}`,
      });
    } else if (isHealthy) {
      const bare = await bareNode(env);
      const goal = 2 * (bare + e);
      figures.push({
        figure: `${prof}, ${c.name}: process vs bare node + engine`,
        value: `${fmtMs(w)} vs ${fmtMs(bare)} + ${fmtMs(e)} = ${(w / (bare + e)).toFixed(2)}×`, goal: '≤ 2×', met: w <= goal,
        note: `engine vs critical path ${fmtMs(e)} vs ${fmtMs(cp.ms)} = ${(e / cp.ms).toFixed(2)}× (legs: ${cp.describe}); longest chain in the trace: ${chain}`,
      });
    } else {
      figures.push({
        figure: `${prof}, ${c.name}: engine vs the budget`,
        value: `${fmtMs(e)} (budget ${fmtMs(BUDGET_MS)}, TLS deadline ${fmtMs(TLS_DEADLINE_MS)})`, goal: `≤ ${fmtMs(BUDGET_MS)}`, met: e <= BUDGET_MS,
        note: `${budgetExceeded ? 'the budget ran out; ' : ''}longest chain in the trace: ${chain}`,
      });
    }
  }
  return figures;
}
