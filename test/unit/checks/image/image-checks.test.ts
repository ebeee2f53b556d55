// The image checks (manifest, platform, push) in a whole diagnosis against a fake registry on
// loopback (real TLS, a real CONNECT proxy): what each answer of the registry is taken to mean,
// that a push test sends no blob, and that hostile answers do not crash or mislead a check.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { diagnose } from '../../../../src/core/engine/diagnose';
import { withTarget } from '../../../../src/core/engine/target';
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import type { DiagnosisReport, Finding } from '../../../../src/core/engine/types';
import { LOGIN, startHostileWorld, type HostileWorld } from '../../security/loopback-acr';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const token = (actions: string[]) => `eyJhbGciOiJSUzI1NiJ9.${b64url({ access: [{ type: 'repository', name: 'hello', actions }], exp: Math.floor(Date.now() / 1000) + 3600 })}.Sig`;
const D = (c: string) => `sha256:${c.repeat(64)}`;

interface Registry { actions: string[]; manifest?: (ref: string) => { status: number; body: unknown; type?: string }; tags?: { status: number; body: unknown }; attributes?: unknown; upload?: { status: number; body?: unknown } }

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

describe('image checks against a loopback registry', function () {
  this.timeout(30_000);
  let w: HostileWorld;
  let dir: string;
  before(async () => { w = await startHostileWorld(); dir = mkdtempSync(join(tmpdir(), 'acrdoc-img-')); writeFileSync(join(dir, 'config.json'), '{}'); });
  after(async () => { await w.close(); rmSync(dir, { recursive: true, force: true }); });
  beforeEach(() => { w.seen.length = 0; });

  function serve(r: Registry): void {
    w.handler = (req, _body, res) => {
      const url = new URL(req.url ?? '/', `https://${LOGIN}`);
      if (url.pathname === '/v2/' && !req.headers.authorization) return send(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': `Bearer realm="https://${LOGIN}/oauth2/token",service="${LOGIN}"` });
      if (url.pathname === '/oauth2/token') return send(res, 200, { access_token: token(r.actions) });
      const man = /^\/v2\/hello\/manifests\/(.+)$/.exec(url.pathname);
      if (man && r.manifest) { const m = r.manifest(decodeURIComponent(man[1])); return send(res, m.status, m.body, m.type ? { 'content-type': m.type } : {}); }
      if (url.pathname === '/v2/hello/tags/list' && r.tags) return send(res, r.tags.status, r.tags.body);
      if (url.pathname.startsWith('/acr/v1/hello')) return r.attributes ? send(res, 200, r.attributes) : send(res, 404, { errors: [{ code: 'NOT_FOUND' }] });
      if (url.pathname === '/v2/hello/blobs/uploads/' && req.method === 'POST') {
        const u = r.upload ?? { status: 202 };
        return send(res, u.status, u.body ?? '', u.status === 202 ? { location: `https://${LOGIN}/v2/hello/blobs/uploads/abc?_state=secretstate` } : {});
      }
      if (url.pathname === '/v2/hello/blobs/uploads/abc' && req.method === 'DELETE') return send(res, 204, '');
      return send(res, 404, { errors: [{ code: 'NOT_FOUND' }] });
    };
  }

  function env(): DiagnoseEnvironment {
    return {
      proxy: { httpsProxy: w.proxyUrl }, resolve: { [LOGIN]: '127.0.0.1' }, dockerConfigDir: dir,
      dockerHost: `unix://${join(dir, 'no-docker.sock')}`, searchPath: '/nonexistent', extraCaPem: [w.pki.caPem],
      credentials: { kind: 'admin', username: 'contoso', password: 'Pw-admin-123456' }, now: () => new Date(),
    };
  }

  async function run(image: string, op?: 'push'): Promise<DiagnosisReport> {
    return diagnose(`${LOGIN}/${image}`, withTarget(env(), { operation: op, identity: { kind: 'admin' } }), { only: ['image.manifest', 'image.platform', 'image.push'], budgetMs: 10_000 });
  }
  const f = (r: DiagnosisReport, id: string): Finding => r.findings.find((x) => x.checkId === id)!;

  it('MANIFEST_UNKNOWN with tags: the nearest tags; NAME_UNKNOWN on the tag list: the repository is missing', async () => {
    serve({ actions: ['pull'], manifest: () => ({ status: 404, body: { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] } }), tags: { status: 200, body: { name: 'hello', tags: ['v1', 'v10', 'latest-rc'] } } });
    const tag = f(await run('hello:v2'), 'image.manifest');
    assert.equal(tag.causeId, 'image.tag-not-found');
    assert.deepEqual(tag.evidence.nearestTags, ['v1', 'v10', 'latest-rc']);
    serve({ actions: ['pull'], manifest: () => ({ status: 404, body: { errors: [{ code: 'MANIFEST_UNKNOWN' }] } }), tags: { status: 404, body: { errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }] } } });
    assert.equal(f(await run('hello:v2'), 'image.manifest').causeId, 'image.repository-not-found');
  });

  it('a manifest the identity may not read is left to the rights checks; garbage from the registry does not crash', async () => {
    serve({ actions: [], manifest: () => ({ status: 401, body: { errors: [{ code: 'UNAUTHORIZED' }] } }) });
    const denied = f(await run('hello:v1'), 'image.manifest');
    assert.equal(denied.status, 'info');
    assert.equal(denied.causeId, undefined);
    serve({ actions: ['pull'], manifest: () => ({ status: 200, body: '<html>not json', type: 'text/html' }) });
    const junk = await run('hello:v1');
    assert.equal(f(junk, 'image.manifest').status, 'pass');
    assert.equal(f(junk, 'image.platform').status, 'pass', 'no index: a single-platform image');
  });

  it('an index without the daemon\'s platform is judged only when the daemon answers (here it does not)', async () => {
    serve({ actions: ['pull'], manifest: () => ({ status: 200, type: 'application/vnd.oci.image.index.v1+json', body: { mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ digest: D('a'), platform: { os: 'linux', architecture: 'arm64' } }] } }) });
    const p = f(await run('hello:v1'), 'image.platform');
    assert.equal(p.status, 'info');
    assert.equal(p.evidence.platforms, 'linux/arm64');
  });

  it('push: a lock, a refused upload, an accepted upload that is cancelled and sends no byte', async () => {
    serve({ actions: ['pull', 'push'], attributes: { changeableAttributes: { writeEnabled: false, deleteEnabled: true } } });
    assert.equal(f(await run('hello:v1', 'push'), 'image.push').causeId, 'image.locked');
    serve({ actions: ['pull', 'push'], upload: { status: 405, body: { errors: [{ code: 'DENIED', message: 'The operation is disallowed on this registry, repository or image.' }] } } });
    assert.equal(f(await run('hello:v1', 'push'), 'image.push').causeId, 'image.locked');
    serve({ actions: ['pull', 'push'], upload: { status: 403, body: { errors: [{ code: 'DENIED', message: 'storage quota exceeded' }] } } });
    const refused = f(await run('hello:v1', 'push'), 'image.push');
    assert.equal(refused.causeId, 'image.upload-refused');
    assert.match(refused.message, /storage quota exceeded/);
    serve({ actions: ['pull', 'push'] });
    const ok = await run('hello:v1', 'push');
    const p = f(ok, 'image.push');
    assert.equal(p.status, 'pass');
    assert.equal(p.evidence.cancel, 'DELETE → 204');
    assert.ok(!JSON.stringify(p).includes('secretstate'), 'the upload URL\'s state is not shown');
    const writes = w.seen.filter((s) => s.method === 'PUT' || s.method === 'PATCH' || (s.method === 'POST' && s.body.length));
    assert.deepEqual(writes, [], 'no blob data or manifest was sent');
    serve({ actions: ['pull'] });
    w.seen.length = 0;
    const pullOnly = f(await run('hello:v1', 'push'), 'image.push');
    assert.equal(pullOnly.status, 'info', 'a token without push is the rights checks\' to explain');
    assert.ok(!w.seen.some((s) => s.path.includes('/blobs/uploads')), 'no upload was tried without push');
  });
});
