// Engine findings and ranked causes → the localised, redacted view models the webview shows.
import { localize } from '../../core/catalogue/index';
import { localizeWithoutValues } from '../../core/catalogue/without-values';
import { say } from '../../core/text/say';
import { prose } from '../../core/text/message';
import type { ResolvedFix } from '../../core/catalogue/types';
import type { Evidence, Finding, RankedCause } from '../../core/engine/types';
import type { CauseView, CheckView, EvidenceRow, FixView } from '../../shared/report-protocol';
import { MAX_FIXES_PER_CAUSE } from '../../shared/report-protocol';
import type { ViewContext } from './view-context';

export function checkView(f: Finding, ctx: ViewContext, blockedByTitle?: string): CheckView {
  return {
    id: f.checkId,
    area: f.area,
    title: ctx.checkTitle(f.checkId, f.title),
    status: f.status,
    message: ctx.redact(say(f.text ?? prose(f.message), ctx.lang)),
    causeId: f.causeId,
    startedMs: f.startedMs,
    durationMs: f.durationMs,
    evidence: evidenceRows(f.evidence, ctx),
    blockedBy: f.blockedBy ? blockedByTitle ?? f.blockedBy : undefined,
  };
}

export function evidenceRows(e: Evidence | undefined, ctx: ViewContext): EvidenceRow[] {
  if (!e) return [];
  return Object.entries(e)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => ({ key, value: ctx.redact(Array.isArray(v) ? v.join(', ') : String(v)) }));
}

export type CauseInput = Pick<RankedCause, 'causeId' | 'rank' | 'status' | 'checkIds' | 'fixes'> & {
  /** Set for causes matched from pasted text: what matched. Their text has no diagnosis's values. */
  matched?: string[];
};

/**
 * undefined for a cause id the catalogue does not know (shown as the check's message instead).
 * `params` (registry, loginServer) and the fixes' own params fill the text's {placeholders}.
 */
export function causeView(c: CauseInput, ctx: ViewContext, params: Record<string, string> = {}): CauseView | undefined {
  const cause = ctx.getCause(c.causeId);
  if (!cause) return undefined;
  const filled = Object.assign({}, params, ...c.fixes.map((f) => f.params ?? {})) as Record<string, string>;
  const words = c.matched ? localizeWithoutValues : localize;
  return {
    causeId: c.causeId,
    rank: c.rank,
    status: c.status,
    title: ctx.redact(words(cause.title, ctx.lang, filled)),
    explanation: ctx.redact(words(cause.explanation, ctx.lang, filled)),
    sectionTitle: cause.sectionTitle[ctx.lang],
    docsUrl: ctx.causeDocsUrl(cause),
    checkIds: [...c.checkIds],
    fixes: c.fixes.slice(0, MAX_FIXES_PER_CAUSE).map((f, index) => fixView(f, index, ctx)),
    ...(c.matched ? { matched: c.matched.slice(0, 5).map((m) => ctx.redact(m).slice(0, 160)) } : {}),
  };
}

function fixView(f: ResolvedFix, index: number, ctx: ViewContext): FixView {
  return {
    index,
    kind: f.kind,
    title: f.title[ctx.lang],
    command: f.command ? ctx.redact(f.command) : undefined,
    runnable: ctx.canRun(f),
  };
}

/** Ranked causes while the run is still going: failing findings, most fundamental layer first. */
export function provisionalCauses(findings: Finding[], ctx: ViewContext): CauseInput[] {
  const byCause = new Map<string, CauseInput>();
  for (const f of findings) {
    if (!f.causeId || (f.status !== 'fail' && f.status !== 'warn')) continue;
    const seen = byCause.get(f.causeId);
    if (seen) {
      seen.checkIds.push(f.checkId);
      if (f.status === 'fail') seen.status = 'fail';
      continue;
    }
    byCause.set(f.causeId, { causeId: f.causeId, rank: 0, status: f.status, checkIds: [f.checkId], fixes: f.fixes });
  }
  const layer = (id: string) => ctx.getCause(id)?.layer ?? Number.MAX_SAFE_INTEGER;
  return [...byCause.values()]
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1) || layer(a.causeId) - layer(b.causeId))
    .map((c, i) => ({ ...c, rank: i + 1 }));
}
