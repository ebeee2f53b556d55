// The world's relays for a latency profile: one per host address, in front of the server that
// then listens on the inner port (innerPort()). Nothing is relayed on `loopback`.
import { IP, PROXY_PORT } from '../addresses';
import { LatencyRelay, type RelayStats } from './relay';
import { innerPort, type LatencyProfile } from './profiles';

export type HostClass = 'registry' | 'azure' | 'proxy';

/** Every address a client reaches, with its port and the kind of host it is. */
export const RELAYED: { address: string; port: number; kind: HostClass }[] = [
  ...[IP.contoso, IP.contosoPe, IP.contosoDataWeu, IP.contosoPeDataWeu, IP.contosoDataNeu, IP.contosoPeDataNeu,
    IP.fabrikam, IP.fabrikamDataWeu, IP.mcr, IP.blackHole].map((address) => ({ address, port: 443, kind: 'registry' as const })),
  ...[IP.management, IP.login].map((address) => ({ address, port: 443, kind: 'azure' as const })),
  ...[IP.tinyproxy, IP.brokenProxy].map((address) => ({ address, port: PROXY_PORT, kind: 'proxy' as const })),
];

export interface WorldLatency {
  readonly profile: LatencyProfile;
  /** The port a server of this address and public port listens on (the inner one behind a relay). */
  listenPort(publicPort: number): number;
  /** Counters per relayed address ("192.0.2.20:443"), since the last reset. */
  stats(): Record<string, RelayStats & { kind: HostClass; rttMs: number }>;
  resetStats(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function rttFor(profile: LatencyProfile, kind: HostClass): number {
  return kind === 'registry' ? profile.registryRttMs : kind === 'azure' ? profile.azureRttMs : profile.proxyRttMs;
}

export function worldLatency(profile: LatencyProfile): WorldLatency {
  const relayed = profile.name !== 'loopback';
  const relays = relayed ? RELAYED.map((h) => ({ h, relay: new LatencyRelay({
    host: h.address, port: h.port, upstreamHost: h.address, upstreamPort: innerPort(h.port), rttMs: rttFor(profile, h.kind), localAddress: IP.client,
  }) })) : [];
  return {
    profile,
    listenPort: (p) => (relayed ? innerPort(p) : p),
    stats: () => Object.fromEntries(relays.map(({ h, relay }) => [`${h.address}:${h.port}`, { ...relay.stats, kind: h.kind, rttMs: relay.o.rttMs }])),
    resetStats: () => { for (const { relay } of relays) relay.resetStats(); },
    start: async () => { await Promise.all(relays.map(({ relay }) => relay.start())); },
    stop: async () => { await Promise.all(relays.map(({ relay }) => relay.stop())); },
  };
}
