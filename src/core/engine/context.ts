// Helpers for checks over the optional parts of CheckContext (settled, shared): the runner always
// provides them; a context built elsewhere (a unit test's) falls back to the plain behaviour.
import type { CheckContext, Finding } from './types';

/** The finding of `checkId` once it has finished (see CheckContext.settled); else what is there now. */
export function settledFinding(ctx: CheckContext, checkId: string): Promise<Finding | undefined> {
  return ctx.settled ? ctx.settled(checkId) : Promise.resolve(ctx.finding(checkId));
}

/** The outcome data of `checkId` once it has finished (undefined if it gave none or did not run). */
export async function settledData<T>(ctx: CheckContext, checkId: string): Promise<T | undefined> {
  await settledFinding(ctx, checkId);
  return ctx.data<T>(checkId);
}

/** Once-per-run work shared between checks (see CheckContext.shared); without a runner, just `make`. */
export function sharedWork<T>(ctx: CheckContext, key: string, make: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return ctx.shared ? ctx.shared(key, make) : make(ctx.signal);
}

/** An AbortSignal or the Azure SDK's AbortSignalLike. */
interface SignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

function abortReason(signal: SignalLike): unknown {
  return (signal as { reason?: unknown }).reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** `p`, or a rejection with the signal's reason as soon as `signal` aborts. */
export function untilAborted<T>(p: Promise<T>, signal: SignalLike): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then((v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e) => { signal.removeEventListener('abort', onAbort); reject(e); });
  });
}
