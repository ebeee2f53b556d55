import { strict as assert } from 'node:assert';
import { progressReporter } from '../../../../src/vscode/lm/tool-progress';
import type { EngineEvent, Finding } from '../../../../src/core/engine/types';

const finding = (title: string) => ({ type: 'finding', finding: { checkId: title, title, status: 'pass', message: '' } as unknown as Finding }) as EngineEvent;
const start = (n: number) => ({ type: 'start', target: {} as never, checks: Array.from({ length: n }, (_v, i) => ({ id: `c${i}`, area: 'network', title: `C${i}` })) }) as EngineEvent;

describe('language model tool progress', () => {
  it('reports each finished check as n of the run\'s checks, summing to 100%', () => {
    const steps: { message?: string; increment?: number }[] = [];
    const on = progressReporter({ report: (s) => steps.push(s) }, (d, t, title) => `${d}/${t} ${title}`);
    on(start(4));
    for (const t of ['DNS', 'TCP', 'TLS', 'challenge']) on(finding(t));
    assert.deepEqual(steps.map((s) => s.message), ['1/4 DNS', '2/4 TCP', '3/4 TLS', '4/4 challenge']);
    assert.equal(steps.reduce((sum, s) => sum + (s.increment ?? 0), 0), 100);
  });

  it('does nothing on a host without progress, and survives one whose progress throws', () => {
    progressReporter(undefined, () => '')(finding('DNS'));
    const on = progressReporter({ report: () => { throw new Error('disposed'); } }, () => 'x');
    on(start(1));
    assert.doesNotThrow(() => on(finding('DNS')));
  });
});
