// Runs checks as a dependency graph, concurrently, each with its own deadline and an
// AbortSignal linked to the caller's and to the run's total budget; streams findings.
//
//   for await (const ev of streamDiagnosis(checks, target, env, { budgetMs: 6000 })) …
//   const report = await runDiagnosis(checks, target, env, { onEvent });
import type { Cause, CauseId } from '../catalogue/types';
import type { RegistryTarget } from '../registry/target';
import { redact, redactDeep } from '../text/redact';
import { stripControlChars, stripControlCharsDeep } from '../text/control-chars';
import type { DiagnoseEnvironment } from './environment';
import type { Check, CheckContext, CheckOutcome, DiagnosisReport, EngineEvent, Evidence, Finding } from './types';
import { buildGraph } from './graph';
import { baseParams, resolveFixes } from './fixes';
import { rankCauses } from './rank';
import { runScopedCredential } from './run-credential';
import { wrapsCredential } from '../azure/connection';
import { KeepAlivePool } from '../net/keep-alive';
import { untilAborted } from './context';
import { mapMessage, msg, renderMessage, type Message } from '../text/message';

export const DEFAULT_BUDGET_MS = 6000;
/** How long a check may take to notice its abort before the engine stops waiting for it. */
const ABORT_GRACE_MS = 150;

export interface RunOptions {
  /** The caller's cancellation (VS Code's token adapted, Ctrl-C in the CLI). */
  signal?: AbortSignal;
  /** Total budget for the run in ms (default 6000). Checks still running at the end are aborted. */
  budgetMs?: number;
  /** Called for every event, in order, as it happens. */
  onEvent?: (event: EngineEvent) => void;
  /** Cause lookup (default: the catalogue). */
  causeOf?: (id: CauseId) => Cause | undefined;
  /** Secret values to hide wherever they appear in findings (explicit credentials are added automatically). */
  secrets?: string[];
  /** Multiply every check's deadline (a slow link: `--timeout 20` gives checks proportionally longer). Default 1. */
  deadlineScale?: number;
  /** Every check id that exists, when `checks` is a subset of them (see `buildGraph`). */
  knownCheckIds?: ReadonlySet<string>;
}

interface Slot {
  check: Check;
  finding?: Finding;
  outcome?: CheckOutcome;
  started?: boolean;
}

const OK_FOR_DEPENDENTS = new Set(['pass', 'warn', 'info']);

function blockerOf(slots: Map<string, Slot>, id: string): string {
  // The root failing check behind a chain of skips.
  const f = slots.get(id)?.finding;
  return f?.status === 'skipped' && f.blockedBy ? f.blockedBy : id;
}

