// The contract between the report panel (src/vscode/report) and its webview (src/webview).
// Only types and descriptors; both sides import it. Everything the webview shows comes
// from here: the host localises, redacts and resolves URLs before posting.
import type { FixKind } from '../core/catalogue/types';
import type { CheckArea, CheckStatus } from '../core/engine/types';
import type { IdentitySpec, Operation } from '../core/registry/image-reference';
import { IpcCommand, IpcNotification, isEmptyParams, isInt, isRecord, isShortString, onlyKeys } from './ipc';

export const REPORT_VIEW_TYPE = 'acrDoctor.report';
export const REPORT_STATE_VERSION = 1;

// ---------------------------------------------------------------- view model
export type CheckViewStatus = CheckStatus | 'pending';

export interface EvidenceRow { key: string; value: string }

export interface CheckView {
  id: string;
  area: CheckArea;
  title: string;
  status: CheckViewStatus;
  message: string;
  causeId?: string;
  startedMs?: number;
  durationMs?: number;
  evidence: EvidenceRow[];
  /** Title of the check whose failure blocked this one. */
  blockedBy?: string;
}

export interface FixView {
  /** Position in the cause's fixes: the webview names a fix by (causeId, index), never by its text. */
  index: number;
  kind: FixKind;
  title: string;
  /** The filled-in command, shown and copied. */
  command?: string;
  /** Whether "Run fix" is offered (a runner exists for it). */
  runnable: boolean;
}

export interface CauseView {
  causeId: string;
  rank: number;
  status: 'fail' | 'warn';
  title: string;
  explanation: string;
  /** The seed's section title, localised. */
  sectionTitle: string;
  docsUrl: string;
  checkIds: string[];
  fixes: FixView[];
  /** Pasted-text causes only: the phrases of the text that matched (redacted, short). */
  matched?: string[];
}

export interface ExplainView {
  input: string;
  causes: CauseView[];
  /** The login server the pasted text names, offered as "Diagnose <registry>". */
  registry?: string;
  /** What the text says about itself, e.g. "docker push of contoso.azurecr.io/web:1 → 401" (UI language). */
  understood?: string;
  /** The text says no more than "unauthorized": each fitting cause and the check that tells it apart. */
  tellApart?: { causeId: string; title: string; check: string }[];
  /** Which bare refusal tellApart is for: 401 (unauthorized) or 403 (forbidden). */
  bareSignal?: '401' | '403';
}

export type ReportPhase = 'idle' | 'running' | 'done' | 'failed';

export interface FixOutcomeView {
  causeId: string;
  outcome: 'applied' | 'cancelled' | 'failed';
  message: string;
}

export interface ReportState {
  version: typeof REPORT_STATE_VERSION;
  loginServer: string;
  identity?: string;
  phase: ReportPhase;
  startedAt?: string;
  elapsedMs: number;
  budgetExceeded?: boolean;
  error?: string;
  checks: CheckView[];
  causes: CauseView[];
  explain?: ExplainView;
  /** Workspace Trust: fixes only run in a trusted workspace. */
  trusted: boolean;
  lastFix?: FixOutcomeView;
  /** What is diagnosed beyond the registry: image, operation, identity (never a secret). */
  target?: TargetView;
}

/** The report header's form: what the user attempts, as whom. Persisted with the panel. */
export interface TargetView {
  /** The image after the login server, as typed ('app:1.4', 'team/app@sha256:…'), or none. */
  image?: string;
  operation: Operation;
  identity: IdentitySpec;
  /** The identity in words, localised ("Service principal 1b2c…"); no secret. */
  identityLabel: string;
}

/** The first paint: state plus every string the webview shows, already localised. */
export interface ReportBootstrap {
  state: ReportState;
  strings: ReportStrings;
}

