// A TCP relay that makes a sandbox host "far away": it listens on the host's public address and
// port, forwards to the real server on an inner port, and delays every chunk by half the round
// trip in each direction, so TLS handshakes and HTTP requests pay real round trips. The kernel
// completes the TCP handshake with the relay at once, so the relay charges that round trip to the
// first chunk the client sends (connect() itself returns early; connect + first answer is right).
// Bounded: at most `maxConnections` at a time (more are closed at once) and at most
// `maxBufferedBytes` queued per direction (the sending side is paused until the queue drains).
import * as net from 'node:net';

export interface RelayOptions {
  /** Public address the clients connect to (a sandbox address: 192.0.2.x, or loopback). */
  host: string;
  port: number;
  /** The real server (same address, inner port). */
  upstreamHost: string;
  upstreamPort: number;
  rttMs: number;
  /** Source address of the relay's own connection to the server (the sandbox client's, so fronts see the same client IP). */
  localAddress?: string;
  maxConnections?: number;
  maxBufferedBytes?: number;
}

export interface RelayStats {
  /** Connections accepted since the last reset. */
  connections: number;
  /** Client→server flights: chunks sent after the server last spoke (each waits a round trip). */
  flights: number;
  /** Connections closed at once because `maxConnections` were open. */
  rejected: number;
  /** Highest number of bytes queued in one direction. */
  peakQueuedBytes: number;
  /** Times a side was paused because its queue was full. */
  pauses: number;
}

/** Addresses a relay may listen on: the sandbox's TEST-NET-1 range or loopback, nothing routable. */
export function isRelayAddress(host: string): boolean {
  return /^192\.0\.2\.\d{1,3}$/.test(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

interface Item { at: number; buf: Buffer | null }

export class LatencyRelay {
  private server?: net.Server;
  private readonly open = new Set<net.Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  stats: RelayStats = LatencyRelay.zero();
  readonly maxConnections: number;
  readonly maxBufferedBytes: number;

  constructor(readonly o: RelayOptions) {
    if (!isRelayAddress(o.host) || !isRelayAddress(o.upstreamHost)) throw new Error(`latency relay: ${o.host} → ${o.upstreamHost} is not a sandbox or loopback address (192.0.2.x, 127.x).`);
    if (!(o.rttMs >= 0 && o.rttMs <= 10_000)) throw new Error(`latency relay: round trip ${o.rttMs} ms is out of range (0–10000 ms).`);
    this.maxConnections = o.maxConnections ?? 256;
    this.maxBufferedBytes = o.maxBufferedBytes ?? 1024 * 1024;
  }

  private static zero(): RelayStats { return { connections: 0, flights: 0, rejected: 0, peakQueuedBytes: 0, pauses: 0 }; }
  resetStats(): void { this.stats = LatencyRelay.zero(); }
  get openConnections(): number { return this.open.size / 2; }

  async start(): Promise<void> {
    if (this.server) return;
    const s = net.createServer({ pauseOnConnect: true, allowHalfOpen: true }, (client) => this.relay(client));
    s.maxConnections = this.maxConnections * 4; // the kernel-level cap; the relay's own cap is below
    await new Promise<void>((resolve, reject) => { s.once('error', reject); s.listen(this.o.port, this.o.host, () => { s.off('error', reject); resolve(); }); });
    this.server = s;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const sock of this.open) sock.destroy();
    this.open.clear();
    const s = this.server; this.server = undefined;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  private relay(client: net.Socket): void {
    client.on('error', () => { /* peers give up */ });
    if (this.open.size / 2 >= this.maxConnections) { this.stats.rejected++; client.destroy(); return; }
    this.stats.connections++;
    const upstream = net.connect({ host: this.o.upstreamHost, port: this.o.upstreamPort, allowHalfOpen: true, ...(this.o.localAddress ? { localAddress: this.o.localAddress } : {}) });
    upstream.on('error', () => { /* the client sees the close */ });
    this.open.add(client); this.open.add(upstream);
    let closed = false;
    const close = () => {
      if (closed) return; closed = true;
      this.open.delete(client); this.open.delete(upstream);
      client.destroy(); upstream.destroy();
    };
    // A side's end or close reaches the other side as late as its data would; both done: gone.
    let done = 0;
    const ended = () => { if (++done === 2) close(); };
    const half = this.o.rttMs / 2;
    let lastFromServer = true; // the TCP handshake: the first client chunk starts a flight
    this.pipe(client, upstream, half, this.o.rttMs, () => { if (lastFromServer) { this.stats.flights++; lastFromServer = false; } }, close, ended);
    this.pipe(upstream, client, half, 0, () => { lastFromServer = true; }, close, ended);
    client.resume();
  }

  /** Forward src → dst, each chunk `delay` ms after it arrived (the first one `firstExtra` ms later still). */
  private pipe(src: net.Socket, dst: net.Socket, delay: number, firstExtra: number, onChunk: () => void, close: () => void, ended: () => void): void {
    const queue: Item[] = [];
    let queued = 0; let paused = false; let timer: NodeJS.Timeout | undefined; let waitingDrain = false; let first = true;
    const pump = () => {
      timer = undefined;
      if (waitingDrain) return;
      const now = performance.now();
      while (queue.length && queue[0].at <= now + 0.5) {
        const item = queue.shift()!;
        if (item.buf === null) { dst.end(); ended(); return; }
        queued -= item.buf.length;
        if (!dst.write(item.buf)) { waitingDrain = true; dst.once('drain', () => { waitingDrain = false; pump(); }); break; }
      }
      if (paused && queued <= this.maxBufferedBytes / 2) { paused = false; src.resume(); }
      schedule();
    };
    const schedule = () => {
      if (timer || waitingDrain || !queue.length) return;
      const t = setTimeout(() => { this.timers.delete(t); pump(); }, Math.max(0, queue[0].at - performance.now()));
      this.timers.add(t); timer = t;
    };
    const push = (buf: Buffer | null) => {
      const at = performance.now() + delay + (first ? firstExtra : 0);
      first = false;
      // Same delay for every chunk, so `at` only grows and the queue stays in arrival order.
      queue.push({ at: Math.max(at, queue.length ? queue[queue.length - 1].at : 0), buf });
      schedule();
    };
    src.on('data', (buf: Buffer) => {
      onChunk();
      queued += buf.length;
      if (queued > this.stats.peakQueuedBytes) this.stats.peakQueuedBytes = queued;
      push(buf);
      if (queued > this.maxBufferedBytes && !paused) { paused = true; this.stats.pauses++; src.pause(); }
    });
    let sawEnd = false;
    const finish = () => { if (!sawEnd) { sawEnd = true; push(null); } };
    src.on('end', finish);
    src.on('close', finish);
    src.on('error', close);
  }
}
