// image.push run directly with testContext against the fake token service and registry API on
// loopback: left to other checks (no token, a stand-in identity, no push in the token), a locked
// repository or tag, an upload started and cancelled (nothing written), and a refused upload.
import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import type { TokenCredential } from '@azure/core-auth';
import { imagePushCheck } from '../../../../src/core/checks/image/push';
import { NET_CHALLENGE } from '../../../../src/core/checks/login/check-ids';
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import { parseImageInRegistry } from '../../../../src/core/registry/image-reference';
import { renderMessage } from '../../../../src/core/text/message';
import { testContext, TEST_NOW } from '../../../support/check-context';
import { jwt, startFakeAcr, type FakeAcr } from '../login/fake-acr';

const LOGIN = 'contoso.azurecr.io';

interface Registry {
  /** GET /acr/v1/hello (absent: 404). */
  repoAttributes?: unknown;
  /** GET /acr/v1/hello/_tags/v1 (absent: 404). */
  tagAttributes?: unknown;
  /** POST /v2/hello/blobs/uploads/ (default 202 with a Location on the login server). */
  upload?: { status: number; body?: unknown; location?: string };
  /** DELETE of the upload (default 204). */
  cancel?: { status: number; body?: unknown };
}

function send(res: ServerResponse, status: number, body: unknown = '', headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
  return true;
}
const notFound = (res: ServerResponse) => send(res, 404, { errors: [{ code: 'NOT_FOUND', message: 'not found' }] });

