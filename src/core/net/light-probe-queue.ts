// Light probes for the rows on screen: a few at a time, each answer kept for minutes, one probe per
// registry in flight however often the tree asks.
import type { LightProbeResult } from './light-probe';

export interface LightProbeQueueOptions {
  probe(loginServer: string): Promise<LightProbeResult>;
  /** Probes running at once. */
  concurrency?: number;
  /** How long an answer stands before the next request probes again. */
  ttlMs?: number;
  now?: () => number;
  /** Called with each new answer. */
  onResult?(loginServer: string, result: LightProbeResult): void;
}

export class LightProbeQueue {
  private readonly results = new Map<string, LightProbeResult>();
  private readonly waiting: string[] = [];
  private readonly inFlight = new Set<string>();
  private running = 0;
  private readonly concurrency: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly opts: LightProbeQueueOptions) {
    this.concurrency = Math.max(1, opts.concurrency ?? 3);
    this.ttlMs = opts.ttlMs ?? 5 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  /** The latest answer, even a stale one (the row keeps showing it until the next arrives). */
  get(loginServer: string): LightProbeResult | undefined { return this.results.get(key(loginServer)); }

  /** Asks for an answer; nothing happens when a fresh one is kept or a probe is queued or running. */
  request(loginServer: string): void {
    const k = key(loginServer);
    if (!k || this.inFlight.has(k) || this.waiting.includes(k)) return;
    const kept = this.results.get(k);
    if (kept && this.now() - kept.at < this.ttlMs) return;
    this.waiting.push(k);
    this.pump();
  }

  clear(): void { this.results.clear(); this.waiting.length = 0; }

  /** Resolves when nothing is queued or running (tests). */
  idle(): Promise<void> {
    if (!this.running && !this.waiting.length) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length) {
      const k = this.waiting.shift()!;
      this.running++;
      this.inFlight.add(k);
      void this.opts.probe(k)
        .catch((err: unknown): LightProbeResult => ({ health: 'unreachable', at: this.now(), detail: String(err).slice(0, 200) }))
        .then((r) => {
          this.results.set(k, r);
          this.opts.onResult?.(k, r);
        })
        .finally(() => {
          this.running--;
          this.inFlight.delete(k);
          this.pump();
          if (!this.running && !this.waiting.length) this.idleWaiters.splice(0).forEach((w) => w());
        });
    }
  }
}

const key = (s: string) => String(s ?? '').trim().toLowerCase();
