// The real host's diagnosis as a timeline in ACR_DOCTOR_TRACE's format (src/cli/trace.ts): the
// host's own phases (bundle loads, sign-in, ARM lookups, webview start, first finding posted)
// and each check, all in ms since the diagnosis was asked for, so a regression names its phase.
import type { TracedCheck, TracedSpan } from './extension-host-protocol';

export function hostTraceText(title: string, spans: readonly TracedSpan[], engineStartMs: number | undefined, findings: readonly TracedCheck[]): string {
  const rows: { start: number; end: number; status: string; name: string }[] = spans.map((s) => ({ start: s.startMs, end: s.endMs, status: 'host', name: s.phase }));
  for (const f of findings) {
    if (f.startedMs === undefined || engineStartMs === undefined) continue;
    rows.push({ start: engineStartMs + f.startedMs, end: engineStartMs + f.startedMs + (f.durationMs ?? 0), status: f.status, name: f.id });
  }
  rows.sort((a, b) => a.start - b.start || a.end - b.end);
  const out = [`[trace] ${title}`, '[trace]  start    end  status   phase or check'];
  for (const r of rows) out.push(`[trace] ${String(Math.round(r.start)).padStart(6)} ${String(Math.round(r.end)).padStart(6)}  ${r.status.padEnd(7)}  ${r.name}`);
  return `${out.join('\n')}\n`;
}

/** The host phases alone, one short line for a table cell: "identity 0–212, load engine.js 230–300, …". */
export function hostPhasesLine(spans: readonly TracedSpan[]): string {
  return spans.map((s) => (s.endMs - s.startMs < 0.5 ? `${s.phase} @${Math.round(s.startMs)}` : `${s.phase} ${Math.round(s.startMs)}–${Math.round(s.endMs)}`)).join(', ');
}

/** When the first check finished, as the engine reported it (ms since the diagnosis was asked for). */
export function firstFindingMs(engineStartMs: number | undefined, findings: readonly TracedCheck[]): number | undefined {
  const ends = findings.filter((f) => f.startedMs !== undefined && f.status !== 'pending').map((f) => f.startedMs! + (f.durationMs ?? 0));
  return engineStartMs === undefined || !ends.length ? undefined : engineStartMs + Math.min(...ends);
}
