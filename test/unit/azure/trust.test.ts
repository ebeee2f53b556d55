// The extra-CA trust the Azure clients share: parsed once, and the parsed context alone is enough
// for a real TLS connection to a server whose CA only the extra list holds.
import { strict as assert } from 'node:assert';
import * as https from 'node:https';
import * as tls from 'node:tls';
import { caTlsOptions } from '../../../src/core/net/secure-context';
import { startFixture, testPki, type Fixture } from './simulator-fixture';

describe('azure: extra CA trust (caTlsOptions)', function () {
  this.timeout(30_000);
  let f: Fixture | undefined;
  afterEach(async () => { await f?.stop(); f = undefined; });

  it('is undefined without extra CAs and one shared object per CA list', () => {
    assert.equal(caTlsOptions(undefined), undefined);
    assert.equal(caTlsOptions([]), undefined);
    const pem = testPki().caPem;
    const a = caTlsOptions([pem])!;
    assert.equal(caTlsOptions([pem]), a, 'the same list (a new array) reuses the parsed context');
    assert.equal(a.ca.length, tls.rootCertificates.length + 1);
    assert.equal(a.ca.at(-1), pem);
    assert.notEqual(caTlsOptions([pem, pem]), a);
  });

  it('its secureContext alone trusts the extra CA (and without it the same server is refused)', async () => {
    f = await startFixture();
    // As the SDKs use it: an https.Agent handing its options to tls.connect.
    const get = (opts: https.AgentOptions) => new Promise<number>((resolve, reject) => {
      https.get(`${f!.sim.url}/providers?api-version=2021-04-01`, { agent: new https.Agent(opts) }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
    });
    assert.equal(await get({ secureContext: caTlsOptions([testPki().caPem])!.secureContext }), 401, 'TLS accepted; ARM asks for a token');
    await assert.rejects(get({}), /self-signed|unable to (get|verify)/i);
  });
});
