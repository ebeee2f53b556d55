// A check's message in words, in the front end's language (see ./message and ./l10n).
import * as l10n from '@vscode/l10n';
import { useLanguage, type Lang } from './l10n';
import { renderMessage, type Message } from './message';
import { localizeReason } from '../catalogue/check-messages';

/** A check's message in the language. */
export function say(m: Message, lang: Lang): string {
  useLanguage(lang);
  if (lang === 'en') return renderMessage(m);
  // A param that is a sentence built elsewhere as English (see `prose`) is worded by the reasons' table.
  return renderMessage(m, (id, args) => l10n.t(id, Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? localizeReason(v) : v]))));
}
