// A cause's text when some {placeholders} have no value (pasted text, not a diagnosis): a
// parenthesis that only held a missing value goes, other missing values become a general word,
// so no "…" or "resolves … to …" reaches the reader.
import type { Localized } from './types';

type Locale = keyof Localized;

/** General words for values a pasted error rarely carries; any other missing value is dropped. */
const GENERAL: Record<string, Localized> = {
  loginServer: { en: 'the login server', nl: 'de aanmeldingsserver' },
  resolvedIp: { en: 'another (public) address', nl: 'een ander (openbaar) adres' },
  sku: { en: 'Basic or Standard', nl: 'Basic- of Standard' },
  connectionState: { en: 'in another state', nl: 'in een andere status' },
  registry: { en: 'the registry', nl: 'het register' },
};

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;
const known = (params: Record<string, string | number | undefined>, k: string) => params[k] !== undefined && params[k] !== '';

export function localizeWithoutValues(text: Localized, locale: Locale, params: Record<string, string | number | undefined> = {}): string {
  return text[locale]
    // "(…{x}…)" with a value missing: the parenthesis only illustrated it.
    .replace(/ ?\(([^()]*)\)/g, (all: string, inner: string) =>
      [...inner.matchAll(PLACEHOLDER)].some((m) => !known(params, m[1])) ? '' : all)
    .replace(/ ?\{([a-zA-Z]+)\}/g, (all: string, k: string) => {
      if (known(params, k)) return all.replace(`{${k}}`, String(params[k]));
      const word = GENERAL[k];
      return word ? `${all.startsWith(' ') ? ' ' : ''}${word[locale]}` : '';
    })
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,;:])/g, '$1');
}
