// Messages from the report webview (untrusted: the host validates every one) and the state a
// serializer hands back after a reload.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { WEBVIEW_COMMANDS, isReportState, MAX_PASTED_CHARS } from '../../../../src/shared/report-protocol';
import { hostileJson, hostileText, type FuzzTarget } from '../harness';

const methods = WEBVIEW_COMMANDS.map((c) => c.method);
const params = fc.oneof(
  hostileJson,
  fc.record({
    causeId: fc.oneof(fc.constantFrom('network.ip-rule-excludes-client', 'x', ''), hostileText(120), hostileJson),
    index: fc.oneof(fc.integer({ min: -2, max: 25 }), fc.double(), hostileJson),
    checkId: fc.oneof(fc.constantFrom('net.dns', '../x', '__proto__'), hostileText(120)),
    format: fc.oneof(fc.constantFrom('markdown', 'json', 'html'), hostileJson),
    text: fc.oneof(hostileText(200), fc.constant('x'.repeat(MAX_PASTED_CHARS + 1)), hostileJson),
    __proto__: hostileJson,
    constructor: hostileJson,
  }, { requiredKeys: [] }),
);
const message = fc.oneof(
  hostileJson,
  fc.record({ method: fc.oneof(fc.constantFrom(...methods), hostileText(30), hostileJson), params, req: fc.oneof(fc.nat(), fc.integer(), hostileJson) }, { requiredKeys: [] }),
  // Through JSON.parse, "__proto__" becomes an own key: what a crafted postMessage would carry.
  fc.constantFrom('{"method":"fix/run","params":{"causeId":"a.b","index":0,"__proto__":{"x":1}}}', '{"method":"report/export","params":{"format":"json"},"__proto__":{"method":"x"}}').map((s) => JSON.parse(s) as unknown),
);

export const webviewTargets: FuzzTarget<any>[] = [
  {
    name: 'webview message', parser: 'src/shared/report-protocol.ts WEBVIEW_COMMANDS[].is',
    arbitrary: message,
    check(msg: unknown) {
      let accepted = 0;
      for (const cmd of WEBVIEW_COMMANDS) {
        if (!cmd.is(msg)) continue;
        accepted++;
        const m = msg as { method: string; params?: Record<string, unknown>; req?: unknown };
        assert.equal(m.method, cmd.method);
        assert.ok(m.req === undefined || (Number.isSafeInteger(m.req) && (m.req as number) >= 0));
        const p = m.params ?? {};
        assert.equal(Object.getPrototypeOf(p), Object.prototype, 'params are a plain object');
        for (const [k, v] of Object.entries(p)) {
          assert.ok(['causeId', 'index', 'checkId', 'format', 'text'].includes(k), `unexpected key ${k} accepted`);
          if (typeof v === 'string') assert.ok(v.length > 0 && v.length <= MAX_PASTED_CHARS);
          else assert.ok(Number.isInteger(v) && (v as number) >= 0 && (v as number) < 20, `${k} = ${String(v)}`);
        }
        if ('causeId' in p) assert.match(p.causeId as string, /^[a-z0-9][a-z0-9.-]{0,99}$/);
        if ('checkId' in p) assert.match(p.checkId as string, /^[a-z0-9][a-zA-Z0-9._-]{0,99}$/);
      }
      assert.ok(accepted <= 1, 'a message is at most one command');
    },
  },
  {
    name: 'restored webview state', parser: 'src/shared/report-protocol.ts isReportState',
    arbitrary: fc.oneof(hostileJson, fc.record({ version: fc.oneof(fc.constant(1), hostileJson), loginServer: fc.oneof(hostileText(400), hostileJson), checks: hostileJson, causes: hostileJson, phase: hostileJson }, { requiredKeys: [] })),
    check(x: unknown) {
      if (!isReportState(x)) return;
      assert.ok(Array.isArray(x.checks) && Array.isArray(x.causes) && typeof x.loginServer === 'string' && x.loginServer.length <= 300);
    },
  },
];
