// What an agent gets back from a diagnosis or an explanation: the ranked causes with their evidence,
// the fix commands to copy and the docs links, compact and redacted. Shared by the MCP server and the
// VS Code language model tools. A tool never runs a fix: fixes to run are named, not offered as calls.
import type { DiagnosisReport, Evidence } from '../engine/types';
import type { ExplainResult } from '../explain';
import { docsUrl, getCause, localize, type Locale } from '../catalogue/index';
import { redact } from '../text/redact';

export interface AgentCause {
  causeId: string;
  title: string;
  status?: 'fail' | 'warn';
  explanation: string;
  docs: string;
  /** What the checks saw (diagnosis only). */
  findings?: { check: string; message: string; evidence: Evidence }[];
  /** Commands a person may run (never run by the tool). */
  commands: string[];
  /** Fixes the report can apply after a person confirms them there. */
  reportFixes: string[];
}

export interface AgentAnswer {
  registry?: string;
  healthy?: boolean;
  /** The run's budget ran out before every check finished. */
  incomplete?: boolean;
  causes: AgentCause[];
  notes: string[];
}

const MAX_CAUSES = 5;
const MAX_EVIDENCE_VALUE = 300;

function compactEvidence(e: Evidence): Evidence {
  const out: Evidence = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'string' ? redact(v).slice(0, MAX_EVIDENCE_VALUE) : Array.isArray(v) ? v.slice(0, 10).map((s) => redact(String(s)).slice(0, MAX_EVIDENCE_VALUE)) : v;
  }
  return out;
}

export function answerFromReport(report: DiagnosisReport, locale: Locale): AgentAnswer {
  const causes = report.causes.slice(0, MAX_CAUSES).map((rc): AgentCause => {
    const c = getCause(rc.causeId);
    const findings = report.findings.filter((f) => rc.checkIds.includes(f.checkId) && (f.status === 'fail' || f.status === 'warn'));
    return {
      causeId: rc.causeId,
      title: c ? localize(c.title, locale) : rc.causeId,
      status: rc.status,
      explanation: c ? redact(localize(c.explanation, locale, Object.assign({}, ...rc.fixes.map((f) => f.params ?? {})))) : '',
      docs: c ? docsUrl(c, locale) : '',
      findings: findings.map((f) => ({ check: f.checkId, message: redact(f.message), evidence: compactEvidence(f.evidence) })),
      commands: rc.fixes.filter((f) => f.command && f.kind !== 'runCommand').map((f) => redact(f.command!)),
      reportFixes: rc.fixes.filter((f) => f.kind === 'runCommand' || f.kind === 'changeAzureSetting').map((f) => localize(f.title, locale)),
    };
  });
  return { registry: report.target.loginServer, healthy: report.causes.length === 0 && !report.budgetExceeded, incomplete: report.budgetExceeded, causes, notes: [] };
}

export function answerFromExplain(result: ExplainResult, locale: Locale): AgentAnswer {
  const causes = result.matches.slice(0, MAX_CAUSES).map((m): AgentCause => {
    const c = getCause(m.causeId);
    return {
      causeId: m.causeId,
      title: c ? localize(c.title, locale) : m.causeId,
      explanation: c ? redact(localize(c.explanation, locale, result.params)) : '',
      docs: c ? docsUrl(c, locale) : '',
      commands: (c?.fixes ?? []).flatMap((f) => (f.kind === 'copyCommand' && f.command ? [fill(f.command, result.params)] : [])).filter((cmd): cmd is string => !!cmd),
      reportFixes: [],
    };
  });
  // What the text says about itself first; for a bare "unauthorized", the check that tells each cause apart last.
  const nl = locale === 'nl';
  const read = result.understood ? [`${nl ? 'Uit de tekst gelezen' : 'Read from the text'}: ${result.understood[nl ? 'nl' : 'en']}`] : [];
  const apart = (result.bareUnauthorized ?? []).map((b) => {
    const c = getCause(b.causeId);
    return `- ${c ? localize(c.title, locale) : b.causeId}: ${b.check[nl ? 'nl' : 'en']}`;
  });
  const notes = result.localizedNotes.map((n) => n[nl ? 'nl' : 'en']);
  return { causes, notes: [...read, ...notes, ...apart].map((n) => redact(n)) };
}

/** A command with every {placeholder} known from the text, else undefined (a half-filled command misleads). */
function fill(command: string, params: Record<string, string>): string | undefined {
  let missing = false;
  const out = command.replace(/\{([A-Za-z]+)\}/g, (_m, k: string) => params[k] ?? (missing = true, ''));
  return missing ? undefined : redact(out);
}

/** The answer as Markdown, for a model to read (and a person to see in the chat). */
export function answerMarkdown(a: AgentAnswer, locale: Locale): string {
  const nl = locale === 'nl';
  const lines: string[] = [];
  if (a.registry) {
    lines.push(a.healthy ? (nl ? `${a.registry}: geen problemen gevonden.` : `${a.registry}: no problems found.`)
      : a.causes.length ? (nl ? `${a.registry}: oorzaken, de waarschijnlijkste eerst:` : `${a.registry}: causes, most likely first:`)
      : (nl ? `${a.registry}: de diagnose liep niet af binnen de tijd; geen oorzaak gevonden.` : `${a.registry}: the diagnosis ran out of time; no cause found.`));
  } else if (!a.causes.length) {
    lines.push(nl ? 'Geen bekende oorzaak past bij deze tekst.' : 'No known cause matches this text.');
  }
  a.causes.forEach((c, i) => {
    lines.push('', `${i + 1}. **${c.title}** (\`${c.causeId}\`${c.status ? `, ${c.status}` : ''})`);
    if (c.explanation) lines.push(`   ${c.explanation}`);
    for (const f of c.findings ?? []) lines.push(`   - ${f.check}: ${f.message}`);
    for (const cmd of c.commands) lines.push(`   - ${nl ? 'opdracht' : 'command'}: \`${cmd.replace(/`/g, "'")}\``);
    for (const fix of c.reportFixes) lines.push(`   - ${nl ? 'herstel in het rapport (na bevestiging)' : 'fix in the report (after confirmation)'}: ${fix}`);
    if (c.docs) lines.push(`   - ${nl ? 'documentatie' : 'docs'}: ${c.docs}`);
  });
  for (const n of a.notes) lines.push('', n);
  return lines.join('\n');
}

