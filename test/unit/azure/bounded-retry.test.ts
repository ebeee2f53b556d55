// ARM throttling must not be waited out past the caller's bound, and a run whose budget ran out
// is not reported as healthy by the CLI's exit code.
import { strict as assert } from 'node:assert';
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { boundedRetryAfterPolicy, retryAfterMsOf, retryWaitBoundMs } from '../../../src/core/azure/connection';
import { AzureAccessError, toAzureError } from '../../../src/core/azure/errors';
import { exitCodeOf, EXIT } from '../../../src/cli/run';

function answer(status: number, headers: Record<string, string>, body = ''): PipelineResponse {
  const request = createPipelineRequest({ url: 'https://management.example/x' });
  return { request, status, headers: createHttpHeaders(headers), bodyAsText: body };
}

describe('azure: bounded retry waits', () => {
  it('reads Retry-After in seconds, as a date and retry-after-ms', () => {
    assert.equal(retryAfterMsOf((n) => (n === 'retry-after' ? '30' : undefined)), 30_000);
    assert.equal(retryAfterMsOf((n) => (n === 'retry-after-ms' ? '250' : undefined)), 250);
    assert.equal(retryAfterMsOf((n) => (n === 'retry-after' ? new Date(11_000).toUTCString() : undefined), 1_000), 10_000);
    assert.equal(retryAfterMsOf(() => undefined), undefined);
  });

  it('the bound shrinks to the time left before the caller\'s deadline', () => {
    assert.equal(retryWaitBoundMs({}), 2000);
    assert.equal(retryWaitBoundMs({ maxRetryWaitMs: 5000, deadline: 1_500 }, 1_000), 500);
    assert.equal(retryWaitBoundMs({ deadline: 0 }, 1_000), 0);
  });

  it('a 429 with Retry-After 30 s ends at once as a typed throttled error naming 429', async () => {
    const policy = boundedRetryAfterPolicy({});
    const req = createPipelineRequest({ url: 'https://management.example/x' });
    const body = JSON.stringify({ error: { code: 'TooManyRequests', message: 'The request is being throttled.' } });
    const t0 = Date.now();
    const err = await policy.sendRequest(req, async () => answer(429, { 'retry-after': '30' }, body)).then(() => undefined, (e: unknown) => e);
    assert.ok(Date.now() - t0 < 1000);
    assert.ok(err instanceof AzureAccessError);
    const typed = toAzureError(err, 'list registries');
    assert.equal(typed.kind, 'throttled');
    assert.equal(typed.status, 429);
    assert.equal(typed.retryAfterSeconds, 30);
    assert.equal(typed.operation, 'list registries');
    assert.match(typed.message, /429/);
    assert.match(typed.message, /throttl/i);
  });

  it('a short Retry-After and other answers pass through to the SDK\'s own retry', async () => {
    const policy = boundedRetryAfterPolicy({});
    const req = createPipelineRequest({ url: 'https://management.example/x' });
    assert.equal((await policy.sendRequest(req, async () => answer(429, { 'retry-after': '1' }))).status, 429);
    assert.equal((await policy.sendRequest(req, async () => answer(500, { 'retry-after': '30' }))).status, 500);
    assert.equal((await policy.sendRequest(req, async () => answer(200, {}))).status, 200);
  });

  it('a 429 from an SDK (RestError) maps to throttled with the status in the message', () => {
    const e = Object.assign(new Error('The request is being throttled.'), { name: 'RestError', statusCode: 429, response: { headers: { get: (n: string) => (n === 'retry-after' ? '30' : undefined) } } });
    const typed = toAzureError(e, 'query Azure Resource Graph');
    assert.equal(typed.kind, 'throttled');
    assert.equal(typed.retryAfterSeconds, 30);
    assert.match(typed.message, /429 Too Many Requests/);
  });
});

describe('cli: exit code of a report', () => {
  it('0 healthy only when every check could finish; 2 when the budget ran out; 1 when causes were found', () => {
    const cause = [{ causeId: 'network.throttled' }] as never[];
    assert.equal(exitCodeOf({ causes: [], budgetExceeded: false }), EXIT.healthy);
    assert.equal(exitCodeOf({ causes: [], budgetExceeded: true }), EXIT.couldNotRun);
    assert.equal(exitCodeOf({ causes: cause, budgetExceeded: true }), EXIT.causes);
    assert.equal(exitCodeOf({ causes: cause, budgetExceeded: false }), EXIT.causes);
  });
});
