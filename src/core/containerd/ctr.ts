// Is containerd there for ctr / nerdctl? `ctr --address <socket> version` prints the client's
// version and then asks the daemon for its own: the same dial a pull makes.
import { runProgram } from '../docker/run-program';

export const DEFAULT_CONTAINERD_ADDRESS = '/run/containerd/containerd.sock';

export type ContainerdVersion =
  | { state: 'ok'; client?: string; server: string }
  | { state: 'failed'; client?: string; message: string; permission: boolean };

/** The "Version:" under "Client:" and under "Server:". */
export function parseCtrVersion(text: string): { client?: string; server?: string } {
  const out: { client?: string; server?: string } = {};
  let section: 'client' | 'server' | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^client:$/i.test(line)) section = 'client';
    else if (/^server:$/i.test(line)) section = 'server';
    else {
      const m = /^version:\s*(\S{1,60})$/i.exec(line);
      if (m && section) out[section] ??= m[1];
    }
  }
  return out;
}

export async function containerdVersion(
  ctr: string, address: string, opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ContainerdVersion> {
  const timeoutMs = opts.timeoutMs ?? 3000;
  // ctr's own dial timeout, shorter than ours so its error text comes back instead of our kill.
  const r = await runProgram(ctr, ['--address', address, '--connect-timeout', `${Math.max(1, Math.floor(timeoutMs / 2000))}s`, 'version'], { env: opts.env, timeoutMs, signal: opts.signal });
  const v = parseCtrVersion(r.stdout);
  if (r.startError) return { state: 'failed', message: `${ctr} could not be started (${r.startError})`, permission: false };
  if (r.code === 0 && v.server) return { state: 'ok', client: v.client, server: v.server };
  const said = (r.stderr || r.stdout).replace(/[\x00-\x1f\x7f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  const message = r.timedOut ? `containerd did not answer at ${address} in time` : said || `ctr version exited with code ${r.code ?? '?'}`;
  return { state: 'failed', client: v.client, message, permission: /permission denied/i.test(said) };
}
