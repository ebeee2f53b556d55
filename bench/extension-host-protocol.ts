// How the extension-host probe (bench/extension-host-probe.ts, inside the host) and the bench
// (bench/extension-host.ts, outside) talk: one log line per message, PROBE_MARKER + JSON; after
// each message the probe waits for the bench's file `ack-<seq>` in ACR_DOCTOR_BENCH_PROBE_DIR (the
// bench samples the host's memory first, so what it reads belongs to that moment).
export const PROBE_MARKER = '[acr-doctor-bench-probe] ';

export interface TracedSpan { phase: string; startMs: number; endMs: number }
export interface TracedCheck { id: string; status: string; startedMs?: number; durationMs?: number }

export type ProbeMessage =
  /** `loadMarks`: every extension's code/extHost/will|didLoadExtensionCode marks (bench/activation-breakdown.ts). */
  | { phase: 'activated'; seq: number; pid: number; activationMs?: number; activatedByProbe: boolean; marks: string[]; loadMarks: { name: string; startTime: number }[] }
  /** `run` 1: the first diagnosis of the session, 2: the same registry again after the report was closed, 3: "Run again" in that open report. */
  | { phase: 'diagnosed'; seq: number; pid: number; run: number; ms: number; state: string; checks: number; causes: string[]; failing: string[];
      spans: TracedSpan[]; engineStartMs?: number; traceEpochMs?: number; findings: TracedCheck[] }
  | { phase: 'closed'; seq: number; pid: number; run: number }
  /** Said (without waiting) just before `acrDoctor.diagnose` of diagnosis `run`: `at` is Date.now(), the clock the workbench page shares. */
  | { phase: 'diagnosing'; seq: number; pid: number; run: number; at: number }
  /** The registries view opened (as a user does before clicking Diagnose): when its root rows came; session 2: after a window reload, with the listing session 1 kept. */
  | { phase: 'view'; seq: number; pid: number; firstRowsMs: number; rows: string[]; session: 1 | 2 }
  /** After `runs` diagnoses one after another in this host (report opened, settled, closed each time). */
  | { phase: 'scale'; seq: number; pid: number; runs: number; ms: number; heapAfterGcKb?: number }
  | { phase: 'error'; seq: number; message: string };
