// The catalogue of causes: one typed record per cause the seeds name and per
// `az acr check-health` code. Text is English + Dutch; fixes are templates filled
// with the registry's names (`{registry}`, `{loginServer}`, `{clientIp}`, ...).

export type SeedId = 'troubleshoot-login' | 'troubleshoot-network';

export type Localized = { en: string; nl: string };

export type FixKind = 'openDocs' | 'copyCommand' | 'runCommand' | 'changeAzureSetting';

export interface FixTemplate {
  kind: FixKind;
  title: Localized;
  /** For openDocs: the docs page and anchor. */
  docs?: { page: string; anchor: string };
  /** For copy/run: the command text with {placeholders}. */
  command?: string;
  /** For changeAzureSetting / runCommand: a stable action id the front end implements. */
  action?: string;
  /** Params that must be known for this fix to be offered. */
  requires?: string[];
}

export interface ResolvedFix {
  kind: FixKind;
  title: Localized;
  /** Docs URL without locale; front ends insert the locale. */
  docsUrl?: string;
  command?: string;
  action?: string;
  params?: Record<string, string>;
}

/** Everything a cause record holds but its id. */
export interface CauseFields {
  title: Localized;
  explanation: Localized;
  seed: SeedId | 'check-health';
  /** Section anchor in the seed (also the docs anchor on learn.microsoft.com). */
  section: string;
  /** Seed section title, Dutch as in the seed and English as in the docs. */
  sectionTitle: Localized;
  docs: { page: string; anchor: string };
  checkHealthCode?: string;
  /** Symptom strings (error text) this cause explains; lower-case substrings or regex sources. */
  symptoms: string[];
  fixes: FixTemplate[];
  /** Lower = more fundamental; used to rank the root cause first (a dead daemon before a role). */
  layer: number;
}

export interface Cause extends CauseFields {
  id: CauseId;
}

/** A record as written in the catalogue files: its `id` stays the literal `CauseId` is built from. */
export interface CauseRecord<Id extends string> extends CauseFields {
  id: Id;
}

/**
 * Every cause id: the ids of the records in network-causes.ts, login-causes.ts and image-causes.ts,
 * so a misspelt id does not compile. A new cause is a new record there, nothing else.
 */
export type CauseId =
  | (typeof import('./network-causes'))['NETWORK_CAUSES'][number]['id']
  | (typeof import('./login-causes'))['LOGIN_CAUSES'][number]['id']
  | (typeof import('./image-causes'))['IMAGE_CAUSES'][number]['id']
  | (typeof import('./puller-causes'))['PULLER_CAUSES'][number]['id']
  | (typeof import('./client-causes'))['CLIENT_CAUSES'][number]['id'];
