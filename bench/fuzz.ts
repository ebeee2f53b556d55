// Fuzzing at scale: every parser of outside input (test/unit/fuzz/targets) with FUZZ_RUNS inputs
// (default 10 000) each: failures, the slowest single input, total time.
import { FUZZ_TARGETS } from '../test/unit/fuzz/targets/index';
import { runTarget, type FuzzStats } from '../test/unit/fuzz/harness';
import { fmtMs, type Figure } from './figure';

export async function benchFuzz(runs = Number(process.env.FUZZ_RUNS ?? 10_000), log: (s: string) => void = () => undefined): Promise<{ figures: Figure[]; stats: FuzzStats[] }> {
  const stats: FuzzStats[] = [];
  for (const t of FUZZ_TARGETS) {
    const s = await runTarget(t, runs);
    stats.push(s);
    log(`[bench] fuzz ${t.name}: ${s.runs} inputs, ${s.failure ? 'FAILED' : 'ok'}, slowest ${s.maxMs.toFixed(1)} ms, ${fmtMs(s.totalMs)}`);
  }
  const failed = stats.filter((s) => s.failure);
  const slowest = stats.reduce((a, b) => (b.maxMs > a.maxMs ? b : a));
  const total = stats.reduce((n, s) => n + s.totalMs, 0);
  return {
    stats,
    figures: [{
      figure: `fuzz: ${stats.length} parsers × ${runs.toLocaleString('en')} inputs`,
      value: `${failed.length} failing${failed.length ? ` (${failed.map((f) => f.name).join(', ')})` : ''}; slowest input ${slowest.maxMs.toFixed(0)} ms (${slowest.name}); ${fmtMs(total)} in all`,
      goal: 'no escaped exception, no input > 250 ms', met: failed.length === 0,
    }],
  };
}
