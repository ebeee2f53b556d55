// `--pulled-by` in text: after the findings, the Azure resources that pull from the registry, one
// line each with its verdict and the causes found (from the pullers.list finding's evidence).
import type { DiagnosisReport } from '../core/engine/types';
import type { Locale } from '../core/catalogue/index';

const HEADING: Record<Locale, string> = { en: 'Pulled by', nl: 'Opgehaald door' };
const NONE: Record<Locale, string> = { en: 'no Azure resource references this registry', nl: 'geen Azure-resource verwijst naar dit register' };
const NOT_LISTED: Record<Locale, string> = { en: 'not listed (see the finding above)', nl: 'niet opgesomd (zie de bevinding hierboven)' };
const WORDS: Record<Locale, Record<string, string>> = {
  en: { ok: 'ok', fail: 'cannot pull', warn: 'may not pull', unknown: 'not judged' },
  nl: { ok: 'in orde', fail: 'kan niet ophalen', warn: 'kan mogelijk niet ophalen', unknown: 'niet beoordeeld' },
};

// The kind in a row's parentheses (pullerKindLabel's English), in Dutch as the tree and the messages word it.
const KINDS_NL: Record<string, string> = {
  'App Service app': 'App Service-app', 'App Service sidecar': 'App Service-sidecar', 'Functions app': 'Functions-app', 'Functions sidecar': 'Functions-sidecar',
  'container group': 'containergroep', 'Machine Learning workspace': 'Machine Learning-werkruimte', 'ACR task': 'ACR-taak', 'connected registry': 'verbonden register', 'AKS cluster': 'AKS-cluster',
};

export function pulledByLines(report: Pick<DiagnosisReport, 'findings'>, locale: Locale): string[] {
  const f = report.findings.find((x) => x.checkId === 'pullers.list');
  const rows = f?.evidence.pullers;
  if (!f || !Array.isArray(rows)) return [`${HEADING[locale]}: ${NOT_LISTED[locale]}`];
  if (!rows.length) return [`${HEADING[locale]}: ${NONE[locale]}`];
  // Rows read "name (what): word[, causes]"; the word is put in the reader's language.
  const kind = (r: string) => (locale === 'nl' ? r.replace(/ \(([^()]+)\): /, (m, k: string) => (KINDS_NL[k] ? ` (${KINDS_NL[k]}): ` : m)) : r);
  return [`${HEADING[locale]}:`, ...rows.map((r) => `  ${kind(r).replace(/: (ok|fail|warn|unknown)(,|$)/, (_m, w: string, tail: string) => `: ${WORDS[locale][w]}${tail}`)}`)];
}
