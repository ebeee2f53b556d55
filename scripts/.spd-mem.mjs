import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
const root = '/work/wt-speed';
process.chdir(root);
const load = (rel) => tsImport(path.join(root, rel), import.meta.url);
const netns = await load('sandbox/netns.ts');
if (!netns.insideNamespace()) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'sandbox.mjs'), 'exec', '--', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { startWorld } = await load('sandbox/world.ts');
const { runProc } = await load('test/integration/matrix/fault-matrix.ts');
const { shippedCli } = await load('bench/cli-startup.ts');
const world = await startWorld({ scenario: 'healthy' });
try {
  const shipped = shippedCli();
  const variants = JSON.parse(process.argv[2] ?? '[[]]');
  for (const flags of variants) {
    const kbs = []; const mss = [];
    for (let i = 0; i < 6; i++) {
      const r = await runProc(process.execPath, [...flags, '-r', process.env.PRE ?? path.join(root, 'bench', 'maxrss.cjs'), shipped.cli, 'diagnose', world.loginServer, '--json', '--repository', 'hello'], { ...world.clientEnv(), ...shipped.env, ...(process.env.EXTRA ? JSON.parse(process.env.EXTRA) : {}) }, { timeoutMs: 60_000 });
      if (i === 0) continue; if (process.env.SHOWALL && i===5) console.log(r.stderr); if (process.env.SHOW) console.log(r.stderr.split('\n').filter(l=>l.startsWith('[mem')).join(''));
      kbs.push(Number(/\[maxrss-kb (\d+)\]/.exec(r.stderr)?.[1]) / 1024); mss.push(r.ms);
    }
    const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    console.log(JSON.stringify(flags), 'rss MB', kbs.map((k) => k.toFixed(0)).join(','), 'med', med(kbs).toFixed(1), 'ms med', med(mss).toFixed(0));
  }
  shipped.cleanup();
} finally { await world.stop(); }
