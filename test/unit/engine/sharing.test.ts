// The runner's ways for checks to overlap and share work: `awaits` + ctx.settled (start at once,
// wait for another check only where its result is read), ctx.shared (once-per-run work), and the
// run's shared Entra token (one request per scope however many checks ask at once).
import { strict as assert } from 'node:assert';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { runDiagnosis } from '../../../src/core/engine/runner';
import { buildGraph } from '../../../src/core/engine/graph';
import { runScopedCredential } from '../../../src/core/engine/run-credential';
import { settledFinding, sharedWork } from '../../../src/core/engine/context';
import { checkKey, type Check } from '../../../src/core/engine/types';
import type { CauseId } from '../../../src/core/catalogue/types';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { testCheck, testContext, type TestCheckFields } from '../../support/check-context';
import { msg } from '../../../src/core/text/message';

const target = parseRegistryInput('contoso.azurecr.io');
const env: DiagnoseEnvironment = { proxy: {}, dockerConfigDir: '/nonexistent', now: () => new Date() };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function check(id: string, run: Check['run'], extra: TestCheckFields = {}): Check {
  return testCheck(id, run, extra);
}

/** A credential that counts its requests and answers after `delayMs`. */
function countingCredential(delayMs = 30, lifetimeMs = 3_600_000) {
  const calls: { scopes: string | string[]; options?: GetTokenOptions }[] = [];
  const credential: TokenCredential = {
    async getToken(scopes, options) {
      const n = calls.push({ scopes, options });
      await sleep(delayMs);
      return { token: `token-${n}`, expiresOnTimestamp: Date.now() + lifetimeMs } satisfies AccessToken;
    },
  };
  return { credential, calls };
}

