import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseWwwAuthenticate, bearerChallenge, realmIsTrusted } from '../../../src/core/net/www-authenticate';
import { parseFirewallBody, registryErrorCodes } from '../../../src/core/net/firewall-body';
import { parseRedirect, parseDataEndpointHost } from '../../../src/core/net/redirect';
import { bypassesProxy, parseProxyUrl, proxyFor } from '../../../src/core/net/proxy';
import { classifyAddress, ipInCidr } from '../../../src/core/net/addresses';

describe('net parsers', () => {
  describe('Www-Authenticate', () => {
    it('parses ACR\'s Bearer challenge', () => {
      const c = bearerChallenge('Bearer realm="https://contoso.azurecr.io/oauth2/token",service="contoso.azurecr.io"');
      assert.deepEqual(c, { realm: 'https://contoso.azurecr.io/oauth2/token', service: 'contoso.azurecr.io', scope: undefined, error: undefined });
    });
    it('parses several challenges, escapes, token values and case', () => {
      const cs = parseWwwAuthenticate('Basic realm="a\\"b", BEARER Realm=https://x/t, scope="repository:r:pull,push"');
      assert.equal(cs.length, 2);
      assert.equal(cs[0].scheme, 'basic');
      assert.equal(cs[0].params.realm, 'a"b');
      assert.equal(cs[1].params.realm, 'https://x/t');
      assert.equal(cs[1].params.scope, 'repository:r:pull,push');
    });
    it('keeps the first of duplicate params and survives token68', () => {
      const cs = parseWwwAuthenticate(['Negotiate abc==', 'Bearer realm="https://a/",realm="https://evil/"']);
      assert.equal(cs[0].scheme, 'negotiate');
      assert.equal(cs[1].params.realm, 'https://a/');
    });
    it('returns no Bearer challenge for Basic-only, empty, or missing realm', () => {
      assert.equal(bearerChallenge('Basic realm="x"'), undefined);
      assert.equal(bearerChallenge(''), undefined);
      assert.equal(bearerChallenge(undefined), undefined);
      assert.equal(bearerChallenge('Bearer service="x"'), undefined);
    });
    it('never throws on hostile input', () => {
      for (const h of ['Bearer realm="unterminated', '===,,,"""', 'Bearer realm=', '\u0000\uffff', 'Bearer ' + 'a=b,'.repeat(50000), '"'.repeat(1000)]) {
        parseWwwAuthenticate(h);
      }
      fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => { parseWwwAuthenticate(s); bearerChallenge(s); return true; }));
    });
    it('trusts only an https realm on the login server itself', () => {
      assert.equal(realmIsTrusted('https://contoso.azurecr.io/oauth2/token', 'contoso.azurecr.io').ok, true);
      assert.equal(realmIsTrusted('https://CONTOSO.azurecr.io/oauth2/token', 'contoso.azurecr.io').ok, true);
      for (const r of ['https://evil.example/oauth2/token', 'http://contoso.azurecr.io/oauth2/token', 'https://contoso.azurecr.io.evil.example/t',
        'https://contoso.azurecr.io@evil.example/t', 'https://u:p@contoso.azurecr.io/t', 'https://contoso.azurecr.io:8443/t', 'not a url', '']) {
        assert.equal(realmIsTrusted(r, 'contoso.azurecr.io').ok, false, r);
      }
    });
  });

  describe('403 firewall body', () => {
    const text = "client with IP '192.0.2.1' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.";
    it('reads the client IP from plain text and JSON bodies', () => {
      assert.equal(parseFirewallBody(text)?.clientIp, '192.0.2.1');
      assert.equal(parseFirewallBody(JSON.stringify({ errors: [{ code: 'DENIED', message: text }] }))?.clientIp, '192.0.2.1');
      assert.equal(parseFirewallBody(Buffer.from(text))?.clientIp, '192.0.2.1');
      assert.equal(parseFirewallBody("CLIENT WITH IP '2001:db8::1' IS NOT ALLOWED ACCESS")?.clientIp, '2001:db8::1');
    });
    it('rejects lookalikes and garbage', () => {
      for (const b of ['', 'forbidden', "client with IP 'evil; rm -rf' is not allowed access", "client with IP '999.1.1.1' is not allowed access", '{"errors":5}', '{"errors":[null,1,"x"]}', undefined]) {
        assert.equal(parseFirewallBody(b as string), undefined, String(b));
      }
      fc.assert(fc.property(fc.string({ maxLength: 500 }), (s) => { parseFirewallBody(s); registryErrorCodes(s); return true; }));
    });
    it('lists registry error codes', () => {
      assert.deepEqual(registryErrorCodes('{"errors":[{"code":"toomanyrequests"},{"code":5},{}]}'), ['TOOMANYREQUESTS']);
      assert.deepEqual(registryErrorCodes('nope'), []);
    });
  });

  describe('redirects', () => {
    it('recognises a data endpoint redirect and hides the signature', () => {
      const r = parseRedirect(307, 'https://contoso.westeurope.data.azurecr.io/docker/registry/v2/blobs/x?sig=SECRET', 'https://contoso.azurecr.io/v2/');
      assert.equal(r?.kind, 'data-endpoint');
      assert.equal(r?.region, 'westeurope');
      assert.equal(r?.host, 'contoso.westeurope.data.azurecr.io');
      assert.ok(!r?.display.includes('SECRET'));
    });
    it('recognises blob storage and relative locations', () => {
      assert.equal(parseRedirect(302, 'https://x.blob.core.windows.net/a', 'https://c.azurecr.io/')?.kind, 'blob-storage');
      assert.equal(parseRedirect(307, '/v2/other', 'https://c.azurecr.io/v2/x')?.url, 'https://c.azurecr.io/v2/other');
    });
    it('ignores non-redirects, bad schemes and garbage', () => {
      assert.equal(parseRedirect(200, 'https://a/', 'https://b/'), undefined);
      assert.equal(parseRedirect(307, undefined, 'https://b/'), undefined);
      assert.equal(parseRedirect(307, 'javascript:alert(1)', 'https://b/'), undefined);
      assert.equal(parseRedirect(307, 'http://[::1', 'https://b/'), undefined);
      assert.equal(parseRedirect(307, 'x'.repeat(20000), 'https://b/'), undefined);
      fc.assert(fc.property(fc.string(), (s) => { parseRedirect(307, s, 'https://b/'); return true; }));
    });
    it('parses data endpoint host names strictly', () => {
      assert.deepEqual(parseDataEndpointHost('contoso.eastus2.data.azurecr.io'), { registry: 'contoso', region: 'eastus2', suffix: 'azurecr.io' });
      assert.equal(parseDataEndpointHost('contoso.azurecr.io'), undefined);
      assert.equal(parseDataEndpointHost('a.b.data.azurecr.io.evil'), undefined);
    });
  });

  describe('proxy settings', () => {
    it('parses proxy URLs and hides passwords', () => {
      assert.deepEqual(parseProxyUrl('192.0.2.50:8888'), { display: 'http://192.0.2.50:8888', host: '192.0.2.50', port: 8888, auth: undefined });
      const p = parseProxyUrl('http://user:s3cret@proxy:3128');
      assert.equal(p?.display, 'http://***@proxy:3128');
      assert.equal(Buffer.from(p.auth!, 'base64').toString(), 'user:s3cret');
      assert.equal(parseProxyUrl(''), undefined);
      assert.throws(() => parseProxyUrl('socks5://x:1'), /not supported/);
      assert.throws(() => parseProxyUrl('http://user:pw@[bad'), (e: Error) => !e.message.includes('pw'));
    });
    it('applies NO_PROXY like Go', () => {
      const np = 'localhost, .corp.example ,azurecr.io,10.0.0.0/8,1.2.3.4,reg.example:8443';
      assert.equal(bypassesProxy('contoso.azurecr.io', 443, np), true);
      assert.equal(bypassesProxy('azurecr.io', 443, np), true);
      assert.equal(bypassesProxy('evilazurecr.io', 443, np), false);
      assert.equal(bypassesProxy('a.corp.example', 443, np), true);
      assert.equal(bypassesProxy('10.1.2.3', 443, np), true);
      assert.equal(bypassesProxy('1.2.3.4', 443, np), true);
      assert.equal(bypassesProxy('reg.example', 443, np), false);
      assert.equal(bypassesProxy('reg.example', 8443, np), true);
      assert.equal(bypassesProxy('anything', 443, '*'), true);
      assert.equal(bypassesProxy('x', 443, ',,,'), false);
      assert.equal(proxyFor('contoso.azurecr.io', 443, { httpsProxy: 'http://p:1' })?.host, 'p');
      assert.equal(proxyFor('contoso.azurecr.io', 443, { httpsProxy: 'http://p:1', noProxy: '*' }), undefined);
      assert.equal(proxyFor('contoso.azurecr.io', 443, { httpProxy: 'http://p:1' }), undefined);
    });
  });

  describe('addresses', () => {
    it('classifies addresses', () => {
      assert.equal(classifyAddress('10.1.2.3'), 'private');
      assert.equal(classifyAddress('172.20.0.1'), 'private');
      assert.equal(classifyAddress('172.32.0.1'), 'public');
      assert.equal(classifyAddress('192.0.2.20'), 'documentation');
      assert.equal(classifyAddress('20.1.2.3'), 'public');
      assert.equal(classifyAddress('127.0.0.1'), 'loopback');
      assert.equal(classifyAddress('fd00::1'), 'private');
      assert.equal(classifyAddress('nope'), 'invalid');
    });
    it('matches CIDRs and rejects garbage', () => {
      assert.equal(ipInCidr('192.0.2.1', '192.0.2.0/24'), true);
      assert.equal(ipInCidr('192.0.3.1', '192.0.2.0/24'), false);
      assert.equal(ipInCidr('192.0.2.1', '192.0.2.1'), true);
      assert.equal(ipInCidr('192.0.2.1', '0.0.0.0/0'), true);
      assert.equal(ipInCidr('192.0.2.1', '192.0.2.0/33'), false);
      assert.equal(ipInCidr('192.0.2.1', 'garbage/8'), false);
    });
  });
});
