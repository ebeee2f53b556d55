// A signal that fires at the caller's cancellation or at a deadline, whichever comes first.
// The reason tells them apart: a TimeoutError DOMException for the deadline.

export function withDeadline(signal: AbortSignal | undefined, timeoutMs: number | undefined): AbortSignal {
  const parts: AbortSignal[] = [];
  if (signal) parts.push(signal);
  if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) parts.push(AbortSignal.timeout(Math.max(0, timeoutMs)));
  if (parts.length === 0) return new AbortController().signal;
  return parts.length === 1 ? parts[0] : AbortSignal.any(parts);
}

/** Rejects when the signal aborts; resolves/rejects with the promise otherwise. */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal, onAbort: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (v) => { signal.removeEventListener('abort', abort); resolve(v); },
      (e) => { signal.removeEventListener('abort', abort); reject(e); },
    );
  });
}

export function isTimeout(signal: AbortSignal): boolean {
  return signal.aborted && (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError';
}
