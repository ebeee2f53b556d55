// The contract between the report panel (src/vscode/report) and its webview (src/webview).
// Only types and descriptors; both sides import it. Everything the webview shows comes
// from here: the host localises, redacts and resolves URLs before posting.
import type { FixKind } from '../core/catalogue/types';
import type { CheckArea, CheckStatus } from '../core/engine/types';
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
}

export interface ExplainView {
  input: string;
  causes: CauseView[];
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
] as const;
export type ReportStringKey = (typeof REPORT_STRING_KEYS)[number];
export type ReportStrings = Record<ReportStringKey, string>;

// ---------------------------------------------------------------- host → webview
export const DidChangeStateNotification = new IpcNotification<{ state: ReportState }>(
  'state/didChange', (p): p is { state: ReportState } => isRecord(p) && isRecord(p.state));

/** One streamed finding, with the causes as ranked so far. */
export interface CheckUpdate { check: CheckView; causes: CauseView[]; elapsedMs: number }
export const DidUpdateCheckNotification = new IpcNotification<CheckUpdate>(
  'check/didUpdate', (p): p is CheckUpdate =>
    isRecord(p) && isRecord(p.check) && Array.isArray(p.causes) && typeof p.elapsedMs === 'number');

export interface IpcResponse { seq: number; ok: boolean; error?: string }
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

export const WEBVIEW_COMMANDS = [
  ReadyCommand, RunFixCommand, CopyCommandCommand, OpenDocsCommand, RerunCheckCommand, RerunAllCommand,
  CancelCommand, ExportCommand, ExplainCommand,
] as const;

/** State a serializer hands back is as untrusted as any message: check its shape before use. */
export function isReportState(x: unknown): x is ReportState {
  return isRecord(x) && x.version === REPORT_STATE_VERSION && isShortString(x.loginServer, 300) &&
    Array.isArray(x.checks) && Array.isArray(x.causes) && typeof x.phase === 'string';
}
