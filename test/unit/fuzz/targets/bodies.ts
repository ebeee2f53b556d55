// Error bodies from the registry's front: the firewall's 403 (with the client IP), 429, and the
// registry v2 error document.
import { strict as assert } from 'node:assert';
import { isIP } from 'node:net';
import fc from 'fast-check';
import { parseFirewallBody, registryErrorCodes } from '../../../../src/core/net/firewall-body';
import { hostileJson, hostileText, mutated, type FuzzTarget } from '../harness';

const ip = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('192.0.2.1', '999.1.1.1', "1.2.3.4' or '1'='1", '', 'localhost', '::ffff:192.0.2.1'));
const refusal = ip.map((a) => `client with IP '${a}' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.`);
const body = fc.oneof(
  hostileText(),
  mutated(refusal),
  refusal.map((m) => JSON.stringify({ errors: [{ code: 'DENIED', message: m }] })),
  fc.tuple(refusal, hostileText(100)).map(([m, junk]) => `${junk}${m}\n<script>alert(1)</script>${junk}`),
  fc.constant(JSON.stringify({ errors: Array.from({ length: 10_000 }, () => ({ code: 'TOOMANYREQUESTS', message: 'too many requests' })) })),
  fc.constant(`client with IP '${'1'.repeat(60_000)}`),
  hostileJson.map((j) => { try { return JSON.stringify({ errors: j }); } catch { return ''; } }),
);

export const bodyTargets: FuzzTarget<any>[] = [
  {
    name: '403 / 429 body', parser: 'src/core/net/firewall-body.ts parseFirewallBody, registryErrorCodes',
    arbitrary: fc.oneof(body, body.map((b) => Buffer.from(b, 'utf8'))),
    check(b: string | Buffer) {
      const r = parseFirewallBody(b);
      if (r) {
        assert.ok(isIP(r.clientIp), `clientIp ${r.clientIp} is an IP address (it is filled into a fix command)`);
        assert.ok(/^[\x20-\x7e]*$/.test(r.message) && r.message.length <= 200, 'printable, one line');
      }
      const codes = registryErrorCodes(b);
      assert.ok(codes.length <= 20);
      for (const c of codes) { assert.equal(c, c.toUpperCase()); assert.ok(c.length <= 64); }
    },
  },
];
