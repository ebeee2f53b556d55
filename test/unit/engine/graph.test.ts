import { strict as assert } from 'node:assert';
import { buildGraph } from '../../../src/core/engine/graph';
import { allChecks } from '../../../src/core/checks/index';
import type { Check } from '../../../src/core/engine/types';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { testCheck, type TestCheckFields } from '../../support/check-context';
import { msg } from '../../../src/core/text/message';

const check = (id: string, extra: TestCheckFields = {}): Check => testCheck(id, async () => ({ status: 'pass', message: msg('') }), { timeoutMs: 1000, ...extra });

describe('check graph', () => {
  it('throws on a needs, after or awaits that names no check (a misspelling would drop the check from every run)', () => {
    assert.throws(() => buildGraph([check('a'), check('b', { needs: ['aa'] })], () => true), /check "b" names "aa", which is no check/);
    assert.throws(() => buildGraph([check('a', { after: ['x'] })], () => true), /names "x"/);
    assert.throws(() => buildGraph([check('a', { awaits: ['y'] })], () => true), /names "y"/);
  });

  it('a check that exists but is not in this run only leaves its dependants out', () => {
    const g = buildGraph([check('b', { needs: ['a'] }), check('c')], () => true, new Set(['a', 'b', 'c']));
    assert.deepEqual(g.checks.map((c) => c.id), ['c']);
    assert.deepEqual(g.excluded, [{ id: 'b', reason: 'needs a, which does not take part' }]);
  });

  it("every check's needs, after and awaits name a real check", () => {
    const checks = allChecks(parseRegistryInput('contoso.azurecr.io'), { proxy: {}, dockerConfigDir: '/nonexistent', now: () => new Date() });
    assert.doesNotThrow(() => buildGraph(checks, () => true));
  });
});
