// Typed builders for report tests: findings, reports and a view context backed by the real catalogue.
import { docsUrl, getCause } from '../../../../src/core/catalogue/index';
import type { DiagnosisReport, Finding } from '../../../../src/core/engine/types';
import { parseRegistryInput } from '../../../../src/core/registry/target';
import { redact } from '../../../../src/core/text/redact';
import type { ViewContext } from '../../../../src/vscode/report/view-context';

export function finding(p: Partial<Finding> & Pick<Finding, 'checkId'>): Finding {
  return { area: 'network', title: p.checkId, status: 'pass', message: 'ok', evidence: {}, fixes: [], startedMs: 0, durationMs: 5, ...p };
}

export function viewContext(lang: 'en' | 'nl' = 'en'): ViewContext {
  const docsLocale = lang === 'nl' ? 'nl-nl' : 'en-us';
  return {
    lang, docsLocale, getCause, causeDocsUrl: (c) => docsUrl(c, docsLocale),
    checkTitle: (_id, english) => english, canRun: (f) => f.kind === 'changeAzureSetting', redact: (t) => redact(t),
  };
}

export function report(findings: Finding[], causes: DiagnosisReport['causes']): DiagnosisReport {
  return { target: parseRegistryInput('contoso.azurecr.io'), startedAt: '2026-11-25T12:00:00.000Z', durationMs: 1234, findings, causes, budgetExceeded: false };
}
