// The report as Markdown, in the UI language, secrets redacted (each field, then the whole
// text once more, so nothing that slipped into a message survives).
import type { CheckView, ReportState, ReportStrings } from '../../../shared/report-protocol';

export function reportToMarkdown(s: ReportState, t: ReportStrings, redact: (text: string) => string): string {
  const out: string[] = [];
  out.push(`# ${t.title}: ${md(s.loginServer)}`, '');
  if (s.identity) out.push(`- ${t.identity}: ${md(s.identity)}`);
  if (s.startedAt) out.push(`- ${s.startedAt}`);
  out.push(`- ${t.elapsed}: ${(s.elapsedMs / 1000).toFixed(1)} ${t.seconds}`);
  if (s.budgetExceeded) out.push(`- ${t.budgetExceeded}`);
  if (s.error) out.push(`- ${t.failed}: ${md(s.error)}`);
  out.push('', `## ${t.sectionCauses}`, '');
  if (s.causes.length === 0) out.push(t.noCauses, '');
  for (const c of s.causes) {
    out.push(`### ${c.rank}. ${md(c.title)} (${c.status === 'fail' ? t.statusFail : t.statusWarn})`, '');
    out.push(md(c.explanation), '');
    out.push(`${t.seedSection}: [${md(c.sectionTitle)}](${c.docsUrl})`, '');
    for (const f of c.fixes.filter((x) => x.command)) {
      const fence = fenceFor(f.command ?? '');
      out.push(`${md(f.title)}:`, '', `${fence}sh`, f.command ?? '', fence, '');
    }
  }
  for (const [area, heading] of [['login', t.sectionLogin], ['network', t.sectionNetwork]] as const) {
    const checks = s.checks.filter((c) => c.area === area);
    if (checks.length === 0) continue;
    out.push(`## ${heading}`, '', `| | ${t.checksHeading} | ${t.duration} | |`, '|---|---|---|---|');
    for (const c of checks) out.push(`| ${statusWord(c, t)} | ${cell(c.title)} | ${c.durationMs ?? ''} ${t.ms} | ${cell(c.message)} |`);
    out.push('');
    for (const c of checks.filter((x) => x.evidence.length > 0)) {
      out.push(`**${md(c.title)}** — ${t.evidence}:`, '');
      for (const e of c.evidence) out.push(`- \`${e.key}\`: \`${e.value.replace(/`/g, "'")}\``);
      out.push('');
    }
  }
  return redact(out.join('\n'));
}

function statusWord(c: CheckView, t: ReportStrings): string {
  switch (c.status) {
    case 'pass': return t.statusPass;
    case 'warn': return t.statusWarn;
    case 'fail': return t.statusFail;
    case 'skipped': return t.statusSkipped;
    case 'info': return t.statusInfo;
    default: return t.statusPending;
  }
}

/** A code fence longer than any run of backticks in `code`, so nothing inside can close it. */
export function fenceFor(code: string): string {
  const longest = (code.match(/`+/g) ?? []).reduce((n, r) => Math.max(n, r.length), 0);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Escapes what would turn text into Markdown structure or HTML. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

function cell(text: string): string {
  return md(text).replace(/\r?\n/g, ' ');
}
