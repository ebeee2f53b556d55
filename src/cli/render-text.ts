// Human output: one line per finding as it arrives, then the ranked causes with fixes.
// Colours only on a TTY (and never with NO_COLOR).
import type { Finding, DiagnosisReport, EngineEvent } from '../core/engine/types';
import { getCause, localize, localizeDocsUrl, type Locale } from '../core/catalogue/index';
import { say } from '../core/text/say';
import { prose } from '../core/text/message';
import * as l10n from '@vscode/l10n';
import { useLanguage } from '../core/text/l10n';

export interface Style { red(s: string): string; yellow(s: string): string; green(s: string): string; dim(s: string): string; bold(s: string): string; cyan(s: string): string }

export function makeStyle(colour: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (colour ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22), cyan: wrap(36, 39) };
}

const MARK: Record<Finding['status'], string> = { pass: '✔', fail: '✖', warn: '!', skipped: '-', info: 'i' };

/** A check's title in the locale: the extension's Dutch bundle has every `check.<id>.title`. */
export function checkTitle(checkId: string, english: string, locale: Locale): string {
  useLanguage(locale);
  const key = `check.${checkId}.title`;
  const t = l10n.t(key);
  return t === key ? english : t;
}

export function findingLine(f: Finding, style: Style, locale: Locale): string {
  useLanguage(locale);
  const colour = f.status === 'fail' ? style.red : f.status === 'warn' ? style.yellow : f.status === 'pass' ? style.green : style.dim;
  const time = style.dim(`${f.durationMs} ms`);
  const blocked = f.blockedBy ? style.dim(` (${l10n.t('blocked by')} ${f.blockedBy})`) : '';
  const message = say(f.text ?? prose(f.message), locale);
  return `${colour(MARK[f.status])} ${checkTitle(f.checkId, f.title, locale)} ${time}${blocked}\n    ${f.status === 'skipped' ? style.dim(message) : message}`;
}

export function causesBlock(report: DiagnosisReport, style: Style, locale: Locale, budgetS = 6): string {
  useLanguage(locale);
  const lines: string[] = [];
  if (!report.causes.length) {
    // Not "healthy" when the budget ran out: checks were skipped or unfinished (the budget line says so).
    if (!report.budgetExceeded) lines.push(style.green(l10n.t('No problems found: {target} is reachable.', { target: report.target.loginServer })));
  } else {
    lines.push(style.bold(l10n.t('Causes, most likely first')));
    for (const rc of report.causes) {
      const cause = getCause(rc.causeId);
      const params: Record<string, string | number | undefined> = {};
      for (const f of report.findings.filter((x) => rc.checkIds.includes(x.checkId))) {
        for (const fix of f.fixes) Object.assign(params, fix.params);
        for (const [k, v] of Object.entries(f.evidence)) if (typeof v === 'string' || typeof v === 'number') params[k] ??= v;
      }
      params.loginServer = report.target.loginServer;
      params.registry = report.target.name;
      const mark = rc.status === 'fail' ? style.red(`${rc.rank}.`) : style.yellow(`${rc.rank}.`);
      lines.push('', `${mark} ${style.bold(cause ? localize(cause.title, locale) : rc.causeId)} ${style.dim(`[${rc.causeId}]`)}`);
      if (cause) {
        lines.push(`   ${localize(cause.explanation, locale, params)}`);
        lines.push(style.dim(`   ${l10n.t('Docs section')}: ${cause.sectionTitle[locale]}${cause.checkHealthCode ? ` · check-health ${cause.checkHealthCode}` : ''}`));
      }
      for (const fix of rc.fixes) {
        const title = fix.title[locale];
        if (fix.command) lines.push(`   ${style.cyan('$')} ${fix.command}  ${style.dim(`# ${title}`)}`);
        else if (fix.docsUrl) lines.push(`   ${style.cyan('→')} ${localizeDocsUrl(fix.docsUrl, locale)}  ${style.dim(`# ${title}`)}`);
      }
    }
  }
  if (report.budgetExceeded) lines.push('', style.yellow(l10n.t('The {s} s budget ran out before every check finished.', { s: budgetS })));
  lines.push('', style.dim(l10n.t('Done in {ms} ms.', { ms: report.durationMs })));
  return lines.join('\n');
}

export function textRenderer(write: (s: string) => void, style: Style, locale: Locale, budgetS = 6): (ev: EngineEvent) => void {
  return (ev) => {
    useLanguage(locale);
    if (ev.type === 'start') write(`${style.bold(l10n.t('Diagnosing {target}', { target: ev.target.loginServer }))} ${style.dim(`(${l10n.t('{n} checks', { n: ev.checks.length })})`)}\n\n`);
    else if (ev.type === 'finding') write(`${findingLine(ev.finding, style, locale)}\n`);
    else write(`\n${causesBlock(ev.report, style, locale, budgetS)}\n`);
  };
}
