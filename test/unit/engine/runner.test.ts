import { strict as assert } from 'node:assert';
import { createServer, connect, type Socket } from 'node:net';
import { runDiagnosis, streamDiagnosis } from '../../../src/core/engine/runner';
import { checkKey, type Check, type CheckOutcome, type EngineEvent } from '../../../src/core/engine/types';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';
import type { Cause, CauseId } from '../../../src/core/catalogue/types';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { httpRequest } from '../../../src/core/net/http';
import { NetError } from '../../../src/core/net/errors';
import { blackHole as blackHoleServer } from '../net/helpers/servers';
import { testCheck, type TestCheckFields } from '../../support/check-context';
import { msg } from '../../../src/core/text/message';

const target = parseRegistryInput('contoso.azurecr.io');
const env: DiagnoseEnvironment = { proxy: {}, dockerConfigDir: '/nonexistent', now: () => new Date() };

function check(id: string, needs: string[], run: Check['run'], extra: TestCheckFields = {}): Check {
  return testCheck(id, run, { needs, ...extra });
}
const pass = (data?: unknown): Check['run'] => async () => ({ status: 'pass', message: msg('ok'), data });
const fail = (causeId: string, fixParams?: Record<string, string>): Check['run'] => async () => ({ status: 'fail', message: msg('bad'), causeId: causeId as CauseId, fixParams });

/** A real black hole on loopback: accepts and never answers. Connects and waits for data. */
async function blackHole() {
  const sockets = new Set<Socket>();
  const server = createServer((s) => { sockets.add(s); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const waitForAnswer = (signal: AbortSignal): Promise<CheckOutcome> => new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write('hello?'));
    s.on('data', () => resolve({ status: 'pass', message: msg('answered') }));
    signal.addEventListener('abort', () => { s.destroy(); reject(new Error('aborted')); }, { once: true });
  });
  return { waitForAnswer, close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }) };
}

const causes: Record<string, Cause> = Object.fromEntries(['low', 'mid', 'high'].map((id, i) => [id, {
  id: id as CauseId, layer: (i + 1) * 10, title: { en: id, nl: id }, explanation: { en: id, nl: id }, seed: 'troubleshoot-network', section: 's',
  sectionTitle: { en: 's', nl: 's' }, docs: { page: 'p', anchor: 'a' }, symptoms: [],
  fixes: [{ kind: 'copyCommand', title: { en: 'fix', nl: 'fix' }, command: 'az acr network-rule add -n {registry} --ip-address {clientIp}' }],
}]));

