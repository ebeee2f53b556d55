// Memory: the peak resident set of a process running a whole diagnosis (the CLI, the same core the
// extension host runs), and what it consists of, so that a regression names its cause: the same
// CLI's peak for less work (bare node, --version: the bundle loaded, the diagnosis without Azure)
// gives each layer's share; V8's spaces and the memory outside V8's heap at the end of the run give
// its kind (bench/maxrss.cjs). The extension host's own peak: bench/extension-host.ts.
import * as path from 'node:path';
import type { SandboxWorld } from '../sandbox/world';
import { runProc } from '../test/integration/matrix/fault-matrix';
import { shippedCli } from './cli-startup';
import { repoRoot, type Figure } from './figure';

interface MemoryAtExit {
  rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number;
  spaces: Record<string, number>; rssFile?: number; rssAnon?: number;
}

const mb = (b: number | undefined) => (b === undefined ? '?' : (b / 1024 / 1024).toFixed(1));

export async function benchMemory(world: SandboxWorld): Promise<Figure[]> {
  await world.apply('healthy');
  const root = repoRoot();
  const shipped = shippedCli();
  const probe = ['-r', path.join(root, 'bench', 'maxrss.cjs')];
  const env = { ...world.clientEnv(), ...shipped.env };
  const measure = async (args: string[]) => {
    const r = await runProc(process.execPath, [...probe, ...args], env, { timeoutMs: 60_000 });
    const kb = Number(/\[maxrss-kb (\d+)\]/.exec(r.stderr)?.[1]);
    const at = /\[memory (\{.*\})\]/.exec(r.stderr)?.[1];
    return { r, peak: Number.isFinite(kb) ? kb * 1024 : undefined, atExit: at ? (JSON.parse(at) as MemoryAtExit) : undefined };
  };
  const diagnose = [shipped.cli, 'diagnose', world.loginServer, '--json', '--repository', 'hello'];
  let whole; let bare; let loaded; let withoutAzure;
  try {
    await measure(diagnose); // writes the code cache, as a user's first run does
    await measure([shipped.cli, '--version']);
    whole = await measure(diagnose);
    bare = await measure(['-e', '0']);
    loaded = await measure([shipped.cli, '--version']);
    withoutAzure = await measure([...diagnose, '--no-azure']);
  } finally { shipped.cleanup(); }
  if (whole.peak === undefined) return [{ figure: 'peak memory during a diagnosis', value: 'not measured', note: whole.r.stderr.slice(0, 120) }];
  const goal = 60 * 1024 * 1024;
  const m = whole.atExit;
  const s = m?.spaces ?? {};
  const layers = `node alone ${mb(bare.peak)}, + the bundle loaded (--version) ${mb((loaded.peak ?? NaN) - (bare.peak ?? NaN))}, + the diagnosis without Azure ${mb((withoutAzure.peak ?? NaN) - (loaded.peak ?? NaN))}, + Azure (identity, MSAL, the ARM SDKs, ARM and Entra reads) ${mb(whole.peak - (withoutAzure.peak ?? NaN))}`;
  const kinds = m ? `at the end: V8 heap ${mb(m.heapTotal)} (old ${mb(s.old)}, young ${mb(s.new)}, large objects ${mb((s.large_object ?? 0) + (s.new_large_object ?? 0))} (the bundle's 2 MB text), code ${mb((s.code ?? 0) + (s.code_large_object ?? 0))}), outside it external ${mb(m.external)} (buffers ${mb(m.arrayBuffers)}); resident file pages ${mb(m.rssFile)} (the node binary and its libraries, as far as run), anonymous ${mb(m.rssAnon)}` : 'no breakdown';
  return [{
    figure: 'peak memory during a diagnosis (CLI process, RSS)',
    value: `${mb(whole.peak)} MB`, goal: '≤ 60 MB', met: whole.peak <= goal,
    note: `${shipped.what}, second run (code cache written); MB: ${layers}; ${kinds}; same core as the extension host (its own peak: the extension host row)`,
  }];
}
