// The catalogue: network and login causes merged into one table.
//   getCause('network.ip-rule-excludes-client'), allCauses(), docsUrl(cause, 'nl')
import type { Cause, CauseId, Localized } from './types';
import { NETWORK_CAUSES } from './network-causes';
import { LOGIN_CAUSES } from './login-causes';
import { IMAGE_CAUSES } from './image-causes';
import { PULLER_CAUSES } from './puller-causes';
import { CLIENT_CAUSES, CLIENT_SYMPTOMS } from './client-causes';

export type { Cause, CauseId, Localized, FixTemplate, ResolvedFix } from './types';
export { LAYER } from './layers';

// podman's and containerd's words for causes recorded with Docker's join those records' symptoms.
const withClientSymptoms = (c: Cause): Cause => (CLIENT_SYMPTOMS[c.id] ? { ...c, symptoms: [...c.symptoms, ...CLIENT_SYMPTOMS[c.id]] } : c);
const ALL: readonly Cause[] = [...NETWORK_CAUSES, ...LOGIN_CAUSES, ...IMAGE_CAUSES, ...PULLER_CAUSES, ...CLIENT_CAUSES].map(withClientSymptoms);
const BY_ID = new Map<string, Cause>();
for (const c of ALL) {
  // First record wins; the catalogue test fails on duplicates so they are noticed.
  if (!BY_ID.has(c.id)) BY_ID.set(c.id, c);
}

/** Every cause id, in catalogue order (the sandbox scenarios and the tests agree through it). */
export const CAUSE_IDS: readonly CauseId[] = ALL.map((c) => c.id);

/** Whether an id read from outside (JSON, a message, a scenario) names a cause. */
export function isKnownCauseId(x: unknown): x is CauseId {
  return typeof x === 'string' && BY_ID.has(x);
}

/** The record of a cause; undefined for an id that names none (ids from outside are strings). */
export function getCause(id: string): Cause | undefined {
  return BY_ID.get(id);
}

export function allCauses(): readonly Cause[] {
  return ALL;
}

export type Locale = 'en' | 'nl';

/** "nl", "nl-NL", "nl_BE.UTF-8" → 'nl'; everything else → 'en'. */
export function localeFrom(tag: string | undefined): Locale {
  return /^nl\b|^nl[-_]/i.test(tag ?? '') ? 'nl' : 'en';
}

const LEARN_LOCALE: Record<Locale, string> = { en: 'en-us', nl: 'nl-nl' };
const LEARN = 'https://learn.microsoft.com';

/** The cause's docs page and anchor in the given language (no locale: let the site choose). */
export function docsUrl(cause: Pick<Cause, 'docs'>, locale?: Locale | string): string {
  const loc = locale ? `/${LEARN_LOCALE[localeFrom(locale)]}` : '';
  const { page, anchor } = cause.docs;
  if (/^https:\/\//.test(page)) return `${page}${anchor ? `#${anchor}` : ''}`;
  return `${LEARN}${loc}/azure/container-registry/${page}${anchor ? `#${anchor}` : ''}`;
}

/** Insert a locale into a ResolvedFix.docsUrl (which is stored without one). */
export function localizeDocsUrl(url: string, locale: Locale | string): string {
  return url.replace(/^https:\/\/learn\.microsoft\.com\/(?![a-z]{2}-[a-z]{2}\/)/, `${LEARN}/${LEARN_LOCALE[localeFrom(locale)]}/`);
}

/** Pick a language; fill {placeholders} from params (unknown ones become "…"). */
export function localize(text: Localized, locale: Locale, params: Record<string, string | number | undefined> = {}): string {
  return text[locale].replace(/\{([a-zA-Z]+)\}/g, (_m, k: string) => (params[k] === undefined || params[k] === '' ? '…' : String(params[k])));
}
