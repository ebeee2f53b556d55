// Memory: the peak resident set of a process running a whole diagnosis (the CLI, the same core the
// extension host runs). The extension host's own peak: bench/extension-host.ts.
import * as path from 'node:path';
import type { SandboxWorld } from '../sandbox/world';
import { runProc } from '../test/integration/matrix/fault-matrix';
import { shippedCli } from './cli-startup';
import { repoRoot, type Figure } from './figure';

export async function benchMemory(world: SandboxWorld): Promise<Figure[]> {
  await world.apply('healthy');
  const root = repoRoot();
  const shipped = shippedCli();
  let r;
  try {
    const run = () => runProc(process.execPath, ['-r', path.join(root, 'bench', 'maxrss.cjs'), shipped.cli, 'diagnose', world.loginServer, '--json', '--repository', 'hello'], { ...world.clientEnv(), ...shipped.env }, { timeoutMs: 60_000 });
    await run(); // writes the code cache, as a user's first run does
    r = await run();
  } finally { shipped.cleanup(); }
  const kb = Number(/\[maxrss-kb (\d+)\]/.exec(r.stderr)?.[1]);
  if (!Number.isFinite(kb)) return [{ figure: 'peak memory during a diagnosis', value: 'not measured', note: r.stderr.slice(0, 120) }];
  return [{ figure: 'peak memory during a diagnosis (CLI process, RSS)', value: `${(kb / 1024).toFixed(0)} MB`, note: `${shipped.what}, second run (code cache written); same core as the extension host (its own peak: the extension host row)` }];
}
