// image.manifest run directly with testContext against the fake token service and registry API on
// loopback: the manifest found (index or image), left to other checks (no token, 401/403), an odd
// answer, and each 404 — repository missing, tag or digest missing, with the nearest tags.
import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { imageManifestCheck, type ImageManifestData } from '../../../../src/core/checks/image/manifest';
import { NET_CHALLENGE } from '../../../../src/core/checks/login/check-ids';
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import { parseImageInRegistry } from '../../../../src/core/registry/image-reference';
import { renderMessage } from '../../../../src/core/text/message';
import { testContext } from '../../../support/check-context';
import { startFakeAcr, type FakeAcr } from '../login/fake-acr';

const LOGIN = 'contoso.azurecr.io';
const D = (c: string) => `sha256:${c.repeat(64)}`;
const INDEX = 'application/vnd.oci.image.index.v1+json';

interface Answer { status: number; body: unknown; headers?: Record<string, string> }

function send(res: ServerResponse, a: Answer): true {
  res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
  res.end(JSON.stringify(a.body));
  return true;
}
const err = (status: number, code: string, message = code.toLowerCase()): Answer => ({ status, body: { errors: [{ code, message }] } });

describe('image.manifest (testContext, fake registry on loopback)', function () {
  this.timeout(20000);
  let acr: FakeAcr;
  /** The manifest references asked for, in order. */
  let asked: string[];
  before(async () => { acr = await startFakeAcr(); });
  after(() => acr.close());
  beforeEach(() => { acr.reset(); acr.rules.users = { ci: 'pw' }; asked = []; });

  /** Repository `hello`: `manifest` answers every reference, `tags` the tag list (404 NAME_UNKNOWN when not given). */
  function serve(manifest: (ref: string) => Answer, tags?: Answer): void {
    acr.rules.api = (url, res) => {
      const m = /^\/v2\/hello\/manifests\/(.+)$/.exec(url.pathname);
      if (m) { asked.push(decodeURIComponent(m[1])); return send(res, manifest(decodeURIComponent(m[1]))); }
      if (url.pathname === '/v2/hello/tags/list') return send(res, tags ?? err(404, 'NAME_UNKNOWN', 'repository name not known to registry'));
      return false;
    };
  }

  const run = (image: string, env: Partial<DiagnoseEnvironment> = {}) => imageManifestCheck.run(testContext({
    env: { ...acr.env, image: parseImageInRegistry(image), operation: 'pull', credentials: { kind: 'basic', username: 'ci', password: 'pw' }, ...env },
    data: { [NET_CHALLENGE]: { realm: `https://${LOGIN}/oauth2/token`, service: LOGIN } }, signal: AbortSignal.timeout(15000),
  }));

  it('passes for an index, handing on the manifest, the reference and the token', async () => {
    serve(() => ({ status: 200, headers: { 'content-type': INDEX, 'docker-content-digest': D('f') }, body: { mediaType: INDEX, manifests: [{ digest: D('a'), platform: { os: 'linux', architecture: 'amd64' } }, { digest: D('b'), platform: { os: 'linux', architecture: 'arm64' } }] } }));
    const out = await run('hello:v1');
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.equal(out.causeId, undefined);
    assert.equal(out.evidence?.image, `${LOGIN}/hello:v1`);
    assert.equal(out.evidence?.digest, D('f'));
    assert.equal(out.evidence?.mediaType, INDEX);
    assert.equal(out.evidence?.tokenFrom, 'explicit credentials');
    const data = out.data as ImageManifestData;
    assert.equal(data.reference, 'v1');
    assert.deepEqual(data.image, { repository: 'hello', tag: 'v1' });
    assert.deepEqual(data.manifest.entries?.map((e) => e.platform.architecture), ['amd64', 'arm64']);
    assert.ok(data.token.split('.').length === 3, 'the pull token is handed on for the platform and blob checks');
    assert.match(renderMessage(out.message), /an index of 2 platform/);
    assert.ok(!JSON.stringify(out.evidence).includes(data.token), 'the token is not evidence');
  });

  it('passes for a single image manifest; without a tag or digest it looks up latest', async () => {
    serve(() => ({ status: 200, body: { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { digest: D('c') }, layers: [] } }));
    const out = await run('hello');
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.deepEqual(asked, ['latest']);
    assert.equal(out.evidence?.reference, 'latest');
    assert.equal((out.data as ImageManifestData).manifest.entries, undefined);
    assert.match(renderMessage(out.message), /an image manifest/);
  });

  it('looks a digest up by the digest, not the tag', async () => {
    serve(() => ({ status: 200, body: { schemaVersion: 2, config: { digest: D('c') }, layers: [] } }));
    const out = await run(`hello:v1@${D('d')}`);
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.deepEqual(asked, [D('d')]);
    assert.equal(out.evidence?.reference, D('d'));
  });

  it('is info when no credential of the identity gives a token (and asks for no manifest)', async () => {
    serve(() => ({ status: 200, body: {} }));
    const out = await run('hello:v1', { credentials: undefined });
    assert.equal(out.status, 'info');
    assert.equal(out.causeId, undefined);
    assert.equal(out.evidence?.tokenFrom, 'none');
    assert.deepEqual(asked, []);
  });

  for (const status of [401, 403]) {
    it(`leaves a ${status} on the manifest to the rights checks (info, no cause)`, async () => {
      serve(() => err(status, status === 401 ? 'UNAUTHORIZED' : 'DENIED', 'not allowed'));
      const out = await run('hello:v1');
      assert.equal(out.status, 'info');
      assert.equal(out.causeId, undefined);
      assert.equal(out.evidence?.status, status);
      assert.match(String(out.evidence?.registrySays), /not allowed/);
    });
  }

  it('warns on another answer (500), naming it', async () => {
    serve(() => err(500, 'INTERNAL', 'backend unavailable'));
    const out = await run('hello:v1');
    assert.equal(out.status, 'warn');
    assert.equal(out.causeId, undefined);
    assert.equal(out.evidence?.status, 500);
    assert.match(renderMessage(out.message), /backend unavailable/);
  });

  it('fails with image.repository-not-found for NAME_UNKNOWN on the manifest', async () => {
    serve(() => err(404, 'NAME_UNKNOWN', 'repository name not known to registry'), { status: 200, body: { tags: ['v1'] } });
    const out = await run('hello:v2');
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'image.repository-not-found');
    assert.equal(out.evidence?.repositoryExists, false);
    assert.deepEqual(out.fixParams, { repository: 'hello', image: 'hello:v2' });
  });

  it('fails with image.repository-not-found when the manifest is MANIFEST_UNKNOWN and the tag list 404s', async () => {
    serve(() => err(404, 'MANIFEST_UNKNOWN'));
    const out = await run('hello:v2');
    assert.equal(out.causeId, 'image.repository-not-found');
    assert.equal(out.evidence?.registrySays, 'MANIFEST_UNKNOWN: manifest_unknown');
  });

  it('fails with image.tag-not-found naming the nearest tags, the nearest as the fix\'s tag', async () => {
    serve(() => err(404, 'MANIFEST_UNKNOWN'), { status: 200, body: { name: 'hello', tags: ['latest', 'v1', '1.4.1', 'v10'] } });
    const out = await run('hello:1.4');
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'image.tag-not-found');
    assert.equal(out.evidence?.tags, 4);
    assert.equal((out.evidence?.nearestTags as string[])[0], '1.4.1');
    assert.equal(out.evidence?.implicitLatest, undefined);
    assert.deepEqual(out.fixParams, { repository: 'hello', image: 'hello:1.4', nearestTag: '1.4.1' });
    assert.match(renderMessage(out.message), /the tag 1\.4 does not/);
  });

  it('names a missing implicit :latest as such', async () => {
    serve(() => err(404, 'MANIFEST_UNKNOWN'), { status: 200, body: { name: 'hello', tags: ['v1', 'v2'] } });
    const out = await run('hello');
    assert.equal(out.causeId, 'image.tag-not-found');
    assert.equal(out.evidence?.implicitLatest, true);
    assert.equal(out.evidence?.reference, 'latest');
    assert.ok(out.fixParams?.nearestTag, 'a tag to name instead');
    assert.match(renderMessage(out.message), /There is no :latest/);
  });

  it('a missing digest gets no nearest tags', async () => {
    serve(() => err(404, 'MANIFEST_UNKNOWN'), { status: 200, body: { name: 'hello', tags: ['v1'] } });
    const out = await run(`hello@${D('e')}`);
    assert.equal(out.causeId, 'image.tag-not-found');
    assert.equal(out.evidence?.nearestTags, undefined);
    assert.equal(out.fixParams?.nearestTag, undefined);
    assert.match(renderMessage(out.message), /the digest sha256:e+ does not/);
  });

  it('a repository without tags: image.tag-not-found with no tags', async () => {
    serve(() => err(404, 'MANIFEST_UNKNOWN'), { status: 200, body: { name: 'hello', tags: [] } });
    const out = await run('hello:v1');
    assert.equal(out.causeId, 'image.tag-not-found');
    assert.equal(out.evidence?.tags, 0);
    assert.match(renderMessage(out.message), /holds no tagged image/);
  });

  it('tags the identity may not list: image.tag-not-found, tagsListed false', async () => {
    serve(() => err(404, 'MANIFEST_UNKNOWN'), err(401, 'UNAUTHORIZED'));
    const out = await run('hello:v1');
    assert.equal(out.causeId, 'image.tag-not-found');
    assert.equal(out.evidence?.tagsListed, false);
    assert.match(renderMessage(out.message), /could not be listed with this identity \(401\)/);
  });
});
