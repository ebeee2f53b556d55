// One world for all sandbox suites of a mocha run (startup costs seconds): the first suite starts
// it, each suite applies its scenarios, a root-level `after` hook stops it once at the end.
import { startWorld, type SandboxWorld } from '../../../sandbox/world';

let world: Promise<SandboxWorld> | undefined;

export function getWorld(): Promise<SandboxWorld> {
  world ??= startWorld({ scenario: 'healthy' });
  return world;
}

/** Stop the shared world now (a suite that starts its own world must not overlap with it). */
export async function stopSharedWorld(): Promise<void> {
  if (!world) return;
  const w = world; world = undefined;
  await (await w).stop();
}

after(async function () {
  this.timeout(60000);
  await stopSharedWorld();
});
