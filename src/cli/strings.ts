// The CLI's own words, English and Dutch (cause texts come from the catalogue).
import type { Locale } from '../core/catalogue/index';

const S = {
  diagnosing: { en: 'Diagnosing {target}', nl: 'Diagnose van {target}' },
  checks: { en: '{n} checks', nl: '{n} controles' },
  causes: { en: 'Causes, most likely first', nl: 'Oorzaken, meest waarschijnlijke eerst' },
  healthy: { en: 'No problems found: {target} is reachable.', nl: 'Geen problemen gevonden: {target} is bereikbaar.' },
  budget: { en: 'The {s} s budget ran out before every check finished.', nl: 'De tijd van {s} s was op voordat alle controles klaar waren.' },
  done: { en: 'Done in {ms} ms.', nl: 'Klaar in {ms} ms.' },
  seeSection: { en: 'Docs section', nl: 'Documentatiesectie' },
  fix: { en: 'Fix', nl: 'Oplossing' },
  blockedBy: { en: 'blocked by', nl: 'geblokkeerd door' },
  noMatch: { en: 'No known cause matches this text.', nl: 'Geen bekende oorzaak past bij deze tekst.' },
  matches: { en: 'Possible causes, most likely first', nl: 'Mogelijke oorzaken, meest waarschijnlijke eerst' },
  matched: { en: 'matched', nl: 'gevonden' },
  understood: { en: 'Read from the text', nl: 'Uit de tekst gelezen' },
  tellApart: { en: 'What tells these causes apart', nl: 'Wat deze oorzaken van elkaar onderscheidt' },
  runDiagnosis: { en: 'acr-doctor diagnose {registry} runs these checks.', nl: 'acr-doctor diagnose {registry} voert deze controles uit.' },
  error: { en: 'acr-doctor: {msg}', nl: 'acr-doctor: {msg}' },
  explainUsage: { en: 'give the error text as an argument or on stdin', nl: 'geef de fouttekst als argument of via stdin' },
  relativeCompileCache: { en: 'ACR_DOCTOR_COMPILE_CACHE is not an absolute path: ignored (a relative one would put the cache in the current folder)', nl: 'ACR_DOCTOR_COMPILE_CACHE is geen absoluut pad: genegeerd (een relatief pad zou de cache in de huidige map zetten)' },
  relativeXdgCache: { en: 'XDG_CACHE_HOME is not an absolute path: ignored, ~/.cache is used', nl: 'XDG_CACHE_HOME is geen absoluut pad: genegeerd, ~/.cache wordt gebruikt' },
  cacheOffOnWindows: { en: 'off on Windows (the owner and mode of its files cannot be checked there)', nl: 'uit op Windows (eigenaar en rechten van de bestanden zijn daar niet te controleren)' },
} as const;

export type StringKey = keyof typeof S;

export function t(locale: Locale, key: StringKey, params: Record<string, string | number> = {}): string {
  return S[key][locale].replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
}

/** LC_ALL beats LC_MESSAGES beats LANG, as gettext does. */
export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^nl([_-]|$|\.)/i.test(tag) ? 'nl' : 'en';
}
