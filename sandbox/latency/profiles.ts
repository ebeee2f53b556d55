// Latency profiles of the sandbox: round trips a client sees to each kind of host. `loopback` is
// the sandbox without relays; `near` and `far` put a LatencyRelay in front of every host.
// Chosen with ACR_SANDBOX_LATENCY=<name>, `npm start -- --latency <name>`, BENCH_PROFILES=….
export type LatencyProfileName = 'loopback' | 'near' | 'far';

export interface LatencyProfile {
  name: LatencyProfileName;
  /** Login servers, data endpoints, mcr.microsoft.com, the black hole. */
  registryRttMs: number;
  /** Entra ID and ARM (and the Log Analytics API on the same simulator). */
  azureRttMs: number;
  /** The HTTPS proxies: on the client's own network, a few milliseconds away. */
  proxyRttMs: number;
}

export const PROFILES: Record<LatencyProfileName, LatencyProfile> = {
  loopback: { name: 'loopback', registryRttMs: 0, azureRttMs: 0, proxyRttMs: 0 },
  near: { name: 'near', registryRttMs: 20, azureRttMs: 40, proxyRttMs: 2 },
  far: { name: 'far', registryRttMs: 90, azureRttMs: 150, proxyRttMs: 5 },
};

export function latencyProfile(name: string | undefined): LatencyProfile {
  const key = (name ?? 'loopback').trim() || 'loopback';
  const p = (PROFILES as Record<string, LatencyProfile | undefined>)[key];
  if (!p) throw new Error(`Unknown latency profile '${key}'. Use one of: ${Object.keys(PROFILES).join(', ')}.`);
  return p;
}

/** The server behind a relay listens on this port instead of its public one. */
export const innerPort = (publicPort: number): number => publicPort + 10_000;
