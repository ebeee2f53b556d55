// Listing repositories and tags against a local HTTPS registry stand-in (through a CONNECT proxy
// that routes contoso.azurecr.io to it): the token flow, paging through Link, the bounds, and
// garbage answered as a clear error.
import * as assert from 'node:assert/strict';
import { CatalogError, listRepositories, listTags, nextCursor } from '../../../src/core/acr/catalog';
import type { AcrNet } from '../../../src/core/acr/token-flow';
import { LOGIN, requestCarries, startHostileWorld, type HostileWorld } from '../security/loopback-acr';

const PASSWORD = 'catalog-test-password-1';
const ACCESS = 'access-token-for-the-catalog';
const REPOS = Array.from({ length: 250 }, (_, i) => `team/app-${String(i).padStart(3, '0')}`);

describe('acr catalog: repositories and tags', function () {
  this.timeout(30_000);
  let w: HostileWorld;
  let scopes: string[];
  /** What /v2/_catalog and tags/list answer; the default pages REPOS and three tags. */
  let listing: (path: string, q: URLSearchParams) => { status: number; headers?: Record<string, string>; body: string } | undefined;

  const net = (): AcrNet => ({ loginServer: LOGIN, proxy: { httpsProxy: w.proxyUrl }, resolve: { [LOGIN]: '127.0.0.1' }, extraCaPem: [w.pki.caPem], timeoutMs: 5000 });
  const auth = { kind: 'password' as const, username: 'contoso', password: PASSWORD };

  before(async () => { w = await startHostileWorld(); });
  after(async () => { await w.close(); });
  beforeEach(() => {
    scopes = [];
    listing = () => undefined;
    w.seen.length = 0;
    w.handler = (req, body, res) => {
      const url = new URL(req.url ?? '/', `https://${LOGIN}`);
      if (url.pathname === '/v2/') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="https://${LOGIN}/oauth2/token",service="${LOGIN}"` });
        res.end();
        return;
      }
      if (url.pathname === '/oauth2/exchange') { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ refresh_token: 'refresh-x' })); return; }
      if (url.pathname === '/oauth2/token') {
        scopes.push(url.searchParams.get('scope') ?? new URLSearchParams(body).get('scope') ?? '');
        const basic = Buffer.from(String(req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
        if (req.method === 'GET' && basic !== `contoso:${PASSWORD}`) { res.writeHead(401, { 'content-type': 'application/json' }); res.end('{"errors":[{"code":"UNAUTHORIZED","message":"wrong password"}]}'); return; }
        res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ access_token: ACCESS }));
        return;
      }
      if (req.headers.authorization !== `Bearer ${ACCESS}`) { res.writeHead(401); res.end(); return; }
      const custom = listing(url.pathname, url.searchParams);
      if (custom) { res.writeHead(custom.status, { 'content-type': 'application/json', ...custom.headers }); res.end(custom.body); return; }
      const n = Number(url.searchParams.get('n') ?? 100);
      const last = url.searchParams.get('last');
      if (url.pathname === '/v2/_catalog') {
        const start = last ? REPOS.indexOf(last) + 1 : 0;
        const page = REPOS.slice(start, start + n);
        const more = start + n < REPOS.length;
        res.writeHead(200, { 'content-type': 'application/json', ...(more ? { link: `</v2/_catalog?last=${encodeURIComponent(page.at(-1)!)}&n=${n}>; rel="next"` } : {}) });
        res.end(JSON.stringify({ repositories: page }));
        return;
      }
      if (url.pathname === '/v2/hello/tags/list') { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ name: 'hello', tags: ['v1', 'v2', 'latest'] })); return; }
      res.writeHead(404, { 'content-type': 'application/json' }); res.end('{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}');
    };
  });

  it('lists one page and hands back the cursor of the next', async () => {
    const page = await listRepositories(net(), auth, { pageSize: 100 });
    assert.deepEqual(page.items, REPOS.slice(0, 100));
    assert.equal(page.next, REPOS[99]);
    assert.deepEqual(scopes, ['registry:catalog:*']);
    const second = await listRepositories(net(), auth, { pageSize: 100, after: page.next });
    assert.deepEqual(second.items, REPOS.slice(100, 200));
  });

  it('follows the Link header up to maxPages, with one token for every page', async () => {
    const all = await listRepositories(net(), auth, { pageSize: 100, maxPages: 5 });
    assert.deepEqual(all.items, REPOS);
    assert.equal(all.next, undefined);
    assert.equal(scopes.length, 1, 'one token request');
    const bounded = await listRepositories(net(), auth, { pageSize: 50, maxPages: 2 });
    assert.equal(bounded.items.length, 100);
    assert.equal(bounded.next, REPOS[99]);
  });

  it('lists a repository\'s tags with a pull scope for it; never sends the password past the token service', async () => {
    const tags = await listTags(net(), auth, 'hello');
    assert.deepEqual(tags.items, ['v1', 'v2', 'latest']);
    assert.deepEqual(scopes, ['repository:hello:pull']);
    for (const s of w.seen.filter((x) => !x.path.startsWith('/oauth2/'))) assert.ok(!requestCarries(s, PASSWORD), `${s.path} carried the password`);
  });

  it('signs in with an Entra token through the exchange', async () => {
    const page = await listTags(net(), { kind: 'aad', aadToken: 'aad-token' }, 'hello');
    assert.deepEqual(page.items, ['v1', 'v2', 'latest']);
    assert.ok(w.seen.some((s) => s.path === '/oauth2/exchange'));
  });

  it("lists with docker's identity token (a refresh token) straight, without an exchange", async () => {
    const page = await listTags(net(), { kind: 'refresh', refreshToken: 'refresh-from-docker' }, 'hello');
    assert.deepEqual(page.items, ['v1', 'v2', 'latest']);
    assert.ok(!w.seen.some((s) => s.path === '/oauth2/exchange'), 'no exchange for a refresh token');
    const token = w.seen.find((s) => s.path.startsWith('/oauth2/token'));
    assert.ok(token && requestCarries(token, 'refresh-from-docker'), 'the refresh token went to the token service');
  });

  it('says the sign-in was refused for a wrong password', async () => {
    await assert.rejects(listRepositories(net(), { ...auth, password: 'nope-nope' }), (e: unknown) =>
      e instanceof CatalogError && e.kind === 'unauthorized' && /wrong password/.test(e.message));
  });

  it('says the identity may not list on 403, and names a missing repository on 404', async () => {
    listing = (p) => (p === '/v2/_catalog' ? { status: 403, body: '{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}' } : undefined);
    await assert.rejects(listRepositories(net(), auth), (e: unknown) => e instanceof CatalogError && e.kind === 'denied' && /DENIED/.test(e.message));
    await assert.rejects(listTags(net(), auth, 'nothing-here'), (e: unknown) => e instanceof CatalogError && e.kind === 'not-found');
    // distribution's answer to a token without the catalog's actions
    listing = (p) => (p === '/v2/_catalog' ? { status: 401, headers: { 'www-authenticate': `Bearer realm="https://${LOGIN}/oauth2/token",service="${LOGIN}",scope="registry:catalog:*",error="insufficient_scope"` }, body: '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}' } : undefined);
    await assert.rejects(listRepositories(net(), auth), (e: unknown) => e instanceof CatalogError && e.kind === 'denied' && /insufficient_scope/.test(e.message));
  });

  it('turns garbage into a clear error: HTML, a wrong shape, a huge body', async () => {
    listing = () => ({ status: 200, body: '<html>proxy login</html>' });
    await assert.rejects(listRepositories(net(), auth), (e: unknown) => e instanceof CatalogError && e.kind === 'garbage' && /not JSON/.test(e.message));
    listing = () => ({ status: 200, body: JSON.stringify({ repositories: 'app' }) });
    await assert.rejects(listRepositories(net(), auth), (e: unknown) => e instanceof CatalogError && e.kind === 'garbage' && /no list of repositories/.test(e.message));
    listing = () => ({ status: 200, body: JSON.stringify({ repositories: ['x'.repeat(100)], pad: 'y'.repeat(1_100_000) }) });
    await assert.rejects(listRepositories(net(), auth), (e: unknown) => e instanceof CatalogError && e.kind === 'garbage' && /larger than/.test(e.message));
  });

  it('leaves out names that are not repository names, and stops on a link that does not advance', async () => {
    listing = (p) => (p === '/v2/_catalog' ? { status: 200, headers: { link: '</v2/_catalog?last=&n=100>; rel="next"' }, body: JSON.stringify({ repositories: ['ok', 'Not/Valid', '../etc', 'team/ok'] }) } : undefined);
    const page = await listRepositories(net(), auth, { maxPages: 10 });
    assert.deepEqual(page.items, ['ok', 'team/ok']);
    assert.equal(page.skipped, 2);
    assert.equal(page.next, undefined);
  });

  it('treats tags: null as no tags', async () => {
    listing = (p) => (p.endsWith('/tags/list') ? { status: 200, body: JSON.stringify({ name: 'empty', tags: null }) } : undefined);
    assert.deepEqual((await listTags(net(), auth, 'empty')).items, []);
  });

  it('refuses a repository name that is not one before asking anything', async () => {
    await assert.rejects(listTags(net(), auth, '../../v2/_catalog'), /not a repository name/);
    assert.equal(w.seen.length, 0);
  });

  it('follows only a next link to the same listing', () => {
    assert.equal(nextCursor('</v2/_catalog?last=b&n=2>; rel="next"', '/v2/_catalog'), 'b');
    assert.equal(nextCursor('<https://evil.test/v2/_catalog?last=b>; rel="next"', '/v2/_catalog'), 'b', 'the host is not used: only the cursor');
    assert.equal(nextCursor('</v2/other?last=b>; rel="next"', '/v2/_catalog'), undefined);
    assert.equal(nextCursor('</v2/_catalog?last=b>; rel="prev"', '/v2/_catalog'), undefined);
    assert.equal(nextCursor('garbage', '/v2/_catalog'), undefined);
    assert.equal(nextCursor(undefined, '/v2/_catalog'), undefined);
  });
});
