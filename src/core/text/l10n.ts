// The one way to put words in the user's language, for the CLI and the extension alike: the l10n
// bundles (l10n/bundle.l10n*.json, exported by `npm run l10n:export`) through @vscode/l10n. English
// is the key itself, so English needs no bundle; Dutch comes from bundle.l10n.nl.json.
import * as l10n from '@vscode/l10n';
import dutch from '../../../l10n/bundle.l10n.nl.json';

export type Lang = 'en' | 'nl';

let current: Lang | undefined;

/**
 * Points @vscode/l10n at the language's bundle. Front ends call it before `l10n.t` (the CLI once
 * at start; a renderer given a language per call, through `say`/`inLang`).
 */
export function useLanguage(lang: Lang): void {
  if (current === lang) return;
  l10n.config({ contents: lang === 'nl' ? dutch : {} });
  current = lang;
}

/** Runs `f` with @vscode/l10n pointed at the language (for `l10n.t` calls inside it). */
export function inLang<T>(lang: Lang, f: () => T): T {
  useLanguage(lang);
  return f();
}

/** Whether the Dutch bundle has this key (for tests). */
export function hasDutch(key: string): boolean {
  return typeof (dutch as Record<string, unknown>)[key] === 'string';
}
