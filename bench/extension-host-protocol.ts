// How the extension-host probe (bench/extension-host-probe.ts, inside the host) and the bench
// (bench/extension-host.ts, outside) talk: one log line per message, PROBE_MARKER + JSON, and the
// bench's files `go` (memory sampled, run the diagnosis) and `sampled` in ACR_DOCTOR_BENCH_PROBE_DIR.
export const PROBE_MARKER = '[acr-doctor-bench-probe] ';

export type ProbeMessage =
  | { phase: 'activated'; pid: number; activationMs?: number; activatedByProbe: boolean; marks: string[] }
  | { phase: 'diagnosed'; pid: number; ms: number; state: string; checks: number; causes: string[]; failing: string[] }
  | { phase: 'error'; message: string };
