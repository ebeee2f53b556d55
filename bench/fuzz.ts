// Fuzzing at scale: every parser of outside input (test/unit/fuzz/targets) with FUZZ_RUNS inputs
// (default 10 000) each: failures, the slowest single input, total time.
import { FUZZ_TARGETS } from '../test/unit/fuzz/targets/index';
import { runTarget, type FuzzStats } from '../test/unit/fuzz/harness';
import { fmtMs, median, type Figure } from './figure';
import { hostileFiles, type HostileKind } from '../test/unit/references/hostile-files';
import { scanRegistryReferences, DEFAULT_SCAN_LIMITS } from '../src/core/references/index';

export async function benchFuzz(runs = Number(process.env.FUZZ_RUNS ?? 10_000), log: (s: string) => void = () => undefined): Promise<{ figures: Figure[]; stats: FuzzStats[] }> {
  const stats: FuzzStats[] = [];
  for (const t of FUZZ_TARGETS) {
    const s = await runTarget(t, runs);
    stats.push(s);
    log(`[bench] fuzz ${t.name}: ${s.runs} inputs, ${s.failure ? 'FAILED' : 'ok'}, slowest ${s.maxMs.toFixed(1)} ms, ${fmtMs(s.totalMs)}`);
  }
  const failed = stats.filter((s) => s.failure);
  const hostile = benchHostileFiles(log);
  const slowest = stats.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));
  const total = stats.reduce((n, s) => n + s.totalMs, 0);
  return {
    stats,
    figures: [{
      figure: `fuzz: ${stats.length} parsers × ${runs.toLocaleString('en')} inputs`,
      value: `${failed.length} failing${failed.length ? ` (${failed.map((f) => f.name).join(', ')})` : ''}; slowest input ${slowest.maxMs.toFixed(0)} ms (${slowest.name}); ${fmtMs(total)} in all`,
      goal: 'no escaped exception, no input > 250 ms', met: failed.length === 0,
    }, ...hostile],
  };
}

/** Goal for one hostile file: the scan's own time budget plus the work of splitting 1 MB into lines. */
const HOSTILE_FILE_GOAL_MS = 250;

/**
 * One row per file kind: the slowest of its hostile ~1 MB files (test/unit/references/hostile-files.ts),
 * median of 3, through the scan the problems view runs on every open or edited file.
 */
export function benchHostileFiles(log: (s: string) => void = () => undefined): Figure[] {
  const byKind = new Map<HostileKind, { ms: number; name: string; refs: number; stopped?: string }[]>();
  for (const f of hostileFiles()) {
    const times: number[] = [];
    let r = scanRegistryReferences(f.path, f.text);
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      r = scanRegistryReferences(f.path, f.text);
      times.push(performance.now() - t0);
    }
    const row = { ms: median(times), name: f.name, refs: r.refs.length, stopped: r.stopped };
    log(`[bench] 1 MB hostile ${f.kind} file (${f.name}): ${fmtMs(row.ms)}, ${row.refs} references${row.stopped ? ` (stopped: ${row.stopped})` : ''}`);
    byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), row]);
  }
  return [...byKind].map(([kind, rows]) => {
    const worst = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
    return {
      figure: `fuzz: 1 MB hostile ${kind} file`,
      value: `${fmtMs(worst.ms)} (slowest of ${rows.length}: ${worst.name}, ${worst.refs} references${worst.stopped ? `, stopped at ${worst.stopped === 'findings' ? 'the cap' : worst.stopped}` : ''})`,
      goal: `≤ ${HOSTILE_FILE_GOAL_MS} ms`, met: worst.ms <= HOSTILE_FILE_GOAL_MS,
      note: `findRegistryReferences, median of 3; caps: ${DEFAULT_SCAN_LIMITS.maxFindings} references, ${DEFAULT_SCAN_LIMITS.maxMatchesPerLine} matches per line, ${DEFAULT_SCAN_LIMITS.budgetMs} ms`,
    };
  });
}
