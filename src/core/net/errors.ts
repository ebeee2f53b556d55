// One error type for every probe failure, classified so checks can map it to a cause
// without parsing Node's messages themselves.
import { renderMessage, verbatim, type Message } from '../text/message';

/** Where on the path to the server a probe failed. */
export type NetPhase = 'dns' | 'connect' | 'proxy' | 'tls' | 'http';

/** What went wrong, independent of the phase. */
export type NetErrorKind =
  | 'not-found'      // DNS: no such name (ENOTFOUND / EAI_AGAIN)
  | 'refused'        // ECONNREFUSED
  | 'reset'          // ECONNRESET / EPIPE / socket closed early ("EOF")
  | 'timeout'        // the deadline passed (black hole, firewall drop)
  | 'aborted'        // the caller cancelled
  | 'unreachable'    // EHOSTUNREACH / ENETUNREACH
  | 'tls-untrusted'  // chain does not lead to a trusted root
  | 'tls-name'       // certificate does not name the host
  | 'tls-other'
  | 'proxy-refused'  // the proxy answered CONNECT with a non-2xx status
  | 'protocol'       // garbage where HTTP was expected
  | 'too-large'      // body over the cap
  | 'other';

export class NetError extends Error {
  /** The message as words to localise; Node's own text (a string given) is shown as it is. */
  readonly text: Message;
  constructor(
    readonly phase: NetPhase,
    readonly kind: NetErrorKind,
    message: string | Message,
    /** Node's error code when there was one (ECONNREFUSED, CERT_HAS_EXPIRED...). */
    readonly code?: string,
    readonly details: Record<string, string | number | undefined> = {},
  ) {
    super(typeof message === 'string' ? message : renderMessage(message));
    this.text = typeof message === 'string' ? verbatim(message) : message;
    this.name = 'NetError';
  }
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED']);

/** Turn whatever a socket emitted into a NetError for the given phase. */
export function toNetError(err: unknown, phase: NetPhase, signal?: AbortSignal): NetError {
  if (err instanceof NetError) return err;
  const e = err as NodeJS.ErrnoException | undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = e?.message ? String(e.message) : String(err);
  if (signal?.aborted) {
    const reason = signal.reason as { name?: string } | undefined;
    const kind = reason?.name === 'TimeoutError' ? 'timeout' : 'aborted';
    return new NetError(phase, kind, kind === 'timeout' ? `${phase}: no answer before the deadline` : `${phase}: cancelled`, code);
  }
  if (e?.name === 'AbortError' || code === 'ABORT_ERR') return new NetError(phase, 'aborted', `${phase}: cancelled`, code);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'ENODATA') return new NetError('dns', 'not-found', message, code);
  if (code === 'ECONNREFUSED') return new NetError(phase, 'refused', message, code);
  if (code === 'ETIMEDOUT') return new NetError(phase, 'timeout', message, code);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new NetError(phase, 'unreachable', message, code);
  if (code && RESET_CODES.has(code)) return new NetError(phase, 'reset', message, code);
  if (/socket hang up|premature close|other side closed|EOF/i.test(message)) return new NetError(phase, 'reset', message, code ?? 'EOF');
  if (code === 'HPE_INVALID_CONSTANT' || code?.startsWith('HPE_')) return new NetError(phase, 'protocol', message, code);
  return new NetError(phase, 'other', message, code);
}
