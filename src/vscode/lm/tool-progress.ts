// A language model tool's progress during a diagnosis: each finished check moves the chat's
// progress line ("12 of 31 checks done: TLS handshake"). Kept free of `vscode` so it is unit-tested;
// the wording comes in from the caller (vscode.l10n).
import type { EngineEvent } from '../../core/engine/types';

/** The host's progress sink (ToolProgressStep where the host has it). */
export interface ToolProgress { report(step: { message?: string; increment?: number }): void }

export function progressReporter(
  progress: ToolProgress | undefined,
  word: (done: number, total: number, title: string) => string,
): (e: EngineEvent) => void {
  if (typeof progress?.report !== 'function') return () => undefined;
  let total = 0;
  let done = 0;
  return (e) => {
    if (e.type === 'start') { total = e.checks.length; return; }
    if (e.type !== 'finding' || !total) return;
    done += 1;
    try {
      progress.report({ message: word(done, total, e.finding.title), increment: 100 / total });
    } catch { /* the host's progress is a courtesy, never the diagnosis's failure */ }
  };
}
