// Where a diagnosis in the extension host spends its time, before and around the engine: loading
// the Azure and engine bundles, the sign-in, the ARM reads that find the registry's subscription,
// the webview's start. Read by the bench (bench/extension-host.ts prints it in ACR_DOCTOR_TRACE's
// format) so a regression names its phase; costs two performance.now() calls per phase.

export interface TraceSpan {
  phase: string;
  /** ms since the diagnosis was asked for (the command, a re-run). */
  startMs: number;
  endMs: number;
}

export class HostTrace {
  private readonly t0 = performance.now();
  /** The same moment as Date.now(): a bench lines the webview page's moments up with the phases by it. */
  readonly epochMs = Date.now();
  readonly spans: TraceSpan[] = [];
  /** When the engine's run began (its findings' startedMs count from there). */
  engineStartMs: number | undefined;

  now(): number { return performance.now() - this.t0; }

  /** Records `work` as `phase`; a failure is recorded too (its phase ends where it threw). */
  async span<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
    const startMs = this.now();
    try { return await work(); } finally { this.spans.push({ phase, startMs, endMs: this.now() }); }
  }

  /** A moment, as a zero-length span (the webview is ready, the first finding was posted). */
  mark(phase: string): void {
    const at = this.now();
    this.spans.push({ phase, startMs: at, endMs: at });
  }

  /** Only the first time: for "first finding posted" and the like. */
  markOnce(phase: string): void {
    if (!this.spans.some((s) => s.phase === phase)) this.mark(phase);
  }
}
