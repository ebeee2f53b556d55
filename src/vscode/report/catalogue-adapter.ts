// The report's window on the catalogue and on "paste an error" (both core, vscode-free).
import { docsUrl, getCause } from '../../core/catalogue/index';
import type { Cause } from '../../core/catalogue/types';
import { baseParams, resolveFixes } from '../../core/engine/fixes';
import { explainText as explainCore, type TellApart } from '../../core/explain';
import type { Localized } from '../../core/catalogue/types';
import type { RegistryTarget } from '../../core/registry/target';
import type { CauseInput } from './view-model';

/** How many pasted-error matches the report lists. */
const MAX_EXPLAINED = 5;

export function findCause(id: string): Cause | undefined {
  return getCause(id);
}

export function causeDocsUrl(cause: Cause, docsLocale: string): string {
  return docsUrl(cause, docsLocale);
}

/** Pasted text → the likely causes, their fixes filled in for this registry (and what the text told, e.g. the client IP). */
/** What the report shows above the causes: what the text says about itself; for a bare "unauthorized", what tells the fitting causes apart. */
export interface ExplainSummary { understood?: Localized; tellApart?: TellApart[]; bareSignal?: '401' | '403' }

export function explainSummary(text: string): ExplainSummary {
  const r = explainCore(text);
  return { ...(r.understood ? { understood: r.understood } : {}), ...(r.bareUnauthorized ? { tellApart: r.bareUnauthorized, bareSignal: r.bareSignal ?? '401' } : {}) };
}

export function explainText(text: string, target: RegistryTarget): CauseInput[] {
  const result = explainCore(text);
  const params = { ...baseParams(target), ...result.params };
  return result.matches.slice(0, MAX_EXPLAINED).map((m, i) => ({
    causeId: m.causeId,
    rank: i + 1,
    status: 'warn' as const,
    checkIds: [],
    fixes: resolveFixes(getCause(m.causeId), params),
    matched: m.matched,
  }));
}