export async function runDiagnosis(
  checks: readonly Check[], target: RegistryTarget, env: DiagnoseEnvironment, options: RunOptions = {},
): Promise<DiagnosisReport> {
  const t0 = performance.now();
  const startedAt = env.now().toISOString();
  const causeOf = options.causeOf ?? (() => undefined);
  const secrets = [...(options.secrets ?? [])];
  if (env.credentials?.password) secrets.push(env.credentials.password);
  const emit = (ev: EngineEvent) => { try { options.onEvent?.(ev); } catch { /* a front end's bug must not stop the run */ } };

  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  // The budget aborts with an AbortError, not a TimeoutError: a probe cut short by the budget is
  // "stopped" (skipped), never mistaken for a host that does not answer (a false "blocked").
  const budgetController = new AbortController();
  const budgetTimer = setTimeout(() => budgetController.abort(new DOMException(`the run's ${budgetMs} ms budget ran out`, 'AbortError')), Math.max(0, budgetMs));
  budgetTimer.unref?.();
  const budget = budgetController.signal;
  const runSignal = options.signal ? AbortSignal.any([options.signal, budget]) : budget;

  // One Entra token per scope for the whole run, however many checks ask at once.
  const runEnv: DiagnoseEnvironment = env.azure ? { ...env, azure: { ...env.azure, credential: wrapsCredential(runScopedCredential(env.azure.credential, runSignal), env.azure.credential) } } : env;
  const sharedWork = new Map<string, Promise<unknown>>();
  const connections = new KeepAlivePool();
  /** Resolvers of ctx.settled() calls, per awaited check id. */
  const waiters = new Map<string, (() => void)[]>();

  const graph = buildGraph(checks, (c) => (c.applies ? c.applies(target, env) : true), options.knownCheckIds);
  const slots = new Map<string, Slot>(graph.checks.map((c) => [c.id, { check: c }]));
  const findings: Finding[] = [];
  emit({ type: 'start', target, checks: graph.checks.map((c) => ({ id: c.id, area: c.area, title: c.title })) });

  const elapsed = () => performance.now() - t0;
  const finish = (slot: Slot, partial: Omit<Finding, 'checkId' | 'area' | 'title' | 'fixes' | 'evidence' | 'message' | 'text'> & { message: Message; evidence?: Evidence; fixParams?: Record<string, string> }) => {
    if (slot.finding) return;
    const c = slot.check;
    const params = { ...baseParams(target), ...(partial.fixParams ?? {}) };
    // Redacted, and without terminal escapes from the network (an issuer, a reason phrase).
    const text = mapMessage(partial.message, (v) => stripControlChars(redact(v, secrets)));
    const finding: Finding = {
      checkId: c.id,
      area: c.area,
      title: c.title,
      status: partial.status,
      message: renderMessage(text),
      text,
      causeId: partial.causeId,
      evidence: stripControlCharsDeep(redactDeep(partial.evidence ?? {}, secrets)),
      fixes: partial.causeId && (partial.status === 'fail' || partial.status === 'warn') ? stripControlCharsDeep(redactDeep(resolveFixes(causeOf(partial.causeId), params), secrets)) : [],
      startedMs: Math.round(partial.startedMs),
      durationMs: Math.round(partial.durationMs),
    };
    if (partial.blockedBy) finding.blockedBy = partial.blockedBy;
    slot.finding = finding;
    findings.push(finding);
    emit({ type: 'finding', finding });
    for (const w of waiters.get(c.id) ?? []) w();
    waiters.delete(c.id);
  };

  for (const id of graph.cyclic) {
    const slot = slots.get(id)!;
    finish(slot, { status: 'skipped', message: msg('not run: its prerequisites depend on each other (a cycle)'), startedMs: 0, durationMs: 0 });
  }

  const running = new Map<string, Promise<void>>();
  let wake: () => void = () => undefined;
  const progressed = () => wake();

  const runOne = async (slot: Slot) => {
    const c = slot.check;
    const started = elapsed();
    const deadlineMs = Math.max(0, Math.round(c.timeoutMs * Math.max(1, options.deadlineScale ?? 1)));
    const deadline = AbortSignal.timeout(deadlineMs);
    const signal = AbortSignal.any([runSignal, deadline]);
    const declared = new Set<string>([...c.needs, ...(c.after ?? []), ...(c.awaits ?? [])]);
    const ctx: CheckContext = {
      target, env: runEnv, signal, connections,
      data: <T>(id: string) => slots.get(id)?.outcome?.data as T | undefined,
      finding: (id: string) => slots.get(id)?.finding,
      // Only declared ids are waited for: the graph has checked those for cycles.
      settled: (id: string) => {
        const s = slots.get(id);
        if (!s || s.finding || !declared.has(id) || signal.aborted) return Promise.resolve(s?.finding);
        return new Promise<Finding | undefined>((resolve) => {
          const done = () => { signal.removeEventListener('abort', done); resolve(slots.get(id)?.finding); };
          signal.addEventListener('abort', done, { once: true });
          waiters.set(id, [...(waiters.get(id) ?? []), done]);
        });
      },
      shared: <T>(key: string, make: (s: AbortSignal) => Promise<T>): Promise<T> => {
        let p = sharedWork.get(key) as Promise<T> | undefined;
        if (!p) {
          p = Promise.resolve().then(() => make(runSignal));
          p.catch(() => undefined); // every caller sees the failure; none is left unhandled
          sharedWork.set(key, p);
        }
        return untilAborted(p, signal);
      },
    };
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    // The check should stop at its signal; if it ignores it, stop waiting shortly after.
    const overrun = new Promise<'overrun'>((resolve) => {
      onAbort = () => { timer = setTimeout(() => resolve('overrun'), ABORT_GRACE_MS); };
      if (signal.aborted) onAbort(); else signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const result = await Promise.race([Promise.resolve().then(() => c.run(ctx)), overrun]);
      const durationMs = elapsed() - started;
      if (result === 'overrun') {
        const byBudget = budget.aborted && !deadline.aborted;
        const cancelled = options.signal?.aborted && !deadline.aborted && !budget.aborted;
        finish(slot, {
          status: 'skipped',
          message: cancelled ? msg('cancelled') : byBudget ? msg('stopped: the run\'s {budgetMs} ms budget ran out', { budgetMs }) : msg('no result within its {deadlineMs} ms deadline', { deadlineMs }),
          evidence: { timedOut: !cancelled }, startedMs: started, durationMs,
        });
      } else {
        slot.outcome = result;
        finish(slot, { ...result, startedMs: started, durationMs });
      }
    } catch (err) {
      // A check that throws has a bug or met something it did not expect: say so, do not crash.
      const error = err instanceof Error ? err.message : String(err);
      const aborted = signal.aborted;
      finish(slot, {
        status: aborted ? 'skipped' : 'warn',
        message: aborted ? msg('stopped before it finished ({msg})', { msg: error }) : msg('the check could not complete: {msg}', { msg: error }),
        evidence: { error }, startedMs: started, durationMs: elapsed() - started,
      });
    } finally {
      if (timer) clearTimeout(timer);
      // Node keeps an AbortSignal.any() signal that has a listener until it aborts, and this one
      // never does once its deadline signal is collected: with the listener the run stayed in memory.
      if (onAbort) signal.removeEventListener('abort', onAbort);
      running.delete(c.id);
      progressed();
    }
  };

  // Schedule: start every check whose prerequisites have finished; skip those whose needs failed.
  for (;;) {
    let startedAny = false;
    for (const slot of slots.values()) {
      if (slot.finding || slot.started) continue;
      const c = slot.check;
      const failedNeed = c.needs.find((n) => { const f = slots.get(n)?.finding; return f && !OK_FOR_DEPENDENTS.has(f.status); });
      if (failedNeed) {
        const by = blockerOf(slots, failedNeed);
        finish(slot, { status: 'skipped', message: msg('not run: {by} did not pass', { by }), blockedBy: by, startedMs: elapsed(), durationMs: 0 });
        startedAny = true;
        continue;
      }
      const waiting = [...c.needs, ...(c.after ?? [])].some((d) => slots.has(d) && !slots.get(d)!.finding);
      if (waiting) continue;
      if (runSignal.aborted) {
        const cancelled = options.signal?.aborted;
        finish(slot, { status: 'skipped', message: cancelled ? msg('cancelled') : msg('not run: the run\'s {budgetMs} ms budget ran out', { budgetMs }), startedMs: elapsed(), durationMs: 0 });
        startedAny = true;
        continue;
      }
      slot.started = true;
      startedAny = true;
      running.set(c.id, runOne(slot));
    }
    if ([...slots.values()].every((s) => s.finding)) break;
    if (startedAny) continue;
    if (running.size === 0) break; // nothing runnable and nothing running: should not happen
    await new Promise<void>((resolve) => { wake = resolve; });
  }

  clearTimeout(budgetTimer);
  connections.close();
  const causes = rankCauses(findings, graph.depth, causeOf, graph.checks);
  const report: DiagnosisReport = {
    target,
    startedAt,
    durationMs: Math.round(elapsed()),
    findings,
    causes,
    budgetExceeded: budget.aborted,
  };
  emit({ type: 'done', report });
  return report;
}

/** The same run as an async iterator of events (start, finding…, done). */
export async function* streamDiagnosis(
  checks: readonly Check[], target: RegistryTarget, env: DiagnoseEnvironment, options: RunOptions = {},
): AsyncGenerator<EngineEvent, DiagnosisReport, undefined> {
  const queue: EngineEvent[] = [];
  let notify: (() => void) | undefined;
  let done = false;
  let failure: unknown;
  const promise = runDiagnosis(checks, target, env, {
    ...options,
    onEvent: (ev) => { options.onEvent?.(ev); queue.push(ev); notify?.(); },
  }).then((r) => { done = true; notify?.(); return r; }, (e) => { failure = e; done = true; notify?.(); return undefined; });
  for (;;) {
    while (queue.length) yield queue.shift()!;
    if (done) break;
    await new Promise<void>((resolve) => { notify = resolve; });
    notify = undefined;
  }
  while (queue.length) yield queue.shift()!;
  if (failure) throw failure;
  return (await promise)!;
}