export const REPORT_STRING_KEYS = [
  'title', 'identity', 'elapsed', 'sectionLogin', 'sectionNetwork', 'sectionCauses', 'noCauses',
  'running', 'done', 'failed', 'budgetExceeded', 'statusPass', 'statusWarn', 'statusFail', 'statusSkipped',
  'statusInfo', 'statusPending', 'blockedBy', 'evidence', 'duration', 'openDocs', 'copyCommand', 'runFix',
  'rerunCheck', 'rerunAll', 'cancel', 'exportMarkdown', 'exportJson', 'pasteTitle', 'pasteHint', 'pasteSubmit',
  'pasteNoMatch', 'rootCause', 'alsoCause', 'seedSection', 'untrusted', 'fixApplied', 'fixCancelled',
  'fixFailed', 'checksHeading', 'ms', 'seconds', 'notStarted', 'copied',
  'targetImage', 'targetImagePlaceholder', 'targetOperation', 'operationLogin', 'operationPull', 'operationPush',
  'targetIdentity', 'changeIdentity', 'targetApply', 'targetLegend',
  'pasteMatched', 'diagnoseNamed',
  'pasteUnderstood', 'pasteTellApart', 'pasteTellApartForbidden', 'pasteRunChecks',
] as const;
export type ReportStringKey = (typeof REPORT_STRING_KEYS)[number];
export type ReportStrings = Record<ReportStringKey, string>;

// ---------------------------------------------------------------- host → webview
export const DidChangeStateNotification = new IpcNotification<{ state: ReportState }>(
  'state/didChange', (p): p is { state: ReportState } => isRecord(p) && isRecord(p.state));

/**
 * Streamed findings (those that finished within one frame, in the report's order), with the
 * causes as ranked so far.
 */
export interface CheckUpdate { checks: CheckView[]; causes: CauseView[]; elapsedMs: number }
export const DidUpdateCheckNotification = new IpcNotification<CheckUpdate>(
  'check/didUpdate', (p): p is CheckUpdate =>
    isRecord(p) && Array.isArray(p.checks) && p.checks.length > 0 && p.checks.every(isRecord) && Array.isArray(p.causes) && typeof p.elapsedMs === 'number');

export interface IpcResponse { seq: number; ok: boolean; error?: string }
/** Completions for the header's image field, answering a `target/suggest`. */
export interface ImageSuggestions { text: string; items: string[]; error?: string }
export const MAX_IMAGE_SUGGESTIONS = 200;
export const ImageSuggestionsNotification = new IpcNotification<ImageSuggestions>(
  'target/suggestions', (p): p is ImageSuggestions => isRecord(p) && typeof p.text === 'string' && Array.isArray(p.items));

export const ResponseNotification = new IpcNotification<IpcResponse>(
  'ipc/response', (p): p is IpcResponse => isRecord(p) && isInt(p.seq, 0, Number.MAX_SAFE_INTEGER) && typeof p.ok === 'boolean');

// ---------------------------------------------------------------- webview → host (untrusted)
const CAUSE_ID = /^[a-z0-9][a-z0-9.-]{0,99}$/;
const CHECK_ID = /^[a-z0-9][a-zA-Z0-9._-]{0,99}$/;
/** A pasted error may be long (a whole build log tail) but not unbounded. */
export const MAX_PASTED_CHARS = 20_000;
export const MAX_FIXES_PER_CAUSE = 20;

export interface FixRef { causeId: string; index: number }
const isFixRef = (p: unknown): p is FixRef =>
  isRecord(p) && onlyKeys(p, ['causeId', 'index']) && isShortString(p.causeId, 100, CAUSE_ID) &&
  isInt(p.index, 0, MAX_FIXES_PER_CAUSE - 1);

export const ReadyCommand = new IpcCommand<Record<string, never>>('webview/ready', isEmptyParams);
export const RunFixCommand = new IpcCommand<FixRef>('fix/run', isFixRef);
export const CopyCommandCommand = new IpcCommand<FixRef>('fix/copy', isFixRef);

export interface OpenDocsParams { causeId: string }
export const OpenDocsCommand = new IpcCommand<OpenDocsParams>('docs/open', (p): p is OpenDocsParams =>
  isRecord(p) && onlyKeys(p, ['causeId']) && isShortString(p.causeId, 100, CAUSE_ID));

export interface RerunCheckParams { checkId: string }
export const RerunCheckCommand = new IpcCommand<RerunCheckParams>('check/rerun', (p): p is RerunCheckParams =>
  isRecord(p) && onlyKeys(p, ['checkId']) && isShortString(p.checkId, 100, CHECK_ID));

export const RerunAllCommand = new IpcCommand<Record<string, never>>('report/rerun', isEmptyParams);
export const CancelCommand = new IpcCommand<Record<string, never>>('report/cancel', isEmptyParams);

export type ExportFormat = 'markdown' | 'json';
export interface ExportParams { format: ExportFormat }
export const ExportCommand = new IpcCommand<ExportParams>('report/export', (p): p is ExportParams =>
  isRecord(p) && onlyKeys(p, ['format']) && (p.format === 'markdown' || p.format === 'json'));

