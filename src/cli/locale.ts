// The CLI's language, from the environment. Its words are `l10n.t` strings (src/core/text/l10n.ts).
import type { Locale } from '../core/catalogue/index';

/** LC_ALL beats LC_MESSAGES beats LANG, as gettext does. */
export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^nl([_-]|$|\.)/i.test(tag) ? 'nl' : 'en';
}
