// Typed message descriptors shared by the extension host and the report webview
// (the GitLens shape: a `scope/name` method and an `is()` guard that validates the payload).
// No value imports: this file is bundled into the webview too.

export interface IpcMessage<P> {
  method: string;
  params: P;
  /** Set on commands that want an `ipc/response`. */
  req?: number;
}

export type Validator<P> = (params: unknown) => params is P;

abstract class IpcDescriptor<P> {
  constructor(readonly method: string, private readonly validate: Validator<P>) {}

  /** True only for a well-formed message of this kind: nothing unexpected, nothing missing. */
  is(msg: unknown): msg is IpcMessage<P> {
    if (!isRecord(msg) || msg.method !== this.method) return false;
    if (!onlyKeys(msg, ['method', 'params', 'req'])) return false;
    if (msg.req !== undefined && !isInt(msg.req, 0, Number.MAX_SAFE_INTEGER)) return false;
    return this.validate(msg.params);
  }

  create(params: P, req?: number): IpcMessage<P> {
    return req === undefined ? { method: this.method, params } : { method: this.method, params, req };
  }
}

/** Webview → host. Untrusted: the host checks `is()` before anything else. */
export class IpcCommand<P> extends IpcDescriptor<P> {}
/** Host → webview. */
export class IpcNotification<P> extends IpcDescriptor<P> {}

// Small validators, shared by every descriptor.
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}

export function onlyKeys(x: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(x).every((k) => allowed.includes(k));
}

export function isInt(x: unknown, min: number, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}

export function isShortString(x: unknown, max: number, pattern?: RegExp): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= max && (!pattern || pattern.test(x));
}

export function isEmptyParams(x: unknown): x is Record<string, never> {
  return x === undefined || (isRecord(x) && Object.keys(x).length === 0);
}
