// Small helpers for checks over CheckContext's waits (settled, shared), and signal plumbing.
import type { CheckContext, CheckKey, Finding } from './types';

/** The finding of `key`'s check once it has finished (see CheckContext.settled). */
export function settledFinding(ctx: CheckContext, key: CheckKey): Promise<Finding | undefined> {
  return ctx.settled(key);
}

/** The outcome data of `checkId` once it has finished (undefined if it gave none or did not run). */
export async function settledData<T>(ctx: CheckContext, key: CheckKey<T>): Promise<T | undefined> {
  await ctx.settled(key);
  return ctx.data(key);
}

/** Once-per-run work shared between checks (see CheckContext.shared). */
export function sharedWork<T>(ctx: CheckContext, key: string, make: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return ctx.shared(key, make);
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
