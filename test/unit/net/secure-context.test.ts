// One TLS secure context per set of extra CAs (not a `ca` list re-parsed per connection), and it
// still decides trust: the extra CA's server is trusted, another CA's is not.
import { strict as assert } from 'node:assert';
import * as https from 'node:https';
import { caTlsOptions, secureContextFor } from '../../../src/core/net/secure-context';
import { openTlsConnection } from '../../../src/core/net/connection';
import { makePki, type TestPki } from './helpers/pki';
import { httpsServer, type Running } from './helpers/servers';

describe('net/secure-context', function () {
  this.timeout(20000);
  let pki: TestPki;
  let server: Running;
  const host = 'contoso.azurecr.io';
  before(async () => {
    pki = makePki([host]);
    server = await httpsServer(pki.cert, pki.key, (_req, res) => { res.end('ok'); });
  });
  after(async () => { await server.close(); pki.cleanup(); });

  it('builds one context per CA set and none without extra CAs', () => {
    assert.equal(secureContextFor(undefined), undefined);
    assert.equal(secureContextFor([]), undefined);
    const a = secureContextFor([pki.caPem]);
    assert.ok(a);
    assert.equal(secureContextFor([`${pki.caPem}`]), a, 'same PEM text, same context');
    assert.notEqual(secureContextFor([pki.caPem, pki.caPem]), a, 'another CA set, another context');
    assert.equal(caTlsOptions([pki.caPem])?.secureContext, a, 'the Azure clients get the same context');
  });

  it('names its CA set in an https.Agent pool key in a few bytes, one name per set', () => {
    const agent = new https.Agent();
    const a = caTlsOptions([pki.caPem])!;
    const b = caTlsOptions([pki.caPem, pki.caPem])!;
    const key = (ca: string[]) => agent.getName({ host, port: 443, ca });
    assert.ok(key(a.ca).length < 200, `pool key of ${key(a.ca).length} chars`);
    assert.equal(key(a.ca), key(caTlsOptions([`${pki.caPem}`])?.ca ?? []), 'same CA set, same pool');
    assert.notEqual(key(a.ca), key(b.ca), 'another CA set, another pool');
    assert.notEqual(key([...a.ca]), key(a.ca), 'a copy of the list is not taken for it');
    assert.ok(key([...a.ca]).includes(pki.caPem.trim().split('\n')[1] ?? '-'), 'a plain list keys by its PEM text, as Node does');
    assert.equal(a.ca.length, 1 + (b.ca.length - 2), 'the list itself is the roots plus the extra CAs');
    assert.ok(!Object.keys(a.ca).includes('toString'), 'nothing enumerable added to the list');
  });

  it('the shared context trusts the extra CA, and only it', async () => {
    const ok = await openTlsConnection({ host, port: server.port, resolve: { [host]: '127.0.0.1' }, extraCaPem: [pki.caPem], signal: AbortSignal.timeout(5000), verify: false });
    assert.equal(ok.tls.trusted, true);
    assert.ok(ok.tls.chain.length >= 1);
    ok.socket.destroy();
    const without = await openTlsConnection({ host, port: server.port, resolve: { [host]: '127.0.0.1' }, signal: AbortSignal.timeout(5000), verify: false });
    assert.equal(without.tls.trusted, false, 'Node\'s roots alone do not know the test CA');
    without.socket.destroy();
  });
});