describe('engine runner', function () {
  this.timeout(20000);

  it('runs in dependency order, passes data, and skips dependents of a failure with blockedBy', async () => {
    const order: string[] = [];
    const checks: Check[] = [
      check('dns', [], async () => { order.push('dns'); return { status: 'pass', message: msg('ok'), data: { ip: '192.0.2.20' } }; }),
      check('tcp', ['dns'], async (ctx) => { order.push('tcp'); assert.deepEqual(ctx.data(checkKey('dns')), { ip: '192.0.2.20' }); return { status: 'fail', message: msg('refused'), causeId: 'mid' as CauseId }; }),
      check('tls', ['tcp'], pass()),
      check('v2', ['tls'], pass()),
      check('side', ['dns'], pass()),
    ];
    const report = await runDiagnosis(checks, target, env, { causeOf: (id) => causes[id] });
    assert.deepEqual(order, ['dns', 'tcp']);
    const by = Object.fromEntries(report.findings.map((f) => [f.checkId, f]));
    assert.equal(by.tls.status, 'skipped');
    assert.equal(by.tls.blockedBy, 'tcp');
    assert.equal(by.v2.blockedBy, 'tcp', 'a skip behind a skip names the root failure');
    assert.equal(by.side.status, 'pass');
    assert.deepEqual(report.causes.map((c) => c.causeId), ['mid']);
  });

  it('runs independent checks concurrently', async () => {
    let running = 0; let peak = 0;
    const slow: Check['run'] = async () => { running++; peak = Math.max(peak, running); await new Promise((r) => setTimeout(r, 100)); running--; return { status: 'pass', message: msg('ok') }; };
    await runDiagnosis([check('a', [], slow), check('b', [], slow), check('c', [], slow), check('d', ['a'], slow)], target, env);
    assert.equal(peak, 3, 'a, b and c ran at the same time; d waited for a');
  });

  it('honours `after` without requiring success, and leaves out checks that do not apply', async () => {
    let sawFinding: string | undefined;
    const checks: Check[] = [
      check('arm', [], fail('low')),
      check('v2', [], async (ctx) => { sawFinding = ctx.finding(checkKey('arm'))?.status; return { status: 'pass', message: msg('ok') }; }, { after: ['arm'] }),
      check('needs-azure', [], pass(), { applies: () => false }),
      check('behind', ['needs-azure'], pass()),
    ];
    const report = await runDiagnosis(checks, target, env);
    assert.equal(sawFinding, 'fail');
    assert.deepEqual(report.findings.map((f) => f.checkId).sort(), ['arm', 'v2']);
  });

  it('gives each check its deadline against a real black hole', async () => {
    const hole = await blackHole();
    try {
      const report = await runDiagnosis([
        check('hang', [], async (ctx) => hole.waitForAnswer(ctx.signal).catch(() => ({ status: 'fail', message: msg('timed out'), causeId: 'high' as CauseId })), { timeoutMs: 200 }),
        check('after-hang', ['hang'], pass()),
      ], target, env, { causeOf: (id) => causes[id] });
      const by = Object.fromEntries(report.findings.map((f) => [f.checkId, f]));
      assert.equal(by.hang.status, 'fail');
      assert.ok(by.hang.durationMs >= 190 && by.hang.durationMs < 1500, `${by.hang.durationMs}`);
      assert.equal(by['after-hang'].blockedBy, 'hang');
      assert.equal(report.budgetExceeded, false);
    } finally { await hole.close(); }
  });

  it('stops everything at the total budget, even checks that ignore their signal', async () => {
    const hole = await blackHole();
    try {
      const t0 = Date.now();
      const report = await runDiagnosis([
        check('a', [], async (ctx) => hole.waitForAnswer(ctx.signal), { timeoutMs: 60000 }),
        check('deaf', [], () => new Promise(() => undefined), { timeoutMs: 60000 }),
        check('later', ['a'], pass()),
      ], target, env, { budgetMs: 400 });
      const took = Date.now() - t0;
      assert.ok(took >= 380 && took < 2000, `took ${took}`);
      assert.equal(report.budgetExceeded, true);
      assert.ok(report.findings.every((f) => f.status === 'skipped'));
      assert.match(report.findings.find((f) => f.checkId === 'deaf')!.message, /budget/);
      assert.equal(report.findings.length, 3);
    } finally { await hole.close(); }
  });

  it('a probe cut short by the budget is skipped, not reported as a host that does not answer', async () => {
    const hole = await blackHoleServer();
    try {
      const probe: Check['run'] = async (ctx) => {
        try {
          await httpRequest({ url: `https://contoso.azurecr.io:${hole.port}/v2/`, resolve: { 'contoso.azurecr.io': '127.0.0.1' }, signal: ctx.signal });
          return { status: 'pass', message: msg('answered') };
        } catch (e) {
          if (e instanceof NetError && e.kind === 'timeout') return { status: 'fail', message: msg('no answer'), causeId: 'high' as CauseId };
          throw e;
        }
      };
      const byDeadline = await runDiagnosis([check('p', [], probe, { timeoutMs: 200 })], target, env, { budgetMs: 5000, causeOf: (id) => causes[id] });
      assert.equal(byDeadline.findings[0].status, 'fail', 'its own deadline: a real timeout');
      const byBudget = await runDiagnosis([check('p', [], probe, { timeoutMs: 5000 })], target, env, { budgetMs: 200, causeOf: (id) => causes[id] });
      assert.equal(byBudget.findings[0].status, 'skipped');
      assert.deepEqual(byBudget.causes, []);
    } finally { await hole.close(); }
  });

  it('follows the caller\'s cancellation', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const report = await runDiagnosis([check('w', [], (ctx) => new Promise((_r, rej) => ctx.signal.addEventListener('abort', () => rej(new Error('x')))), { timeoutMs: 60000 })], target, env, { signal: ac.signal, budgetMs: 10000 });
    assert.equal(report.findings[0].status, 'skipped');
    assert.equal(report.budgetExceeded, false);
  });

  it('reports a throwing check as a warning, not a crash, and redacts secrets', async () => {
    const report = await runDiagnosis([
      check('boom', [], async () => { throw new Error('bad token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln and password=hunter22'); }),
      check('leaky', [], async () => ({ status: 'fail', message: msg('sent TopSecret99'), evidence: { authorization: 'Bearer abc', note: 'TopSecret99' }, causeId: 'low' as CauseId })),
    ], target, { ...env, credentials: { kind: 'admin', username: 'contoso', password: 'TopSecret99' } });
    const text = JSON.stringify(report);
    assert.equal(report.findings[0].status, 'warn');
    for (const s of ['eyJhbGciOiJSUzI1NiJ9', 'hunter22', 'TopSecret99', 'Bearer abc']) assert.ok(!text.includes(s), s);
  });

  it('ranks the root cause first: layer, then depth, then fail before warn; fills fix params', async () => {
    const checks: Check[] = [
      check('a', [], async () => ({ status: 'warn', message: msg(''), causeId: 'high' as CauseId })),
      check('b', [], fail('mid', { clientIp: '192.0.2.1' })),
      check('c', [], async () => ({ status: 'warn', message: msg(''), causeId: 'low' as CauseId })),
      check('d', ['c'], fail('mid')),
    ];
    const report = await runDiagnosis(checks, target, env, { causeOf: (id) => causes[id] });
    assert.deepEqual(report.causes.map((c) => c.causeId), ['low', 'mid', 'high']);
    const mid = report.causes[1];
    assert.deepEqual(mid.checkIds.sort(), ['b', 'd']);
    assert.equal(mid.fixes[0].command, 'az acr network-rule add -n contoso --ip-address 192.0.2.1');
    // d had no clientIp: its fix is left out instead of showing a placeholder
    assert.deepEqual(report.findings.find((f) => f.checkId === 'd')!.fixes, []);
  });

  it('skips checks caught in a cycle and rejects duplicate ids', async () => {
    const report = await runDiagnosis([check('x', ['y'], pass()), check('y', ['x'], pass()), check('z', [], pass())], target, env);
    const by = Object.fromEntries(report.findings.map((f) => [f.checkId, f.status]));
    assert.deepEqual(by, { x: 'skipped', y: 'skipped', z: 'pass' });
    await assert.rejects(runDiagnosis([check('x', [], pass()), check('x', [], pass())], target, env), /two checks share the id "x"/);
  });

  it('streams start, findings as they happen, and done', async () => {
    // The slow check finishes only after the consumer has received the fast one's finding:
    // proof that findings stream out while other checks still run (no timing involved).
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    const fallback = setTimeout(() => release(), 5000);
    let releasedByConsumer = false;
    const events: EngineEvent[] = [];
    const gen = streamDiagnosis([
      check('fast', [], pass()),
      check('slow', [], async () => { await released; return { status: 'pass', message: msg('') }; }, { timeoutMs: 10000 }),
    ], target, env);
    for await (const ev of gen) {
      events.push(ev);
      if (ev.type === 'finding' && ev.finding.checkId === 'fast') { releasedByConsumer = true; release(); }
    }
    clearTimeout(fallback);
    assert.deepEqual(events.map((e) => e.type), ['start', 'finding', 'finding', 'done']);
    assert.ok(releasedByConsumer, 'the fast finding arrived while the slow check was still running');
    assert.deepEqual(events.filter((e) => e.type === 'finding').map((e) => (e as { finding: { checkId: string } }).finding.checkId), ['fast', 'slow']);
  });
});
