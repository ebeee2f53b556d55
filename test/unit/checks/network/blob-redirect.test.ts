// net.blob-redirect without a named image: a repository's blob GET on the login server, its 307
// followed to the data endpoint, against the fake token service and registry API on loopback.
// A data endpoint kept off the proxy and pinned to 127.0.0.1:443 (nothing listens) is blocked.
import * as assert from 'node:assert/strict';
import { renderMessage } from '../../../../src/core/text/message';
import type { ServerResponse } from 'node:http';
import { blobRedirectCheck } from '../../../../src/core/checks/network/data-path';
import { NET } from '../../../../src/core/checks/network/ids';
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import { testContext } from '../../../support/check-context';
import { startFakeAcr, type FakeAcr } from '../login/fake-acr';

const LOGIN = 'contoso.azurecr.io';
const DATA = 'contoso.westeurope.data.azurecr.io';
const DIGEST = `sha256:${'a'.repeat(64)}`;

/** A registry API with repository `hello` (tag latest, one layer) whose blob GET answers `blob`. */
function registryApi(blob: (res: ServerResponse) => void): (url: URL, res: ServerResponse) => boolean {
  const json = (res: ServerResponse, o: unknown) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(o)); };
  return (url, res) => {
    if (url.pathname === '/v2/_catalog') { json(res, { repositories: ['hello'] }); return true; }
    if (url.pathname === '/v2/hello/tags/list') { json(res, { name: 'hello', tags: ['latest'] }); return true; }
    if (url.pathname === '/v2/hello/manifests/latest') { json(res, { schemaVersion: 2, config: { digest: DIGEST, size: 10 }, layers: [] }); return true; }
    if (url.pathname === `/v2/hello/blobs/${DIGEST}`) { blob(res); return true; }
    if (url.pathname.startsWith('/blob-on-data-endpoint')) { res.writeHead(200); res.end('x'); return true; }
    return false;
  };
}
const redirectToData = (res: ServerResponse) => { res.writeHead(307, { location: `https://${DATA}/blob-on-data-endpoint/${DIGEST}?sig=abc` }); res.end(); };

describe('net.blob-redirect (fake registry on loopback)', function () {
  this.timeout(20000);
  let acr: FakeAcr;
  before(async () => { acr = await startFakeAcr(); });
  after(() => acr.close());
  beforeEach(() => { acr.reset(); acr.rules.users = { ci: 'pw' }; });

  const run = (env: Partial<DiagnoseEnvironment> = {}) => blobRedirectCheck.run(testContext({
    env: { ...acr.env, credentials: { kind: 'basic', username: 'ci', password: 'pw' }, ...env },
    data: { [NET.challenge]: { realm: `https://${LOGIN}/oauth2/token`, service: LOGIN } }, signal: AbortSignal.timeout(15000),
  }));

  it('passes when the blob GET redirects to a data endpoint that answers, naming it', async () => {
    acr.rules.api = registryApi(redirectToData);
    const out = await run({ repository: 'hello' });
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.deepEqual(out.data, { host: DATA });
    // The data endpoint's own answer is the evidence's status.
    assert.equal(out.evidence?.host, DATA);
    assert.equal(out.evidence?.status, 200);
    assert.equal(out.evidence?.digest, DIGEST);
    assert.ok(!String(out.evidence?.redirect).includes('sig=abc'), 'the redirect\'s signature is not evidence');
  });

  it('lists a repository to test with when none is named', async () => {
    acr.rules.api = registryApi(redirectToData);
    const out = await run();
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.equal(out.evidence?.repository, 'hello');
  });

  it('fails with network.data-endpoint-blocked when the data endpoint cannot be reached', async () => {
    acr.rules.api = registryApi(redirectToData);
    const out = await run({ repository: 'hello', proxy: { ...acr.env.proxy, noProxy: DATA }, resolve: { [DATA]: '127.0.0.1' } });
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'network.data-endpoint-blocked');
    assert.deepEqual(out.fixParams, { dataEndpoint: DATA });
  });

  it('passes when the login server serves the blob itself', async () => {
    acr.rules.api = registryApi((res) => { res.writeHead(200); res.end('{}'); });
    const out = await run({ repository: 'hello' });
    assert.equal(out.status, 'pass');
    assert.equal(out.data, undefined);
  });

  it('is info when no credential can pull the repository, and when it has no tag', async () => {
    acr.rules.api = registryApi(redirectToData);
    const refused = await run({ repository: 'hello', credentials: { kind: 'basic', username: 'ci', password: 'wrong' } });
    assert.equal(refused.status, 'info');
    assert.equal(refused.causeId, undefined);
    const empty = await run({ repository: 'empty' });
    assert.equal(empty.status, 'info');
  });
});
