// MCP progress for a diagnosis: when the client sent a progressToken, each finished check becomes a
// `notifications/progress` (n of the run's checks, with the check's title and verdict), so an agent
// sees the run move instead of a silent wait. Messages carry no evidence, only redacted titles.
import type { EngineEvent } from '../core/engine/types';
import { redact } from '../core/text/redact';

export interface ProgressNotification {
  method: 'notifications/progress';
  params: { progressToken: string | number; progress: number; total?: number; message?: string };
}

export function progressNotifier(
  token: string | number | undefined,
  send: (n: ProgressNotification) => Promise<void>,
): ((e: EngineEvent) => void) | undefined {
  if (token === undefined) return undefined;
  let total: number | undefined;
  let done = 0;
  return (e) => {
    if (e.type === 'start') { total = e.checks.length; return; }
    if (e.type !== 'finding') return;
    done += 1;
    const message = redact(`${e.finding.title}: ${e.finding.status}`).slice(0, 200);
    // A client that went away is not the diagnosis's failure: the answer still comes back (or not).
    send({ method: 'notifications/progress', params: { progressToken: token, progress: done, ...(total ? { total } : {}), message } }).catch(() => undefined);
  };
}
