import { strict as assert } from 'node:assert';
import { progressNotifier, type ProgressNotification } from '../../../src/cli/mcp-progress';
import type { EngineEvent, Finding } from '../../../src/core/engine/types';

const finding = (checkId: string, title: string, status: Finding['status']) => ({ type: 'finding', finding: { checkId, title, status, message: 'secret=abc', area: 'network' } as unknown as Finding }) as EngineEvent;

describe('MCP progress notifications', () => {
  it('send nothing without a progress token', () => {
    assert.equal(progressNotifier(undefined, async () => undefined), undefined);
  });

  it('count the finished checks of the run, with the title and verdict only', async () => {
    const sent: ProgressNotification[] = [];
    const on = progressNotifier('t1', async (n) => { sent.push(n); })!;
    on({ type: 'start', target: {} as never, checks: [{ id: 'a', area: 'network', title: 'A' }, { id: 'b', area: 'network', title: 'B' }] });
    on(finding('a', 'DNS resolution', 'pass'));
    on(finding('b', 'TLS', 'fail'));
    assert.deepEqual(sent.map((n) => n.params), [
      { progressToken: 't1', progress: 1, total: 2, message: 'DNS resolution: pass' },
      { progressToken: 't1', progress: 2, total: 2, message: 'TLS: fail' },
    ]);
    assert.ok(!JSON.stringify(sent).includes('secret=abc'), 'a finding\'s message is not sent');
  });

  it('survive a client that is gone (the send rejects)', async () => {
    const on = progressNotifier(7, () => Promise.reject(new Error('closed')))!;
    on(finding('a', 'DNS', 'pass'));
    await new Promise((r) => setImmediate(r));
  });
});
