// What the token service and Entra send back: JWTs (AAD and ACR access tokens), token and
// exchange answers and their error bodies, and the errors @azure/identity raises.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { accessClaim, allows, claimDate, decodeJwt, grantedActions } from '../../../../src/core/acr/jwt';
import { errorReason } from '../../../../src/core/acr/token-flow';
import { classifyAadError } from '../../../../src/core/checks/login/aad-errors';
import { isKnownCauseId } from '../../../../src/core/catalogue/index';
import { hostileJson, hostileText, mutated, thrownValue, type FuzzTarget } from '../harness';
import { msg, renderMessage } from '../../../../src/core/text/message';

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const payload = fc.oneof(
  hostileJson,
  fc.record({
    exp: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(1e12), fc.constant(-1)),
    access: fc.oneof(hostileJson, fc.array(fc.record({ type: fc.oneof(fc.constant('repository'), hostileJson), name: fc.oneof(fc.constantFrom('hello', '*'), hostileJson), actions: fc.oneof(fc.array(fc.oneof(fc.constantFrom('pull', 'push', '*'), hostileJson)), hostileJson) }, { requiredKeys: [] }), { maxLength: 5 })),
  }, { requiredKeys: [] }),
);
const jwt = payload.map((p) => { let j: string; try { j = JSON.stringify(p) ?? 'null'; } catch { j = '{}'; } return `${b64url('{"alg":"RS256","x5c":["MII"]}')}.${b64url(j)}.${b64url('sig')}`; });
/** A real-looking JWT to plant in bodies: never echoed back. */
export const plantedJwt = fc.stringMatching(/^[A-Za-z0-9_-]{20,40}$/).map((s) => `eyJhbGciOiJSUzI1NiJ9.${s}.${s.slice(0, 10)}`);

function fakeResponse(status: number, body: string) {
  return {
    status, statusText: 'X',
    text: () => body,
    json: <T>() => { try { return JSON.parse(body) as T; } catch { return undefined; } },
  };
}

const tokenBody = fc.oneof(
  hostileText(),
  hostileJson.map((j) => { try { return JSON.stringify(j) ?? ''; } catch { return ''; } }),
  fc.tuple(plantedJwt, fc.constantFrom('errors', 'error_description', 'message', 'error')).map(([t, k]) =>
    k === 'errors' ? JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: msg(`bad token ${t}`) }] }) : JSON.stringify({ [k]: `rejected ${t} (expired)` })),
  mutated(fc.constant('{"errors":[{"code":"DENIED","message":"requested access to the resource is denied","detail":[{"Type":"repository","Name":"hello","Action":"push"}]}]}')),
  fc.constant('<html><body>' + 'x'.repeat(200_000) + '</body></html>'),
);

export const tokenTargets: FuzzTarget<any>[] = [
  {
    name: 'JWT (AAD / ACR access token)', parser: 'src/core/acr/jwt.ts decodeJwt, accessClaim, claimDate, allows',
    arbitrary: fc.oneof(jwt, mutated(jwt), hostileText(), fc.constant('a.b.c'), fc.constant('e30.e30.e30'), fc.constant(`x.${'A'.repeat(70_000)}.y`)),
    check(t: string) {
      const claims = decodeJwt(t);
      if (claims !== undefined) assert.ok(typeof claims === 'object' && claims !== null && !Array.isArray(claims));
      const access = accessClaim(claims);
      for (const a of access) {
        assert.equal(typeof a.type, 'string'); assert.equal(typeof a.name, 'string');
        assert.ok(a.actions.every((x) => typeof x === 'string'));
      }
      const acts = grantedActions(access, 'hello');
      assert.ok(acts.every((x) => typeof x === 'string'));
      assert.equal(typeof allows(access, 'hello', 'pull'), 'boolean');
      for (const c of ['exp', 'iat', 'nbf'] as const) {
        const d = claimDate(claims, c);
        if (d) assert.ok(Number.isFinite(d.getTime()), 'a claim date is a real date');
      }
    },
  },
  {
    name: 'token / exchange answer body', parser: 'src/core/acr/token-flow.ts errorReason',
    arbitrary: fc.tuple(fc.constantFrom(200, 400, 401, 403, 404, 429, 500, 503), tokenBody),
    check([status, body]: [number, string]) {
      const { code, reason } = errorReason(fakeResponse(status, body));
      assert.equal(typeof reason, 'string');
      assert.ok(reason.length > 0 && reason.length <= 300, 'one short sentence');
      assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\./.test(reason), `a token in the body is not repeated: ${reason}`);
      if (code !== undefined) assert.equal(typeof code, 'string');
    },
  },
  {
    name: 'Entra sign-in error', parser: 'src/core/checks/login/aad-errors.ts classifyAadError',
    arbitrary: fc.oneof(thrownValue, fc.tuple(fc.constantFrom('AADSTS7000215', 'AADSTS7000222', 'AADSTS50173', 'AADSTS1', ''), hostileText(100), plantedJwt)
      .map(([c, t, j]) => new Error(`${c}: ${t} token=${j} expired`))),
    check(err: unknown) {
      const r = classifyAadError(err);
      assert.ok(isKnownCauseId(r.causeId), `unknown cause ${r.causeId}`);
      assert.ok(renderMessage(r.message).length > 10);
      assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\./.test(renderMessage(r.message)), 'a token in the error is not repeated');
    },
  },
];
