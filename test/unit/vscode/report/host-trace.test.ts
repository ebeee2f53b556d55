// The host's trace of a diagnosis (src/vscode/report/host-trace.ts) and how the bench prints it
// (bench/extension-host-trace.ts): phases in order, failures still recorded, checks placed after
// the engine's start, the first finished check found.
import assert from 'node:assert/strict';
import { HostTrace } from '../../../../src/vscode/report/host-trace';
import { firstFindingMs, hostPhasesLine, hostTraceText } from '../../../../bench/extension-host-trace';

describe('host trace of a diagnosis in the extension host', () => {
  it('records each phase with its start and end, a thrown phase included', async () => {
    const trace = new HostTrace();
    assert.equal(await trace.span('load engine.js', async () => { await new Promise((r) => setTimeout(r, 5)); return 7; }), 7);
    await assert.rejects(trace.span('sign-in session (azure.js)', () => { throw new Error('no'); }), /no/);
    trace.markOnce('first finding posted');
    trace.markOnce('first finding posted');
    assert.deepEqual(trace.spans.map((s) => s.phase), ['load engine.js', 'sign-in session (azure.js)', 'first finding posted']);
    const [load, signIn, posted] = trace.spans;
    assert.ok(load.endMs - load.startMs >= 4, `the load lasted ${load.endMs - load.startMs} ms`);
    assert.ok(signIn.startMs >= load.endMs, 'phases follow each other');
    assert.equal(posted.startMs, posted.endMs, 'a mark has no length');
  });

  it('prints host phases and checks on one timeline, checks offset by the engine start', () => {
    const text = hostTraceText('diagnosis 1', [{ phase: 'load engine.js', startMs: 2, endMs: 90 }, { phase: 'engine run', startMs: 100, endMs: 400 }],
      100, [{ id: 'net.dns', status: 'pass', startedMs: 3, durationMs: 20 }, { id: 'net.tls', status: 'pending' }]);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], '[trace] diagnosis 1');
    assert.match(lines[2], /^\[trace\]\s+2\s+90\s+host\s+load engine\.js$/);
    assert.match(lines[3], /^\[trace\]\s+100\s+400\s+host\s+engine run$/);
    assert.match(lines[4], /^\[trace\]\s+103\s+123\s+pass\s+net\.dns$/);
    assert.equal(lines.length, 5, 'a check that never started is left out');
    assert.equal(firstFindingMs(100, [{ id: 'a', status: 'pass', startedMs: 50, durationMs: 10 }, { id: 'b', status: 'pass', startedMs: 3, durationMs: 20 }]), 123);
    assert.equal(firstFindingMs(undefined, [{ id: 'a', status: 'pass', startedMs: 1 }]), undefined);
    assert.equal(hostPhasesLine([{ phase: 'webview ready', startMs: 500.2, endMs: 500.2 }, { phase: 'identity', startMs: 1, endMs: 30 }]), 'webview ready @500, identity 1–30');
  });
});
