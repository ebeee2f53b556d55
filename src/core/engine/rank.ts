// Rank causes so the root cause comes first. A failure outranks a warning, unless the warning is
// tied to a failure through the dependency graph (needs, after, awaits): the warning's check fed
// a check that failed, or read a failure and explains it (a wrong cloud suffix behind a DNS
// failure). A warning tied to
// no failure blocked nothing, so it cannot be the root cause of one (a Standard SKU note is not
// why a password is refused). Among the failures and the tied warnings: the catalogue's layer (a
// client-side network fault explains a later token failure, not the other way round), then where
// the reporting check sits in the dependency graph (earlier = closer to the root), then fail
// before warn, then the order findings arrived.
import type { Cause, CauseId, ResolvedFix } from '../catalogue/types';
import type { Check, Finding, RankedCause } from './types';

type Links = Pick<Check, 'id' | 'needs' | 'after' | 'awaits'>;

/** Every check connected to `from` through needs/after/awaits, upstream or downstream (transitively). */
function connected(checks: readonly Links[]): (from: string) => Set<string> {
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const c of checks) {
    const deps = [...c.needs, ...(c.after ?? []), ...(c.awaits ?? [])];
    up.set(c.id, deps);
    for (const d of deps) down.set(d, [...(down.get(d) ?? []), c.id]);
  }
  const walk = (start: string, edges: Map<string, string[]>, seen: Set<string>) => {
    const stack = [start];
    while (stack.length) {
      for (const n of edges.get(stack.pop()!) ?? []) if (!seen.has(n)) { seen.add(n); stack.push(n); }
    }
  };
  return (from) => { const seen = new Set<string>(); walk(from, up, seen); walk(from, down, seen); return seen; };
}

/**
 * `checks`: the run's checks (their needs/after/awaits tie a warning to a failure). Without them every
 * warning ranks after every failure.
 */
export function rankCauses(findings: Finding[], depth: Map<string, number>, causeOf: (id: CauseId) => Cause | undefined, checks: readonly Links[] = []): RankedCause[] {
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
  const failing = new Set(findings.filter((f) => f.status === 'fail').map((f) => f.checkId));
  const near = connected(checks);
  const tiedToFailure = (g: Group) => g.checkIds.some((id) => [...near(id)].some((n) => failing.has(n)));
  const band = new Map<CauseId, number>();
  for (const g of groups.values()) band.set(g.causeId, g.status === 'fail' || tiedToFailure(g) ? 0 : 1);
  const layer = (id: CauseId) => causeOf(id)?.layer ?? 1000;
  const sorted = [...groups.values()].sort((a, b) =>
    band.get(a.causeId)! - band.get(b.causeId)! ||
    layer(a.causeId) - layer(b.causeId) ||
    a.depth - b.depth ||
    (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1) ||
    a.order - b.order);
  return sorted.map((g, i) => ({ causeId: g.causeId, rank: i + 1, checkIds: g.checkIds, status: g.status, fixes: g.fixes }));
}