describe('engine: overlapping and shared work', function () {
  this.timeout(10000);

  it('a check that awaits another starts at once and reads its finding when it is in', async () => {
    let release!: () => void;
    const slowDone = new Promise<void>((r) => { release = r; });
    let startedBeforeSlowEnded = false;
    let seen: string | undefined;
    const report = await runDiagnosis([
      check('slow', async () => { await slowDone; return { status: 'fail', message: msg('no'), causeId: 'x' as CauseId }; }),
      check('eager', async (ctx) => {
        startedBeforeSlowEnded = !ctx.finding(checkKey('slow'));
        release(); // let the slow one finish only now: proof that eager did not wait to start
        seen = (await ctx.settled(checkKey('slow')))?.status;
        return { status: 'pass', message: msg('ok') };
      }, { awaits: ['slow'] }),
    ], target, env);
    assert.ok(startedBeforeSlowEnded, 'eager ran while slow was still running');
    assert.equal(seen, 'fail', 'settled() gave the finding once slow finished (a failure is fine: awaits does not require a pass)');
    assert.equal(report.findings.find((f) => f.checkId === 'eager')!.status, 'pass');
  });

  it('settled() does not wait for an undeclared check, nor past the waiting check\'s own deadline', async () => {
    let undeclared: unknown = 'pending';
    let pastDeadline: unknown = 'pending';
    const report = await runDiagnosis([
      check('hang', () => sleep(1500).then(() => ({ status: 'pass', message: msg('') })), { timeoutMs: 5000 }),
      check('peek', async (ctx) => { undeclared = await ctx.settled(checkKey('hang')); return { status: 'pass', message: msg('') }; }),
      check('impatient', async (ctx) => {
        pastDeadline = await ctx.settled(checkKey('hang'));
        return { status: 'info', message: msg(ctx.signal.aborted ? 'gave up at its deadline' : 'saw hang') };
      }, { awaits: ['hang'], timeoutMs: 150 }),
    ], target, env);
    assert.equal(undeclared, undefined, 'not declared: answered at once with what is there (nothing yet)');
    assert.equal(pastDeadline, undefined, 'declared, but the wait ended at the waiting check\'s deadline');
    const impatient = report.findings.find((f) => f.checkId === 'impatient')!;
    assert.equal(impatient.message, 'gave up at its deadline');
    assert.ok(impatient.durationMs < 1000, `${impatient.durationMs} ms`);
  });

  it('awaits counts for depth and cycles like after', () => {
    const g = buildGraph([check('a', async () => ({ status: 'pass', message: msg('') })), check('b', async () => ({ status: 'pass', message: msg('') }), { awaits: ['a'] }),
      check('c', async () => ({ status: 'pass', message: msg('') }), { awaits: ['d'] }), check('d', async () => ({ status: 'pass', message: msg('') }), { awaits: ['c'] })], () => true);
    assert.equal(g.depth.get('b'), 1);
    assert.deepEqual([...g.cyclic].sort(), ['c', 'd']);
  });

  it('ctx.shared runs the work once per run, with the run\'s signal, and each caller stops at its own deadline', async () => {
    let runs = 0;
    let workSignalAbortedWithCaller = false;
    const work = (signal: AbortSignal) => { runs++; return sleep(300).then(() => { workSignalAbortedWithCaller = signal.aborted; return 42; }); };
    const results: Record<string, unknown> = {};
    const user = (id: string, timeoutMs: number) => check(id, async (ctx) => {
      try { results[id] = await ctx.shared('answer', work); } catch (e) { results[id] = (e as Error).name; }
      return { status: 'pass', message: msg('') };
    }, { timeoutMs });
    await runDiagnosis([user('a', 100), user('b', 2000), user('c', 2000)], target, env);
    assert.equal(runs, 1);
    assert.equal(results.b, 42);
    assert.equal(results.c, 42);
    assert.equal(results.a, 'TimeoutError', 'a stopped waiting at its own 100 ms deadline');
    assert.equal(workSignalAbortedWithCaller, false, 'the shared work was not cut short by the first caller\'s deadline');
  });

  it('context helpers go through the context (the test builder answers like the runner)', async () => {
    const ctx = testContext({ target, env, findings: { y: 'fail' } });
    assert.equal(await settledFinding(ctx, checkKey('x')), undefined);
    assert.equal((await settledFinding(ctx, checkKey('y')))?.status, 'fail');
    let made = 0;
    assert.equal(await sharedWork(ctx, 'k', async () => { made++; return 7; }), 7);
    assert.equal(await sharedWork(ctx, 'k', async () => { made++; return 8; }), 7);
    assert.equal(made, 1, 'one piece of work per key');
  });

  it('one Entra request per scope for the whole run, however many checks ask at once', async () => {
    const { credential, calls } = countingCredential();
    const asker = (id: string, scope: string, opts?: GetTokenOptions) => check(id, async (ctx) => {
      const t = await ctx.env.azure!.credential.getToken(scope, { ...opts, abortSignal: ctx.signal });
      return { status: 'pass', message: msg(t!.token) };
    });
    const report = await runDiagnosis([
      asker('a', 'https://management.azure.com/.default'),
      asker('b', 'https://management.azure.com/.default', { enableCae: true }),
      asker('c', 'https://management.azure.com/.default'),
      asker('d', 'https://containerregistry.azure.net/.default'),
      check('late', async (ctx) => { await sleep(100); const t = await ctx.env.azure!.credential.getToken('https://management.azure.com/.default'); return { status: 'pass', message: msg(t!.token) }; }),
    ], target, { ...env, azure: { credential, armEndpoint: 'https://management.azure.com' } });
    assert.equal(calls.length, 2, `one per scope: ${JSON.stringify(calls.map((c) => c.scopes))}`);
    const messages = Object.fromEntries(report.findings.map((f) => [f.checkId, f.message]));
    assert.equal(messages.a, messages.b);
    assert.equal(messages.a, messages.c);
    assert.equal(messages.a, messages.late, 'a later caller gets the kept token');
    assert.notEqual(messages.a, messages.d);
  });

  it('the shared token: a caller that gives up gets an AbortError, the others still get the token; failures are not kept', async () => {
    const { credential, calls } = countingCredential(200);
    const run = new AbortController();
    const shared = runScopedCredential(credential, run.signal);
    const quitter = new AbortController();
    setTimeout(() => quitter.abort(), 20);
    const [a, b] = await Promise.allSettled([
      shared.getToken('s', { abortSignal: quitter.signal }),
      shared.getToken('s'),
    ]);
    assert.equal(a.status, 'rejected');
    assert.equal((a).reason.name, 'AbortError');
    assert.equal(b.status, 'fulfilled');
    assert.equal(calls.length, 1);
    assert.equal(calls[0].options?.abortSignal, run.signal, 'the shared request runs with the run\'s signal');

    let fail = true;
    const flaky: TokenCredential = { async getToken() { if (fail) { fail = false; throw new Error('AADSTS7000215: invalid client secret'); } return { token: 'ok', expiresOnTimestamp: Date.now() + 3_600_000 }; } };
    const s2 = runScopedCredential(flaky, run.signal);
    await assert.rejects(s2.getToken('s'), /AADSTS7000215/);
    assert.equal((await s2.getToken('s'))?.token, 'ok', 'asked again after a failure');
  });

  it('the shared token: one about to expire is fetched again', async () => {
    const { credential, calls } = countingCredential(1, 30_000); // inside the 60 s margin
    const shared = runScopedCredential(credential, new AbortController().signal);
    await shared.getToken('s');
    await shared.getToken('s');
    assert.equal(calls.length, 2);
  });
});
