// The contract between checks, the engine and every front end (CLI, VS Code, tests).
// Checks produce outcomes; the engine turns them into findings and streams them.
import type { CauseId, ResolvedFix } from '../catalogue/types';
import type { RegistryTarget } from '../registry/target';
import type { DiagnoseEnvironment } from './environment';
import type { KeepAlivePool } from '../net/keep-alive';
import type { Message } from '../text/message';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped' | 'info';

/** Which section of the report a check belongs to. */
export type CheckArea = 'login' | 'network';

/** What was observed: addresses, status codes, headers, timings. Values are already redacted. */
export type Evidence = Record<string, string | number | boolean | string[] | undefined>;

declare const dataOf: unique symbol;

/**
 * A check's id together with the type of the data its outcome carries. One key per check
 * (`const DNS = checkKey<DnsData>('net.dns')`), used as its `id`, in other checks' `needs` /
 * `after` / `awaits` and in `ctx.data(key)` / `ctx.settled(key)`: a plain string does not fit,
 * so a misspelt id does not compile, and the data read has the type the check returns.
 */
export type CheckKey<TData = unknown> = string & { readonly [dataOf]: TData };

/** The key of the check with id `id` whose outcome carries `TData`. */
export function checkKey<TData = unknown>(id: string): CheckKey<TData> {
  return id as CheckKey<TData>;
}

/** What a check's `run` returns. */
export interface CheckOutcome<TData = unknown> {
  status: Exclude<CheckStatus, 'skipped'>;
  /** One plain sentence about what was seen, as an id (its English wording) and params: `msg(...)`. */
  message: Message;
  /** The catalogue cause this outcome points to (for warn/fail). */
  causeId?: CauseId;
  evidence?: Evidence;
  /** Values filled into the cause's fix templates, e.g. { clientIp: '192.0.2.1' }. */
  fixParams?: Record<string, string>;
  /** Data for dependent checks (never shown): read with `ctx.data(key)`. */
  data?: TData;
}

export interface CheckContext {
  readonly target: RegistryTarget;
  readonly env: DiagnoseEnvironment;
  /** Aborted at the check's deadline, the run's budget, or when the user cancels. */
  readonly signal: AbortSignal;
  /** The outcome data of a check this one `needs` (undefined if it produced none). */
  data<T>(key: CheckKey<T>): T | undefined;
  /** The finding of any check that already finished. */
  finding(key: CheckKey): Finding | undefined;
  /**
   * The finding of a check this one `awaits` (or needs / runs after), once it has finished; at
   * once for one that finished, is not in the run or is not declared. Resolves (possibly
   * undefined) at this check's own abort too, so a slow prerequisite never outlives its deadline.
   */
  settled(key: CheckKey): Promise<Finding | undefined>;
  /**
   * One piece of work per run, shared by every check that asks for the same key (one registry
   * listing, one token exchange): `make` runs once, with the run's signal (budget, cancel), not
   * the first caller's deadline; each caller's wait still ends at its own signal.
   */
  shared<T>(key: string, make: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /**
   * The run's keep-alive connections (`httpRequest`'s `keepAlive`), for the requests after the
   * probes (the token chain, catalog, manifests, blob); a probe never takes one. Closed at the
   * run's end.
   */
  readonly connections?: KeepAlivePool;
}

export interface Check<TData = unknown> {
  /** Stable id, e.g. 'net.dns', 'login.docker.daemon', as the check's key (`checkKey`). */
  readonly id: CheckKey<TData>;
  readonly area: CheckArea;
  /** Short English title; localised titles live in l10n keyed by `check.<id>.title`. */
  readonly title: string;
  /** Ids of checks that must pass (or warn) before this one can run. */
  readonly needs: readonly CheckKey[];
  /** Checks whose result this one reads when present, without requiring them to pass. */
  readonly after?: readonly CheckKey[];
  /**
   * Like `after`, but the check starts at once and waits itself (`ctx.settled(id)`) at the point
   * it reads their result: its own probes overlap theirs instead of queueing behind them.
   */
  readonly awaits?: readonly CheckKey[];
  /** Per-check deadline in ms. */
  readonly timeoutMs: number;
  /** Return false to leave the check out of a run entirely (e.g. needs ARM and none is known). */
  applies?(target: RegistryTarget, env: DiagnoseEnvironment): boolean;
  run(ctx: CheckContext): Promise<CheckOutcome<TData>>;
}

/** One streamed result. */
export interface Finding {
  checkId: string;
  area: CheckArea;
  title: string;
  status: CheckStatus;
  /** The message in English (logs, JSON, SARIF, agents). */
  message: string;
  /**
   * The same message as id + params, for front ends to render in their language (`say`). Absent in
   * a finding read back from elsewhere (an exported report), which has only the English.
   */
  text?: Message;
  causeId?: CauseId;
  evidence: Evidence;
  fixes: ResolvedFix[];
  /** When it started, relative to the run's start, and how long it took (ms). */
  startedMs: number;
  durationMs: number;
  /** For skipped: the check whose failure blocked it. */
  blockedBy?: string;
}

/** Ranked causes at the end of a run: the root cause first. */
export interface RankedCause {
  causeId: CauseId;
  rank: number;
  checkIds: string[];
  status: 'fail' | 'warn';
  fixes: ResolvedFix[];
}

export interface DiagnosisReport {
  target: RegistryTarget;
  startedAt: string;
  durationMs: number;
  findings: Finding[];
  causes: RankedCause[];
  /** true when the total budget ran out before every check finished. */
  budgetExceeded: boolean;
}

export type EngineEvent =
  | { type: 'start'; target: RegistryTarget; checks: { id: string; area: CheckArea; title: string }[] }
  | { type: 'finding'; finding: Finding }
  | { type: 'done'; report: DiagnosisReport };
