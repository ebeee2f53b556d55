// The checks of one run as a dependency graph: which checks take part (applies + their needs
// take part), a topological depth per check (for ranking), and the checks caught in cycles.
import type { Check } from './types';

export interface CheckGraph {
  /** Checks that take part, in declaration order. */
  checks: Check[];
  /** Left out, with the reason (does not apply, needs a check that does not take part). */
  excluded: { id: string; reason: string }[];
  /** Checks in or behind a dependency cycle: reported as skipped. */
  cyclic: Set<string>;
  /** 0 for checks without prerequisites, 1 + max(depth of needs/after/awaits) otherwise. */
  depth: Map<string, number>;
}

/**
 * `known`: every check id that exists (default: those of `all`). A run of a subset (`--only
 * network`) leaves out checks that exist; a `needs`, `after` or `awaits` naming no check at all is
 * a misspelling, and would silently drop its check from every run: that throws.
 */
export function buildGraph(all: readonly Check[], applies: (c: Check) => boolean, known?: ReadonlySet<string>): CheckGraph {
  const byId = new Map<string, Check>();
  for (const c of all) {
    if (byId.has(c.id)) throw new Error(`two checks share the id "${c.id}"`);
    byId.set(c.id, c);
  }
  const exists = known ?? new Set(byId.keys());
  for (const c of all) {
    for (const dep of [...c.needs, ...(c.after ?? []), ...(c.awaits ?? [])]) {
      if (!exists.has(dep) && !byId.has(dep)) throw new Error(`check "${c.id}" names "${dep}", which is no check`);
    }
  }
  const excluded: { id: string; reason: string }[] = [];
  const active = new Map<string, Check>();
  for (const c of all) {
    let ok = false;
    try { ok = applies(c); } catch { ok = false; }
    if (ok) active.set(c.id, c); else excluded.push({ id: c.id, reason: 'does not apply' });
  }
  // A check whose prerequisite is not part of the run cannot run either (transitively).
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of [...active.values()]) {
      const missing = c.needs.find((n) => !active.has(n));
      if (missing) {
        active.delete(c.id);
        excluded.push({ id: c.id, reason: `needs ${missing}, which does not take part` });
        changed = true;
      }
    }
  }
  // `awaits` counts like `after` for depth (ranking) and cycles (two checks awaiting each other would wait out their deadlines).
  const deps = (c: Check) => [...c.needs, ...(c.after ?? []), ...(c.awaits ?? [])].filter((d) => active.has(d));
  const depth = new Map<string, number>();
  const cyclic = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): number => {
    const s = state.get(id);
    if (s === 'done') return depth.get(id) ?? 0;
    if (s === 'visiting') { cyclic.add(id); return 0; }
    state.set(id, 'visiting');
    let d = 0;
    for (const dep of deps(active.get(id)!)) {
      d = Math.max(d, visit(dep) + 1);
      if (cyclic.has(dep)) cyclic.add(id);
    }
    state.set(id, 'done');
    depth.set(id, d);
    return d;
  };
  for (const id of active.keys()) visit(id);
  return { checks: [...active.values()], excluded, cyclic, depth };
}
