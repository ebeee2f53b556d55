import * as assert from 'node:assert/strict';
import { classifyAzureError } from '../../../../src/vscode/tree/azure-error-kind';

describe('Azure error classification for the tree', () => {
  const rest = (statusCode: number, code: string, message: string) => Object.assign(new Error(message), { name: 'RestError', statusCode, code });

  it('sorts ARM answers by status', () => {
    assert.equal(classifyAzureError(rest(403, 'AuthorizationFailed', 'The client does not have authorization')).kind, 'forbidden');
    assert.equal(classifyAzureError(rest(500, 'InternalServerError', 'Encountered internal server error.\nmore')).kind, 'server');
    assert.equal(classifyAzureError(rest(429, 'TooManyRequests', 'throttled')).kind, 'throttled');
    assert.equal(classifyAzureError(rest(401, 'InvalidAuthenticationToken', 'The access token is invalid.')).kind, 'signIn');
    assert.equal(classifyAzureError(rest(404, 'NotFound', 'x')).kind, 'notFound');
  });

  it('keeps status, code and the first line only', () => {
    const c = classifyAzureError(rest(500, 'InternalServerError', 'first line\nsecond line'));
    assert.deepEqual(c, { kind: 'server', status: 500, code: 'InternalServerError', message: 'first line' });
  });

  it('recognises sign-in problems, network failures and cancellation', () => {
    assert.equal(classifyAzureError({ isNotSignedInError: true, message: 'You are not signed in' }).kind, 'signIn');
    assert.equal(classifyAzureError(Object.assign(new Error('AADSTS700016: Application not found'), { name: 'AuthenticationError' })).kind, 'signIn');
    assert.equal(classifyAzureError(Object.assign(new Error('connect ECONNREFUSED 192.0.2.9:443'), { code: 'ECONNREFUSED' })).kind, 'network');
    assert.equal(classifyAzureError(Object.assign(new Error('x'), { name: 'RestError', cause: { code: 'ENOTFOUND' } })).kind, 'network');
    assert.equal(classifyAzureError(Object.assign(new Error('aborted'), { name: 'AbortError' })).kind, 'cancelled');
  });

  it('copes with non-errors', () => {
    assert.equal(classifyAzureError('plain text').message, 'plain text');
    assert.equal(classifyAzureError(undefined).kind, 'other');
  });
});

describe('Azure error classification of core errors', () => {
  it('maps AzureAccessError kinds', async () => {
    const { AzureAccessError } = await import('../../../../src/core/azure/errors');
    const e = (kind: ConstructorParameters<typeof AzureAccessError>[0], status?: number) => new AzureAccessError(kind, `m ${kind}`, 'list registries', status, 'C');
    assert.deepEqual(classifyAzureError(e('forbidden', 403)), { kind: 'forbidden', status: 403, code: 'C', message: 'm forbidden' });
    assert.equal(classifyAzureError(e('unauthenticated', 401)).kind, 'signIn');
    assert.equal(classifyAzureError(e('credential-unavailable')).kind, 'signIn');
    assert.equal(classifyAzureError(e('tls')).kind, 'network');
    assert.equal(classifyAzureError(e('server', 500)).kind, 'server');
    assert.equal(classifyAzureError(e('invalid-response')).kind, 'other');
  });
});

describe('Azure error classification: unreachable authority', () => {
  it('calls an MSAL endpoint-resolution failure a network problem, not an expired sign-in', () => {
    const e = Object.assign(new Error('endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details'), { name: 'CredentialUnavailableError' });
    assert.equal(classifyAzureError(e).kind, 'network');
    assert.equal(classifyAzureError(Object.assign(new Error('AADSTS7000215: Invalid client secret provided.'), { name: 'AuthenticationError' })).kind, 'signIn');
  });
});

describe('Azure error classification: secrets', () => {
  it('never passes a token or secret through to the row', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJvaWQiOiIxMjMiLCJ0aWQiOiI0NTYifQ.c2lnbmF0dXJlc2lnbmF0dXJlc2ln';
    const c = classifyAzureError(Object.assign(new Error(`The access token ${jwt} is invalid.`), { statusCode: 401 }));
    assert.equal(c.kind, 'signIn');
    assert.ok(!c.message.includes(jwt), c.message);
  });
});
