import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { accessClaim, allows, claimDate, decodeJwt, grantedActions } from '../../../src/core/acr/jwt';
import { errorReason, scopeFor } from '../../../src/core/acr/token-flow';

const jwt = (payload: unknown) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

describe('JWT access claim', () => {
  it('reads what the registry granted for a repository', () => {
    const claims = decodeJwt(jwt({ exp: 1_900_000_000, access: [{ type: 'repository', name: 'hello', actions: ['pull'] }, { type: 'registry', name: 'catalog', actions: ['*'] }] }));
    const access = accessClaim(claims);
    assert.deepEqual(grantedActions(access, 'hello'), ['pull']);
    assert.equal(allows(access, 'hello', 'pull'), true);
    assert.equal(allows(access, 'hello', 'push'), false);
    assert.equal(allows(access, 'other', 'pull'), false);
    assert.equal(claimDate(claims, 'exp')!.toISOString(), '2030-03-17T17:46:40.000Z');
  });
  it('an empty actions list means authenticated but not authorised', () => {
    const access = accessClaim(decodeJwt(jwt({ access: [{ type: 'repository', name: 'hello', actions: [] }] })));
    assert.deepEqual(grantedActions(access, 'hello'), []);
    assert.equal(allows(access, 'hello', 'pull'), false);
  });
  it('"*" actions and wildcard names grant everything', () => {
    const access = accessClaim(decodeJwt(jwt({ access: [{ type: 'repository', name: '*', actions: ['*'] }] })));
    assert.equal(allows(access, 'any/repo', 'push'), true);
  });
  it('hostile tokens give nothing, never an exception', () => {
    for (const t of [undefined, null, 42, '', 'a.b', 'a.b.c', 'x.!!!.y', jwt([1, 2]), jwt('s'), jwt({ access: 'x' }), jwt({ access: [null, 1, { type: 1 }, { type: 'repository', name: 'h', actions: [1, 'pull'] }] }), 'a'.repeat(100_000)]) {
      const c = decodeJwt(t);
      accessClaim(c);
      claimDate(c, 'exp');
    }
    assert.deepEqual(accessClaim(decodeJwt(jwt({ access: [{ type: 'repository', name: 'h', actions: [1, 'pull'] }] }))), [{ type: 'repository', name: 'h', actions: ['pull'] }]);
    assert.equal(claimDate(decodeJwt(jwt({ exp: 'soon' })), 'exp'), undefined);
    assert.equal(claimDate(decodeJwt(jwt({ exp: -5 })), 'exp'), undefined);
    fc.assert(fc.property(fc.jsonValue(), (v) => { accessClaim(decodeJwt(jwt(v))); return true; }), { numRuns: 500 });
    fc.assert(fc.property(fc.string(), (s) => { decodeJwt(s); return true; }), { numRuns: 500 });
  });
});

describe('token flow helpers', () => {
  const res = (status: number, body: string) => ({ status, statusText: '', text: () => body, json: <T>() => { try { return JSON.parse(body) as T; } catch { return undefined; } } });
  it('reads the registry\'s reason from ACR, OAuth and text bodies', () => {
    assert.deepEqual(errorReason(res(401, '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')), { code: 'UNAUTHORIZED', reason: 'authentication required' });
    assert.equal(errorReason(res(400, '{"error":"invalid_grant","error_description":"bad token"}')).reason, 'bad token');
    assert.equal(errorReason(res(500, '<html>oops</html>')).reason, 'HTTP 500 ');
    assert.equal(errorReason(res(403, 'client with IP')).reason, 'client with IP');
  });
  it('never echoes a JWT from a hostile error body', () => {
    const t = jwt({ sub: 'x', secret: 'y' });
    assert.ok(!errorReason(res(401, JSON.stringify({ errors: [{ code: 'X', message: `token ${t} refused` }] }))).reason.includes(t));
  });
  it('builds repository scopes', () => {
    assert.equal(scopeFor('hello', ['pull', 'push']), 'repository:hello:pull,push');
    assert.equal(scopeFor(undefined), 'registry:catalog:*');
  });
});
