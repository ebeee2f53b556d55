// What turning engine output into report view models needs from the outside world.
// Kept free of `vscode` so the mapping and the exports run in plain node tests.
import type { Cause, ResolvedFix } from '../../core/catalogue/types';

export type UiLanguage = 'en' | 'nl';

export interface ViewContext {
  lang: UiLanguage;
  /** learn.microsoft.com locale segment: 'nl-nl' or 'en-us'. */
  docsLocale: string;
  getCause(id: string): Cause | undefined;
  /** Docs URL of a cause (exact anchor) in `docsLocale`. */
  causeDocsUrl(cause: Cause): string;
  /** A check's title in the UI language (falls back to the engine's English title). */
  checkTitle(checkId: string, englishTitle: string): string;
  /** Whether a fix can be run from the UI (a runner exists). */
  canRun(fix: ResolvedFix): boolean;
  /** Removes secrets from any text shown or exported. */
  redact(text: string): string;
}

/** `vscode.env.language` → the UI language and the docs locale (`nl-nl` for Dutch, else en-us). */
export function languageOf(vscodeLanguage: string | undefined): { lang: UiLanguage; docsLocale: string } {
  const l = (vscodeLanguage ?? '').toLowerCase();
  return l === 'nl' || l.startsWith('nl-') ? { lang: 'nl', docsLocale: 'nl-nl' } : { lang: 'en', docsLocale: 'en-us' };
}
