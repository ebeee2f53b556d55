import assert from 'node:assert/strict';
import {
  CopyCommandCommand, ExplainCommand, ExportCommand, isReportState, MAX_PASTED_CHARS, OpenDocsCommand, ReadyCommand,
  RerunAllCommand, RerunCheckCommand, RunFixCommand, WEBVIEW_COMMANDS,
} from '../../../../src/shared/report-protocol';
import { describeHostileMessage } from '../../../../src/vscode/report/hostile-message';

const accepted = (msg: unknown) => WEBVIEW_COMMANDS.filter((c) => c.is(msg)).map((c) => c.method);

describe('report protocol: webview → host guards', () => {
  it('accepts each well-formed command, and only as itself', () => {
    const good: [unknown, string][] = [
      [{ method: 'webview/ready', params: {} }, 'webview/ready'],
      [{ method: 'webview/ready' }, 'webview/ready'],
      [{ method: 'fix/run', params: { causeId: 'network.ip-rule-excludes-client', index: 0 }, req: 3 }, 'fix/run'],
      [{ method: 'fix/copy', params: { causeId: 'name.upper-case', index: 2 }, req: 1 }, 'fix/copy'],
      [{ method: 'docs/open', params: { causeId: 'docker.daemon-unreachable' } }, 'docs/open'],
      [{ method: 'check/rerun', params: { checkId: 'net.dns' } }, 'check/rerun'],
      [{ method: 'report/rerun', params: {} }, 'report/rerun'],
      [{ method: 'report/cancel', params: {} }, 'report/cancel'],
      [{ method: 'report/export', params: { format: 'json' } }, 'report/export'],
      [{ method: 'explain/submit', params: { text: 'dial tcp: lookup contoso.azurecr.io: no such host' }, req: 9 }, 'explain/submit'],
    ];
    for (const [msg, method] of good) assert.deepEqual(accepted(msg), [method], JSON.stringify(msg));
  });

  it('rejects hostile and malformed messages', () => {
    const hostile: unknown[] = [
      null, undefined, 42, 'fix/run', [], [{ method: 'fix/run' }],
      {}, { method: 42 }, { method: 'fix/run' }, { method: 'eval', params: { code: 'alert(1)' } },
      // extra keys, wrong types, out of range, injection attempts
      { method: 'fix/run', params: { causeId: 'network.ip-rule-excludes-client', index: 0 }, extra: true },
      { method: 'fix/run', params: { causeId: 'network.ip-rule-excludes-client', index: 0, command: 'rm -rf /' } },
      { method: 'fix/run', params: { causeId: 'network.ip-rule-excludes-client', index: -1 } },
      { method: 'fix/run', params: { causeId: 'network.ip-rule-excludes-client', index: 1.5 } },
      { method: 'fix/run', params: { causeId: 'network.ip-rule-excludes-client', index: 99 } },
      { method: 'fix/run', params: { causeId: 'network.ip-rule-excludes-client', index: '0' } },
      { method: 'fix/run', params: { causeId: '../../etc/passwd', index: 0 } },
      { method: 'fix/run', params: { causeId: 'A'.repeat(5000), index: 0 } },
      { method: 'fix/run', params: { causeId: 'x', index: 0 }, req: -4 },
      { method: 'fix/run', params: { causeId: 'x', index: 0 }, req: 'a' },
      { method: 'docs/open', params: { causeId: 'name.upper-case', url: 'https://evil.example' } },
      { method: 'docs/open', params: { url: 'javascript:alert(1)' } },
      { method: 'check/rerun', params: { checkId: 'net.dns; rm -rf /' } },
      { method: 'check/rerun', params: { checkId: '' } },
      { method: 'report/export', params: { format: 'html' } },
      { method: 'report/export', params: { format: 'json', path: '/etc/passwd' } },
      { method: 'report/rerun', params: { all: true } },
      { method: 'webview/ready', params: [] },
      { method: 'explain/submit', params: { text: '' } },
      { method: 'explain/submit', params: { text: 'x'.repeat(MAX_PASTED_CHARS + 1) } },
      { method: 'explain/submit', params: { text: { toString: 'boom' } } },
      { method: 'explain/diagnose', params: { registry: 'evil.azurecr.io' } },
      { method: 'explain/diagnose', params: null },
      JSON.parse('{"method":"fix/run","params":{"causeId":"x","index":0,"__proto__":{"polluted":true}}}'),
      Object.assign(Object.create({ method: 'webview/ready' }), {}),
    ];
    for (const msg of hostile) assert.deepEqual(accepted(msg), [], describeHostileMessage(msg));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('guards narrow to typed params', () => {
    const msg: unknown = { method: 'fix/run', params: { causeId: 'network.ip-rule-excludes-client', index: 1 }, req: 7 };
    assert.ok(RunFixCommand.is(msg));
    if (RunFixCommand.is(msg)) { assert.equal(msg.params.index, 1); assert.equal(msg.req, 7); }
    assert.ok(!CopyCommandCommand.is(msg) && !OpenDocsCommand.is(msg) && !ReadyCommand.is(msg) && !RerunAllCommand.is(msg));
    assert.ok(!RerunCheckCommand.is(msg) && !ExportCommand.is(msg) && !ExplainCommand.is(msg));
  });

  it('describes a rejected message without echoing its payload', () => {
    assert.equal(describeHostileMessage({ method: 'x', params: { text: 'password=hunter2' } }), 'method "x"');
    assert.equal(describeHostileMessage({ method: '<script>'.repeat(20) }).length < 80, true);
    assert.ok(!describeHostileMessage({ method: '<img onerror=alert(1)>' }).includes('<'));
    assert.equal(describeHostileMessage(null), 'a null');
    assert.equal(describeHostileMessage([1]), 'a array');
  });

  it('checks the shape of a restored state', () => {
    assert.ok(isReportState({ version: 1, loginServer: 'contoso.azurecr.io', phase: 'done', checks: [], causes: [], elapsedMs: 0, trusted: true }));
    assert.ok(!isReportState({ version: 2, loginServer: 'contoso.azurecr.io', phase: 'done', checks: [], causes: [] }));
    assert.ok(!isReportState({ version: 1, loginServer: 7, phase: 'done', checks: [], causes: [] }));
    assert.ok(!isReportState('{"version":1}'));
  });
});

describe('report bootstrap JSON', () => {
  it('cannot close the script element or open a comment, and parses back to the same value', async () => {
    const { jsonForScript } = await import('../../../../src/vscode/report/script-json');
    const nasty = { message: '</script><script>alert(1)</script><!-- & \u2028 \u2029 -->' };
    const out = jsonForScript(nasty);
    assert.ok(!/<\/script|<!--|<|>/i.test(out));
    assert.deepEqual(JSON.parse(out), nasty);
  });
});
