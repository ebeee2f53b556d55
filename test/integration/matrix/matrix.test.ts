// Every sandbox scenario through the real CLI: the injected cause ranked first, healthy without a
// failure, combinations with both causes reported (the blocking one first). Writes
// artifacts/matrix.md. (`npm run matrix` adds az acr check-health's verdict per scenario.)
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { SandboxWorld } from '../../../sandbox/world';
import { getSeededWorld } from '../sandbox/shared-world';
import { allScenarios, CLI, ROOT, runScenario, writeMatrixArtifacts, type MatrixRow } from './fault-matrix';

describe('fault matrix: every scenario through the real CLI (integration)', function () {
  this.timeout(180_000);
  let w: SandboxWorld;
  const rows: MatrixRow[] = [];
  before(async function () {
    this.timeout(300_000);
    if (!fs.existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    w = await getSeededWorld();
  });
  after(() => { if (rows.length) writeMatrixArtifacts(rows, false); });

  for (const name of allScenarios()) {
    it(`${name} (integration)`, async () => {
      const row = await runScenario(w, name, { keepReport: true });
      rows.push(row);
      const secrets = w.secrets();
      for (const s of secrets) assert.ok(!JSON.stringify(row.report ?? {}).includes(s) && !(row.stderr ?? '').includes(s), `a secret of the world is in the CLI output (${name})`);
      const detail = row.report ? JSON.stringify({ causes: row.report.causes.map((c) => `${c.causeId} (${c.status})`), notPass: row.report.findings.filter((f) => f.status !== 'pass').map((f) => `${f.checkId}: ${f.status} ${f.causeId ?? ''} — ${f.message.slice(0, 160)}`) }, null, 1) : row.stderr;
      assert.ok(row.ok, `${name}: ${row.why}\n${detail}`);
    });
  }

  it('all scenarios together: 100% diagnosed as expected (integration)', () => {
    const bad = rows.filter((r) => !r.ok).map((r) => `${r.scenario}: ${r.why}`);
    assert.equal(rows.length, allScenarios().length, 'every scenario ran');
    assert.deepEqual(bad, []);
  });
});
