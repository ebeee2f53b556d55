// Starts the sandbox world (sandbox/world.ts, another engineer's) for the extension and e2e levels.
// Loaded by path at run time so the harness type-checks before the sandbox lands.
import * as path from 'node:path';
import type { World } from '../../sandbox/types';
import { repoRoot } from './paths';

interface WorldModule {
  startWorld(options: { scenario: string }): Promise<World>;
}

export async function startSandboxWorld(scenario: string): Promise<World> {
  if (process.getuid?.() !== 0) throw new Error('the sandbox world needs root (network namespace acrsbx)');
  const file = path.join(repoRoot, 'sandbox', 'world.ts');
  const mod = (await import(file)) as Partial<WorldModule>;
  if (typeof mod.startWorld !== 'function') throw new Error(`${file} does not export startWorld()`);
  return mod.startWorld({ scenario });
}
