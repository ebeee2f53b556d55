// A finished run leaves no listener on the signals it gave its checks. Node keeps an
// AbortSignal.any() signal that has a listener until it aborts (Node 20), and a check's signal
// never aborts once the run is over: a listener left on it kept the whole run (and whatever its
// onEvent reached: a report panel, its page) in memory, one per check per diagnosis.
import { strict as assert } from 'node:assert';
import { getEventListeners } from 'node:events';
import { runDiagnosis } from '../../../src/core/engine/runner';
import { checkKey, type Check } from '../../../src/core/engine/types';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { testCheck } from '../../support/check-context';
import { msg } from '../../../src/core/text/message';

const target = parseRegistryInput('contoso.azurecr.io');
const env: DiagnoseEnvironment = { proxy: {}, dockerConfigDir: '/nonexistent', now: () => new Date() };

describe('engine: the signals of a finished run', () => {
  it('no abort listener is left on any check\'s signal, whether it passed, threw or waited for another', async () => {
    const seen: AbortSignal[] = [];
    const keep = (run: Check['run']): Check['run'] => (ctx) => { seen.push(ctx.signal); return run(ctx); };
    const checks = [
      testCheck('a', keep(async () => ({ status: 'pass', message: msg('ok') }))),
      testCheck('b', keep(async () => { throw new Error('a bug'); })),
      testCheck('c', keep(async (ctx) => { await ctx.settled(checkKey('a')); return { status: 'pass', message: msg('ok') }; }), { awaits: ['a'] }),
    ];
    const controller = new AbortController();
    const report = await runDiagnosis(checks, target, env, { signal: controller.signal, onEvent: () => undefined });
    assert.equal(report.findings.length, 3);
    assert.equal(seen.length, 3, 'every check ran');
    for (const s of seen) assert.equal(s.aborted, false, 'the run ended without aborting its checks');
    assert.deepEqual(seen.map((s) => getEventListeners(s, 'abort').length), [0, 0, 0]);
  });
});
