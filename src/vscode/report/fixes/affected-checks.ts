// Which checks to re-run after a fix for a cause: the checks that reported it and every
// check that was skipped because of them (directly or down a chain of skips).
import type { Finding } from '../../../core/engine/types';

export function affectedChecks(causeCheckIds: readonly string[], findings: readonly Finding[]): string[] {
  const out = new Set(causeCheckIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of findings) {
      if (f.status === 'skipped' && f.blockedBy && out.has(f.blockedBy) && !out.has(f.checkId)) { out.add(f.checkId); grew = true; }
    }
  }
  return [...out];
}
