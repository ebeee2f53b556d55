import * as assert from 'node:assert/strict';
import { filterEntry, parseSubscriptionFilter, passesFilter } from '../../../../src/vscode/auth/subscription-filter-entries';

describe('subscription filter entries (azureResourceGroups.selectedSubscriptions format)', () => {
  it('parses tenant/subscription pairs and ignores junk', () => {
    const f = parseSubscriptionFilter(['T1/S1', 't1/s2', 't2/S3', 'nope', 42, '/x', 'y/']);
    assert.deepEqual(f.entries, [{ tenantId: 't1', subscriptionId: 's1' }, { tenantId: 't1', subscriptionId: 's2' }, { tenantId: 't2', subscriptionId: 's3' }]);
    assert.deepEqual(f.tenantIds, ['t1', 't2']);
    assert.deepEqual(f.subscriptionIds, ['s1', 's2', 's3']);
  });

  it('lets everything through when empty, else only listed subscriptions (case-insensitive)', () => {
    assert.equal(passesFilter(parseSubscriptionFilter(undefined), 'any'), true);
    const f = parseSubscriptionFilter(['t/S1']);
    assert.equal(passesFilter(f, 's1'), true);
    assert.equal(passesFilter(f, 'S2'), false);
    assert.equal(filterEntry('t', 's'), 't/s');
  });
});
