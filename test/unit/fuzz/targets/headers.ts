// Www-Authenticate challenges, the realm guard, blob redirects: what a registry (or anything
// pretending to be one) sends back in headers.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bearerChallenge, parseWwwAuthenticate, realmIsTrusted } from '../../../../src/core/net/www-authenticate';
import { parseDataEndpointHost, parseRedirect } from '../../../../src/core/net/redirect';
import { hostileText, mutated, type FuzzTarget } from '../harness';

const LOGIN = 'contoso.azurecr.io';

const quoted = fc.string({ maxLength: 40, unit: 'binary' }).map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`);
const challengeText = fc.tuple(
  fc.constantFrom('Bearer', 'bearer', 'BEARER', 'Basic', 'Negotiate', 'Digest', ''),
  fc.array(fc.tuple(fc.constantFrom('realm', 'service', 'scope', 'error', 'Realm', 'x'), fc.oneof(quoted, fc.string({ maxLength: 30 }))), { maxLength: 6 }),
).map(([scheme, params]) => `${scheme} ${params.map(([k, v]) => `${k}=${v}`).join(',')}`);

const header: fc.Arbitrary<string | string[]> = fc.oneof(
  hostileText(),
  mutated(challengeText),
  fc.array(mutated(challengeText), { maxLength: 4 }),
  fc.constant(`Bearer ${'realm="x",'.repeat(5000)}`),
  fc.constant(`Bearer realm="${'\\'.repeat(20000)}`),
);

/** Realms an attacker would try to get a credential sent to. */
const realm = fc.oneof(
  hostileText(120),
  fc.tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:/', 'https:\\\\', '//', 'ftp://', 'javascript:', ''),
    fc.constantFrom('', 'user@', 'user:pw@', `${LOGIN}@`, `${LOGIN}:443@`),
    fc.constantFrom(LOGIN, LOGIN.toUpperCase(), `${LOGIN}.`, `${LOGIN}.evil.test`, `evil.${LOGIN}`, 'evil.test', `contoso.azurecr.io\u3002evil.test`,
      'xn--contoso-9ya.azurecr.io', '192.0.2.20', '[::1]', `${LOGIN}%2f@evil.test`, `evil.test#@${LOGIN}`, `evil.test\\@${LOGIN}`, `evil.test?@${LOGIN}`),
    fc.constantFrom('', ':443', ':8443', ':0', ':', ':443x'),
    fc.constantFrom('/oauth2/token', '', '/', '/../../evil', '?x=1', '#frag', '/oauth2/token\r\nHost: evil.test'),
  ).map((p) => p.join('')),
);

export const headerTargets: FuzzTarget<any>[] = [
  {
    name: 'Www-Authenticate header', parser: 'src/core/net/www-authenticate.ts parseWwwAuthenticate, bearerChallenge',
    arbitrary: header,
    check(h: string | string[]) {
      const cs = parseWwwAuthenticate(h);
      assert.ok(Array.isArray(cs));
      for (const c of cs) {
        assert.match(c.scheme, /^[!#$%&'*+\-.^_`|~0-9a-z]+$/, 'scheme is a lower-case token');
        for (const [k, v] of Object.entries(c.params)) { assert.equal(typeof v, 'string'); assert.equal(k, k.toLowerCase()); }
      }
      const b = bearerChallenge(h);
      if (b) assert.ok(typeof b.realm === 'string' && b.realm.length > 0, 'a Bearer challenge has a realm');
    },
  },
  {
    name: 'token realm (credential guard)', parser: 'src/core/net/www-authenticate.ts realmIsTrusted',
    arbitrary: realm,
    check(r: string) {
      const v = realmIsTrusted(r, LOGIN);
      if (!v.ok) { assert.ok(v.reason && v.reason.length > 5, 'a refused realm says why'); return; }
      // Trusted ⇒ WHATWG URL parsing (what the HTTP client uses) lands on the login server, https, 443.
      const u = new URL(r);
      assert.equal(u.protocol, 'https:');
      assert.equal(u.hostname, LOGIN, `realm ${JSON.stringify(r)} trusted but goes to ${u.hostname}`);
      assert.ok(u.port === '' || u.port === '443');
      assert.equal(u.username + u.password, '');
    },
  },
  {
    name: 'blob redirect Location', parser: 'src/core/net/redirect.ts parseRedirect, parseDataEndpointHost',
    arbitrary: fc.tuple(fc.constantFrom(200, 301, 302, 303, 307, 308, 401), fc.oneof(realm, hostileText(200), fc.constant(undefined), fc.array(hostileText(50), { maxLength: 3 }),
      fc.tuple(fc.stringMatching(/^[a-z0-9]{5,12}$/), fc.stringMatching(/^[a-z0-9-]{2,12}$/)).map(([r, g]) => `https://${r}.${g}.data.azurecr.io/blobs/sha256:0?sig=abc`))),
    check([status, loc]: [number, string | string[] | undefined]) {
      const r = parseRedirect(status, loc, `https://${LOGIN}/v2/hello/blobs/sha256:0`);
      if (!r) return;
      const u = new URL(r.url);
      assert.ok(u.protocol === 'https:' || u.protocol === 'http:');
      assert.equal(r.host, u.hostname);
      assert.ok(['data-endpoint', 'blob-storage', 'other'].includes(r.kind));
      assert.ok(!r.display.includes('?'), 'the display form drops the signature');
      if (r.kind === 'data-endpoint') assert.ok(parseDataEndpointHost(r.host)?.region === r.region);
    },
  },
];
