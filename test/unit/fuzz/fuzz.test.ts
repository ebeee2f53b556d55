// Property tests over every parser of outside input (fast-check). `npm test` runs a few hundred
// inputs per parser; FUZZ_RUNS=10000 (the bench) runs more. Each input must be handled without an
// undocumented exception, within MAX_MS_PER_INPUT, with the target's invariants holding.
import { FUZZ_TARGETS } from './targets/index';
import { fuzzRuns, runTarget } from './harness';

describe('fuzz: parsers of outside input', function () {
  this.timeout(Math.max(60_000, fuzzRuns() * 50));
  for (const target of FUZZ_TARGETS) {
    it(`${target.name} (${target.parser})`, async () => {
      const stats = await runTarget(target);
      if (stats.failure) throw new Error(stats.failure);
    });
  }
});
