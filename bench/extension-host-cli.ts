// The CLI's healthy diagnosis as a whole process on the world the extension-host rows use: the
// figure the real host's first diagnosis is held against (issue #26). scripts/bench.mjs has the
// same measurement inside bench/diagnosis.ts; scripts/bench-host.mjs, which skips that, uses this.
import type { SandboxWorld } from '../sandbox/world';
import { runProc } from '../test/integration/matrix/fault-matrix';
import { shippedCli } from './cli-startup';
import { fmtMs, median, type Figure } from './figure';

export const CLI_HEALTHY_FIGURE = 'diagnosis, healthy: CLI whole process';

export async function benchCliHealthy(world: SandboxWorld, log: (s: string) => void = () => undefined, runs = 3): Promise<{ ms: number; figures: Figure[] }> {
  await world.apply('healthy');
  const shipped = shippedCli(log);
  try {
    const env = { ...world.clientEnv(), ...shipped.env };
    const run = () => runProc(process.execPath, [shipped.cli, 'diagnose', world.loginServer, '--json'], env, { timeoutMs: 60_000 });
    await run(); // writes the code cache, as a user's first run does
    const wall: number[] = [];
    for (let i = 0; i < runs; i++) wall.push((await run()).ms);
    const ms = median(wall);
    log(`[bench-host] CLI healthy: ${fmtMs(ms)} (median of ${runs})`);
    return { ms, figures: [{ figure: CLI_HEALTHY_FIGURE, value: fmtMs(ms), note: `median of ${runs}, node start-up included, ${shipped.what} with its code cache` }] };
  } finally { shipped.cleanup(); }
}
