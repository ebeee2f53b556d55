// The report as JSON: the view state (what the user saw) without UI-only fields,
// every string value redacted.
import type { ReportState } from '../../../shared/report-protocol';

export const REPORT_JSON_SCHEMA = 'acr-doctor/report@1';

export function reportToJson(s: ReportState, redact: (text: string) => string): string {
  const body = {
    schema: REPORT_JSON_SCHEMA,
    loginServer: s.loginServer,
    identity: s.identity,
    startedAt: s.startedAt,
    durationMs: s.elapsedMs,
    phase: s.phase,
    budgetExceeded: s.budgetExceeded ?? false,
    error: s.error,
    causes: s.causes.map((c) => ({
      rank: c.rank, causeId: c.causeId, status: c.status, title: c.title, explanation: c.explanation,
      section: c.sectionTitle, docsUrl: c.docsUrl, checks: c.checkIds,
      fixes: c.fixes.map((f) => ({ kind: f.kind, title: f.title, command: f.command })),
    })),
    checks: s.checks.map((c) => ({
      id: c.id, area: c.area, title: c.title, status: c.status, message: c.message, causeId: c.causeId,
      startedMs: c.startedMs, durationMs: c.durationMs, blockedBy: c.blockedBy,
      evidence: Object.fromEntries(c.evidence.map((e) => [e.key, e.value])),
    })),
  };
  return JSON.stringify(redactDeep(body, redact), null, 2);
}

function redactDeep(v: unknown, redact: (text: string) => string): unknown {
  if (typeof v === 'string') return redact(v);
  if (Array.isArray(v)) return v.map((x) => redactDeep(x, redact));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactDeep(x, redact)]));
  }
  return v;
}
