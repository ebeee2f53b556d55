// Opening a hostile workspace file must not freeze the extension host: every reference scan
// (Dockerfile, compose, Kubernetes, workflow) is linear, keeps a bounded number of references and
// matches per line, and stops when its time budget is up. Timings are the bench's
// ("1 MB hostile file" rows); this asserts the bounds, with a test clock for the budget.
import { strict as assert } from 'node:assert';
import { scanRegistryReferences, findRegistryReferences, DEFAULT_SCAN_LIMITS } from '../../../src/core/references/index';
import { hostileFiles } from '../references/hostile-files';

describe('security: workspace scans are bounded (core/references)', function () {
  // Megabyte inputs parsed as YAML: bounded work, but seconds on a loaded 2-core machine.
  this.timeout(60_000);
  for (const f of hostileFiles()) {
    it(`${f.kind}: ${f.name} (~1 MB) gives at most ${DEFAULT_SCAN_LIMITS.maxFindings} references, each real`, () => {
      // A clock that never moves: only the caps may stop the scan here.
      const r = scanRegistryReferences(f.path, f.text, { now: () => 0 });
      assert.ok(r.refs.length <= DEFAULT_SCAN_LIMITS.maxFindings, `${r.refs.length} references`);
      const lines = f.text.split('\n');
      const perLine = new Map<number, number>();
      for (const ref of r.refs) {
        assert.equal(lines[ref.range.line].slice(ref.range.start, ref.range.end), ref.written, 'the range holds what was written');
        perLine.set(ref.range.line, (perLine.get(ref.range.line) ?? 0) + 1);
      }
      for (const [line, n] of perLine) assert.ok(n <= DEFAULT_SCAN_LIMITS.maxMatchesPerLine, `line ${line}: ${n} matches`);
    });
  }

  it('a file with more references than the cap says it stopped at the cap', () => {
    const many = hostileFiles().filter((f) => /per line|nested registry/.test(f.name));
    assert.ok(many.length >= 4);
    for (const f of many) {
      const r = scanRegistryReferences(f.path, f.text, { now: () => 0 });
      assert.equal(r.stopped, 'findings', f.name);
      assert.equal(r.refs.length, DEFAULT_SCAN_LIMITS.maxFindings, f.name);
    }
  });

  it('20 000 nested registry: lines in one login-action step are each found once, in order, up to the cap', () => {
    const head = 'jobs:\n  b:\n    steps:\n      - uses: docker/login-action@v3\n        with:\n';
    const text = head + '          registry: contoso.azurecr.io\n'.repeat(20_000);
    const refs = findRegistryReferences('.github/workflows/ci.yml', text, { maxFindings: 30_000, now: () => 0 });
    assert.equal(refs.length, 20_000);
    assert.ok(refs.every((r, i) => r.range.line === 5 + i && r.kind === 'workflowLoginAction'));
  });

  it('one line with many az acr login commands gives at most the per-line cap', () => {
    const text = `      - run: ${'az acr login -n contoso && '.repeat(30_000)}`;
    const refs = findRegistryReferences('.github/workflows/x.yml', text, { now: () => 0 });
    assert.equal(refs.length, DEFAULT_SCAN_LIMITS.maxMatchesPerLine);
    assert.ok(refs.every((r) => r.written === 'contoso'));
  });

  it('stops when its time budget is up, checked in the loop (a test clock: 1 ms per reading)', () => {
    for (const f of hostileFiles()) {
      let t = 0;
      const r = scanRegistryReferences(f.path, f.text, { maxFindings: 1e9, maxMatchesPerLine: 1e9, budgetMs: 5, now: () => t++ });
      const lineCount = f.text.split('\n').length;
      if (lineCount < 256 * 6) continue; // one long line: nothing to stop between
      assert.equal(r.stopped, 'time', `${f.kind}: ${f.name}`);
      assert.ok(t < 50, `the clock was read ${t} times: every few hundred lines, not per line`);
    }
  });

  it('still finds what an ordinary workflow holds', () => {
    const text = 'on: push\njobs:\n  b:\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: Contoso.azurecr.io\n      - uses: other/action@v1\n        with:\n          registry: fabrikam.azurecr.io\n      - run: az acr login -n contoso.azurecr.io; az acr login --name=x2\n';
    const refs = findRegistryReferences('.github/workflows/ci.yml', text);
    assert.deepEqual(refs.map((r) => [r.kind, r.written, r.range.line]), [
      ['workflowLoginAction', 'Contoso.azurecr.io', 6], ['workflowAzAcrLogin', 'contoso.azurecr.io', 10], ['workflowAzAcrLogin', 'x2', 10],
    ]);
  });
});