describe('image.push (testContext, fake registry on loopback)', function () {
  this.timeout(20000);
  let acr: FakeAcr;
  before(async () => { acr = await startFakeAcr(); });
  after(() => acr.close());
  beforeEach(() => { acr.reset(); acr.rules.users = { ci: 'pw' }; acr.rules.grants = ['pull', 'push']; });

  function serve(r: Registry = {}): void {
    acr.rules.api = (url, res) => {
      if (url.pathname === '/acr/v1/hello') return r.repoAttributes ? send(res, 200, r.repoAttributes) : notFound(res);
      if (url.pathname === '/acr/v1/hello/_tags/v1') return r.tagAttributes ? send(res, 200, r.tagAttributes) : notFound(res);
      if (url.pathname === '/v2/hello/blobs/uploads/') {
        const u = r.upload ?? { status: 202 };
        return send(res, u.status, u.body ?? '', u.status === 202 ? { location: u.location ?? `https://${LOGIN}/v2/hello/blobs/uploads/abc?_state=secretstate` } : {});
      }
      if (url.pathname === '/v2/hello/blobs/uploads/abc') return send(res, r.cancel?.status ?? 204, r.cancel?.body ?? '');
      return false;
    };
  }
  const uploads = () => acr.world.seen.filter((s) => s.path.includes('/blobs/uploads'));

  const run = (env: Partial<DiagnoseEnvironment> = {}) => imagePushCheck.run(testContext({
    env: { ...acr.env, image: parseImageInRegistry('hello:v1'), operation: 'push', credentials: { kind: 'basic', username: 'ci', password: 'pw' }, ...env },
    data: { [NET_CHALLENGE]: { realm: `https://${LOGIN}/oauth2/token`, service: LOGIN } }, signal: AbortSignal.timeout(15000),
  }));

  it('passes when an upload is started (202) and cancelled (204), writing nothing and showing no upload state', async () => {
    serve({ repoAttributes: { changeableAttributes: { writeEnabled: true } }, tagAttributes: { tag: { changeableAttributes: { writeEnabled: true } } } });
    const out = await run();
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.equal(out.causeId, undefined);
    assert.equal(out.evidence?.repositoryWriteEnabled, true);
    assert.equal(out.evidence?.tagWriteEnabled, true);
    assert.equal(out.evidence?.upload, 'POST → 202');
    assert.equal(out.evidence?.cancel, 'DELETE → 204');
    assert.match(renderMessage(out.message), /cancelled \(204\)/);
    assert.deepEqual(uploads().map((s) => s.method), ['POST', 'DELETE']);
    const writes = acr.world.seen.filter((s) => s.method === 'PUT' || s.method === 'PATCH' || (s.method === 'POST' && s.body.length && !s.path.startsWith('/oauth2')));
    assert.deepEqual(writes, [], 'no blob data or manifest was sent');
    assert.ok(!JSON.stringify(out).includes('secretstate'), 'the upload URL\'s state is not shown');
  });

  it('passes when the cancel is refused, saying the empty upload is never committed', async () => {
    serve({ cancel: { status: 401, body: { errors: [{ code: 'UNAUTHORIZED', message: 'delete not granted' }] } } });
    const out = await run();
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.match(String(out.evidence?.cancel), /^DELETE → 401 \(the token may not cancel it/);
    assert.equal(out.evidence?.repositoryWriteEnabled, undefined, 'no attributes served: no lock known');
  });

  it('does not cancel an upload whose Location is on another host', async () => {
    serve({ upload: { status: 202, location: 'https://elsewhere.example/v2/hello/blobs/uploads/abc' } });
    const out = await run();
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.equal(out.evidence?.cancel, undefined);
    assert.deepEqual(uploads().map((s) => s.method), ['POST']);
  });

  it('fails with image.locked when the repository\'s writeEnabled is false, trying no upload', async () => {
    serve({ repoAttributes: { changeableAttributes: { writeEnabled: false, deleteEnabled: true } } });
    const out = await run();
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'image.locked');
    assert.equal(out.evidence?.repositoryWriteEnabled, false);
    assert.deepEqual(out.fixParams, { repository: 'hello', tag: 'v1' });
    assert.match(renderMessage(out.message), /The repository hello is locked/);
    assert.deepEqual(uploads(), []);
  });

  it('fails with image.locked naming the tag when only the tag is locked', async () => {
    serve({ repoAttributes: { changeableAttributes: { writeEnabled: true } }, tagAttributes: { tag: { name: 'v1', changeableAttributes: { writeEnabled: false } } } });
    const out = await run();
    assert.equal(out.causeId, 'image.locked');
    assert.equal(out.evidence?.repositoryWriteEnabled, true);
    assert.equal(out.evidence?.tagWriteEnabled, false);
    assert.match(renderMessage(out.message), /The tag hello:v1 is locked/);
    assert.deepEqual(uploads(), []);
  });

  it('asks no tag lock for a repository named without a tag', async () => {
    serve({ tagAttributes: { tag: { changeableAttributes: { writeEnabled: false } } } });
    const out = await run({ image: undefined, repository: 'hello' });
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.equal(out.evidence?.tag, undefined);
    assert.ok(!acr.world.seen.some((s) => s.path.includes('/_tags/')), 'no tag attributes asked');
    assert.deepEqual(out.fixParams, undefined);
  });

  it('fails with image.locked for an upload refused with 405 DENIED', async () => {
    serve({ upload: { status: 405, body: { errors: [{ code: 'DENIED', message: 'The operation is disallowed on this registry, repository or image.' }] } } });
    const out = await run();
    assert.equal(out.causeId, 'image.locked');
    assert.equal(out.evidence?.upload, 'POST → 405 DENIED');
    assert.match(String(out.evidence?.registrySays), /disallowed/);
  });

  it('fails with image.upload-refused for another refusal, naming the registry\'s reason', async () => {
    serve({ upload: { status: 403, body: { errors: [{ code: 'DENIED', message: 'storage quota exceeded' }] } } });
    const out = await run();
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'image.upload-refused');
    assert.equal(out.evidence?.upload, 'POST → 403 DENIED');
    assert.deepEqual(out.fixParams, { repository: 'hello', tag: 'v1' });
    assert.match(renderMessage(out.message), /POST → 403\): storage quota exceeded/);
  });

  it('is info without a token, trying no upload', async () => {
    serve();
    const out = await run({ credentials: undefined });
    assert.equal(out.status, 'info');
    assert.equal(out.causeId, undefined);
    assert.equal(out.evidence?.tokenFrom, 'none');
    assert.deepEqual(uploads(), []);
  });

  it('is info when the token grants no push (the rights checks say which role), trying no upload', async () => {
    acr.rules.grants = ['pull'];
    serve();
    const out = await run();
    assert.equal(out.status, 'info');
    assert.equal(out.causeId, undefined);
    assert.match(renderMessage(out.message), /grants no push on hello/);
    assert.deepEqual(uploads(), []);
  });

  it('is info for an identity that cannot sign in here (a managed identity): the Entra sign-in stands in, no upload', async () => {
    const aad = jwt({ oid: 'o1', tid: 't1', exp: Math.floor(TEST_NOW.getTime() / 1000) + 3600 });
    acr.rules.aadTokens = [aad];
    const credential: TokenCredential = { getToken: () => Promise.resolve({ token: aad, expiresOnTimestamp: TEST_NOW.getTime() + 3600_000 }) };
    serve();
    const out = await run({ credentials: undefined, identity: { kind: 'mi', clientId: '22222222-2222-2222-2222-222222222222' }, azure: { credential, armEndpoint: 'https://management.azure.com' } });
    assert.equal(out.status, 'info');
    assert.equal(out.evidence?.tokenFrom, 'Microsoft Entra sign-in');
    assert.match(renderMessage(out.message), /cannot sign in from this machine/);
    assert.deepEqual(uploads(), []);
  });
});
