// A check's message in words, in the front end's language (see ./message and ./l10n).
import * as l10n from '@vscode/l10n';
import { useLanguage, type Lang } from './l10n';
import { renderMessage, type Message } from './message';

/** A check's message in the language: each id through the bundle, string params as they are. */
export function say(m: Message, lang: Lang): string {
  useLanguage(lang);
  return lang === 'en' ? renderMessage(m) : renderMessage(m, (id, args) => l10n.t(id, args));
}
