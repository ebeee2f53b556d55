// Sends commands to the host; a command with `expectReply` gets a promise settled by the
// host's `ipc/response` (the req/seq pairing of vscode-pull-request-github).
import type { IpcCommand } from '../../shared/ipc';
import type { IpcResponse } from '../../shared/report-protocol';
import { vscodeApi } from './vscode-api';

let nextReq = 1;
const pending = new Map<number, (r: IpcResponse) => void>();

export function send<P>(cmd: IpcCommand<P>, params: P): void {
  vscodeApi.postMessage(cmd.create(params));
}

export function request<P>(cmd: IpcCommand<P>, params: P): Promise<IpcResponse> {
  const req = nextReq++;
  return new Promise((resolve) => {
    pending.set(req, resolve);
    vscodeApi.postMessage(cmd.create(params, req));
  });
}

export function settle(r: IpcResponse): void {
  const resolve = pending.get(r.seq);
  pending.delete(r.seq);
  resolve?.(r);
}