export interface ExplainParams { text: string }
export const ExplainCommand = new IpcCommand<ExplainParams>('explain/submit', (p): p is ExplainParams =>
  isRecord(p) && onlyKeys(p, ['text']) && isShortString(p.text, MAX_PASTED_CHARS));

/** "Diagnose <registry>" under pasted-text causes: the host diagnoses the registry the text named, never one the webview names. */
export const ExplainDiagnoseCommand = new IpcCommand<Record<string, never>>('explain/diagnose', isEmptyParams);

// The header form. The webview only names an image and an operation; the host parses the image
// (clear refusal in the response when it is not one) and asks for the identity itself.
/** Longest image text accepted (repository 255 + tag 128 + digest). */
export const MAX_IMAGE_CHARS = 520;
const IMAGE_TEXT = /^[\x21-\x7e]*$/;
const OPERATION_VALUES: readonly string[] = ['login', 'pull', 'push'];
export const isOperation = (x: unknown): x is Operation => typeof x === 'string' && OPERATION_VALUES.includes(x);
const isImageText = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_IMAGE_CHARS && IMAGE_TEXT.test(x);

export interface SetTargetParams { image: string; operation: Operation }
export const SetTargetCommand = new IpcCommand<SetTargetParams>('target/set', (p): p is SetTargetParams =>
  isRecord(p) && onlyKeys(p, ['image', 'operation']) && isImageText(p.image) && isOperation(p.operation));

/** Opens the host's identity quick pick (secrets are asked there, never in the webview). */
export const PickIdentityCommand = new IpcCommand<Record<string, never>>('target/pickIdentity', isEmptyParams);

export interface SuggestParams { text: string }
export const SuggestImagesCommand = new IpcCommand<SuggestParams>('target/suggest', (p): p is SuggestParams =>
  isRecord(p) && onlyKeys(p, ['text']) && isImageText(p.text));

export const WEBVIEW_COMMANDS = [
  ReadyCommand, RunFixCommand, CopyCommandCommand, OpenDocsCommand, RerunCheckCommand, RerunAllCommand,
  CancelCommand, ExportCommand, ExplainCommand, SetTargetCommand, PickIdentityCommand, SuggestImagesCommand,
  ExplainDiagnoseCommand,
] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An identity as persisted or posted: one of the known kinds with only its own, well-formed fields. */
export function isIdentitySpec(x: unknown): x is IdentitySpec {
  if (!isRecord(x) || typeof x.kind !== 'string') return false;
  switch (x.kind) {
    case 'azure': case 'docker': case 'admin': case 'exposed-token': return onlyKeys(x, ['kind']);
    case 'sp': return onlyKeys(x, ['kind', 'clientId']) && (x.clientId === undefined || (typeof x.clientId === 'string' && GUID.test(x.clientId)));
    case 'token': return onlyKeys(x, ['kind', 'name']) && (x.name === undefined || isShortString(x.name, 50, /^[a-zA-Z0-9-]{5,50}$/));
    case 'aks': return onlyKeys(x, ['kind', 'cluster']) && isShortString(x.cluster, 63, /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/);
    case 'mi': return onlyKeys(x, ['kind', 'clientId']) && typeof x.clientId === 'string' && GUID.test(x.clientId);
    case 'service': return onlyKeys(x, ['kind', 'name']) && isShortString(x.name, 400, /^(?:[a-zA-Z0-9][a-zA-Z0-9._()-]{0,259}|\/subscriptions\/[^\s]+)$/);
    default: return false;
  }
}

/** A target from a restored panel: as untrusted as a message. */
export function isTargetView(x: unknown): x is TargetView {
  return isRecord(x) && onlyKeys(x, ['image', 'operation', 'identity', 'identityLabel']) &&
    (x.image === undefined || isImageText(x.image)) && isOperation(x.operation) && isIdentitySpec(x.identity) &&
    (x.identityLabel === undefined || typeof x.identityLabel === 'string');
}

/** State a serializer hands back is as untrusted as any message: check its shape before use. */
export function isReportState(x: unknown): x is ReportState {
  return isRecord(x) && x.version === REPORT_STATE_VERSION && isShortString(x.loginServer, 300) &&
    Array.isArray(x.checks) && Array.isArray(x.causes) && typeof x.phase === 'string';
}
