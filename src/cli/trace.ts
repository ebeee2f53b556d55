// ACR_DOCTOR_TRACE=1: the run's timeline on stderr, to see where a diagnosis spends its time
// (which check waited for which, how long node took before the run began).
//   ACR_DOCTOR_TRACE=1 acr-doctor diagnose contoso --json 2>trace.txt
import type { Check, DiagnosisReport } from '../core/engine/types';

/** Lines: process start → run start, then every check by start time with its prerequisites. */
export function traceTimeline(report: DiagnosisReport, checks: readonly Check[], runStartedAtMs: number): string {
  const byId = new Map<string, (typeof checks)[number]>(checks.map((c) => [c.id, c]));
  const out = [`[trace] node start → diagnosis start ${Math.round(runStartedAtMs)} ms; diagnosis ${report.durationMs} ms${report.budgetExceeded ? ' (budget ran out)' : ''}`,
    '[trace]  start    end  status   check  [needs | after | awaits]'];
  for (const f of [...report.findings].sort((a, b) => a.startedMs - b.startedMs || a.durationMs - b.durationMs)) {
    const c = byId.get(f.checkId);
    const deps = c ? [c.needs.join(','), (c.after ?? []).join(','), (c.awaits ?? []).join(',')].join(' | ') : '';
    out.push(`[trace] ${String(f.startedMs).padStart(6)} ${String(f.startedMs + f.durationMs).padStart(6)}  ${f.status.padEnd(7)}  ${f.checkId}  [${deps}]`);
  }
  return `${out.join('\n')}\n`;
}
