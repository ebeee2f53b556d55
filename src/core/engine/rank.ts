// Rank causes so the root cause comes first. Order: the catalogue's layer (a client-side
// network fault explains a later token failure, not the other way round), then where the
// reporting check sits in the dependency graph (earlier = closer to the root), then fail
// before warn, then the order findings arrived.
import type { Cause, CauseId, ResolvedFix } from '../catalogue/types';
import type { Finding, RankedCause } from './types';

export function rankCauses(findings: Finding[], depth: Map<string, number>, causeOf: (id: CauseId) => Cause | undefined): RankedCause[] {
  interface Group { causeId: CauseId; checkIds: string[]; status: 'fail' | 'warn'; fixes: ResolvedFix[]; depth: number; order: number }
  const groups = new Map<CauseId, Group>();
  findings.forEach((f, order) => {
    if (!f.causeId || (f.status !== 'fail' && f.status !== 'warn')) return;
    const g = groups.get(f.causeId);
    const d = depth.get(f.checkId) ?? 0;
    if (!g) {
      groups.set(f.causeId, { causeId: f.causeId, checkIds: [f.checkId], status: f.status, fixes: [...f.fixes], depth: d, order });
      return;
    }
    g.checkIds.push(f.checkId);
    if (f.status === 'fail') g.status = 'fail';
    g.depth = Math.min(g.depth, d);
    for (const fix of f.fixes) {
      if (!g.fixes.some((x) => x.kind === fix.kind && x.command === fix.command && x.docsUrl === fix.docsUrl && x.action === fix.action)) g.fixes.push(fix);
    }
  });
  const layer = (id: CauseId) => causeOf(id)?.layer ?? 1000;
  const sorted = [...groups.values()].sort((a, b) =>
    layer(a.causeId) - layer(b.causeId) ||
    a.depth - b.depth ||
    (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1) ||
    a.order - b.order);
  return sorted.map((g, i) => ({ causeId: g.causeId, rank: i + 1, checkIds: g.checkIds, status: g.status, fixes: g.fixes }));
}
