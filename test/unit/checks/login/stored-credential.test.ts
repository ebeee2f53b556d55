// login.docker.stored-credential and login.credentials.anonymous against a fake token service on
// loopback: the credential docker would send is tried the way the daemon tries it, and a refused
// one is told apart (stale, expired, blocking an anonymous pull).
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedCredentialCheck, type StoredCredentialData } from '../../../../src/core/checks/login/stored-credential';
import { anonymousCheck } from '../../../../src/core/checks/login/anonymous-check';
import { LOGIN } from '../../../../src/core/checks/login/check-ids';
import { parseDockerConfig } from '../../../../src/core/docker/config';
import { EXPOSED_TOKEN_USER } from '../../../../src/core/acr/token-flow';
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import { testContext, TEST_NOW } from '../../../support/check-context';
import { jwt, startFakeAcr, type FakeAcr } from './fake-acr';
import { renderMessage } from '../../../../src/core/text/message';

const HOST = 'contoso.azurecr.io';
const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
/** A docker config whose auths entry for the login server holds `auth` (or an identity token). */
const configWith = (entry: Record<string, string>, extra: Record<string, unknown> = {}) =>
  parseDockerConfig(JSON.stringify({ auths: { [HOST]: entry }, ...extra }), '/cfg');

describe('login.docker.stored-credential and login.credentials.anonymous (fake token service)', function () {
  this.timeout(20000);
  let acr: FakeAcr;
  before(async () => { acr = await startFakeAcr(); });
  after(() => acr.close());
  beforeEach(() => acr.reset());

  const run = (cfg: ReturnType<typeof parseDockerConfig>, env: Partial<DiagnoseEnvironment> = {}, data: Record<string, unknown> = {}) =>
    storedCredentialCheck.run(testContext({ env: { ...acr.env, repository: 'hello', operation: 'pull', ...env }, data: { [LOGIN.dockerConfig]: cfg, ...data }, signal: AbortSignal.timeout(15000) }));

  it('passes with no stored credential, without asking the registry', async () => {
    const out = await run(parseDockerConfig('{}', '/cfg'));
    assert.equal(out.status, 'pass');
    assert.deepEqual(out.data, { source: 'none' });
    assert.equal(acr.world.seen.length, 0);
  });

  it('passes when the registry accepts the stored user and password, and hands on what it grants', async () => {
    acr.rules.users = { ci: 's3cret' };
    acr.rules.grants = ['pull', 'push'];
    const out = await run(configWith({ auth: basic('ci', 's3cret') }));
    assert.equal(out.status, 'pass', renderMessage(out.message));
    const data = out.data as StoredCredentialData;
    assert.equal(data.works, true);
    assert.deepEqual(data.access, [{ type: 'repository', name: 'hello', actions: ['pull', 'push'] }]);
    assert.equal(out.evidence?.username, 'ci');
    assert.ok(!JSON.stringify(out.evidence).includes('s3cret'), 'the secret is never evidence');
  });

  it('fails with credentials.stale-docker-credential when the registry refuses the stored password', async () => {
    acr.rules.users = { ci: 'new-password' };
    const out = await run(configWith({ auth: basic('ci', 'old-password') }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'credentials.stale-docker-credential');
    assert.equal(out.evidence?.status, 401);
    assert.equal((out.data as StoredCredentialData).works, false);
  });

  it('fails with credentials.stale-docker-credential for a refused az acr login token that has not expired', async () => {
    const token = jwt({ exp: Math.floor(TEST_NOW.getTime() / 1000) + 3600 });
    const out = await run(configWith({ auth: basic(EXPOSED_TOKEN_USER, token) }));
    assert.equal(out.causeId, 'credentials.stale-docker-credential');
    assert.equal(out.evidence?.expires, '2026-11-25T13:00:00Z');
  });

  it('fails with expiry.aad-token-expired when the refused stored token is past its exp', async () => {
    const token = jwt({ exp: Math.floor(TEST_NOW.getTime() / 1000) - 600 });
    const out = await run(configWith({ auth: basic(EXPOSED_TOKEN_USER, token) }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'expiry.aad-token-expired');
    assert.equal(out.fixParams?.expiredAt, '2026-11-25T11:50:00Z');
  });

  it('fails with credentials.anonymous-pull-blocked when a refused credential stands in front of an anonymous pull', async () => {
    acr.rules.anonymousPull = true;
    const out = await run(configWith({ auth: basic('ci', 'old-password') }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'credentials.anonymous-pull-blocked');
    assert.equal(out.evidence?.anonymousPull, true);
  });

  it('names podman, not docker, when podman is the client in use', async () => {
    const none = await run(parseDockerConfig('{}', '/cfg'), { client: 'podman' });
    assert.equal(renderMessage(none.message), 'podman has no stored credential for contoso.azurecr.io.');
    acr.rules.users = { ci: 's3cret' };
    const ok = await run(configWith({ auth: basic('ci', 's3cret') }), { client: 'podman' });
    assert.equal(renderMessage(ok.message), 'The credential podman stored for contoso.azurecr.io (ci) is accepted by the registry.');
    acr.rules.anonymousPull = true;
    const blocked = await run(configWith({ auth: basic('ci', 'old-password') }), { client: 'podman' });
    assert.equal(blocked.causeId, 'credentials.anonymous-pull-blocked');
    assert.match(renderMessage(blocked.message), /but podman sends the stored credential \(ci\) from \/cfg\/config\.json.*; podman logout contoso\.azurecr\.io lets the anonymous pull through\.$/);
    assert.doesNotMatch(renderMessage(blocked.message), /docker/);
    assert.deepEqual(blocked.fixParams, { loginServer: HOST, clientPodman: 'podman', clientTokenLogin: 'podman' }, 'the fixes offered are podman\'s');
    const podmanCfg = { ...parseDockerConfig(JSON.stringify({ auths: { [HOST]: { auth: basic('ci', 'old-password') } } }), '/home/u/.config/containers', '/home/u/.config/containers/auth.json'), owner: 'podman' as const };
    const stale = await run(podmanCfg, { client: 'podman' });
    assert.equal(stale.causeId, 'credentials.anonymous-pull-blocked');
    assert.equal(stale.fixParams?.podmanAuthFile, '/home/u/.config/containers/auth.json', 'the file holding the login is the one logged out of');
  });

  it('names nerdctl for containerd, and keeps docker\'s wording for docker', async () => {
    const token = jwt({ exp: Math.floor(TEST_NOW.getTime() / 1000) - 600 });
    const expired = await run(configWith({ auth: basic(EXPOSED_TOKEN_USER, token) }), { client: 'containerd' });
    assert.equal(expired.causeId, 'expiry.aad-token-expired');
    assert.match(renderMessage(expired.message), /^The token nerdctl stored for contoso\.azurecr\.io expired at 2026-11-25T11:50:00Z/);
    acr.rules.users = { ci: 'new-password' };
    const stale = await run(configWith({ auth: basic('ci', 'old-password') }), { client: 'docker' });
    assert.match(renderMessage(stale.message), /^The credential docker stored for contoso\.azurecr\.io \(user ci, in \/cfg\/config\.json\) is refused by the registry .*; docker uses it for every push and pull\.$/);
    assert.deepEqual(stale.fixParams, { loginServer: HOST, clientDocker: 'docker' });
    const nerd = await run(configWith({ auth: basic('ci', 'old-password') }), { client: 'containerd' });
    assert.deepEqual(nerd.fixParams, { loginServer: HOST, clientNerdctl: 'nerdctl', clientTokenLogin: 'nerdctl' });
  });

  it('warns without a cause when the token service itself fails (500), and when the registry is not reached', async () => {
    acr.rules.tokenStatus = 500;
    const broken = await run(configWith({ auth: basic('ci', 'x') }));
    assert.equal(broken.status, 'warn');
    assert.equal(broken.causeId, undefined);
    const unreached = await run(configWith({ auth: basic('ci', 'x') }), { proxy: {}, resolve: { [HOST]: '127.0.0.1' } });
    assert.equal(unreached.status, 'warn');
    assert.equal(unreached.causeId, undefined);
  });

  it('fails with client.credential-helper-missing when the configured credential helper is not installed', async () => {
    const out = await run(configWith({}, { credHelpers: { [HOST]: 'acr-doctor-missing' } }), { searchPath: '/nonexistent' });
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'client.credential-helper-missing');
    assert.equal(out.evidence?.helper, 'acr-doctor-missing');
  });

  it('passes when the credential helper holds nothing for the registry', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'acrdoc-helper-'));
    try {
      writeFileSync(join(dir, 'docker-credential-fake'), '#!/bin/sh\necho "credentials not found in native keychain"\nexit 1\n');
      chmodSync(join(dir, 'docker-credential-fake'), 0o755);
      const out = await run(configWith({}, { credHelpers: { [HOST]: 'fake' } }), { searchPath: dir });
      assert.equal(out.status, 'pass', renderMessage(out.message));
      assert.deepEqual(out.data, { source: 'helper' });
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  describe('login.credentials.anonymous', () => {
    const anon = (env: Partial<DiagnoseEnvironment>, data: Record<string, unknown> = {}) =>
      anonymousCheck.run(testContext({ env: { ...acr.env, ...env }, data, signal: AbortSignal.timeout(15000) }));

    it('applies only without an Azure sign-in or given credentials', () => {
      const env = { proxy: {}, dockerConfigDir: '/x', now: () => TEST_NOW };
      assert.equal(anonymousCheck.applies?.(testContext().target, env), true);
      assert.equal(anonymousCheck.applies?.(testContext().target, { ...env, credentials: { kind: 'basic', username: 'u', password: 'p' } }), false);
    });

    it('passes when docker\'s stored credential works, without asking', async () => {
      const out = await anon({ repository: 'hello' }, { [LOGIN.storedCredential]: { source: 'file', works: true } });
      assert.equal(out.status, 'pass');
      assert.equal(acr.world.seen.length, 0);
    });

    it('names the client in use: podman\'s working login, no podman login at all', async () => {
      const works = await anon({ repository: 'hello', client: 'podman' }, { [LOGIN.storedCredential]: { source: 'file', works: true } });
      assert.equal(renderMessage(works.message), 'podman has a working stored credential; no anonymous pull needed.');
      const none = await anon({ repository: 'hello', operation: 'pull', client: 'podman' });
      assert.equal(none.causeId, 'credentials.anonymous-pull-disabled');
      assert.equal(renderMessage(none.message), 'No credential is available (no podman login, no Azure sign-in) and contoso.azurecr.io does not allow anonymous pull: podman says "unauthorized: authentication required". Log in first.');
    });

    it('is info without a repository to ask about', async () => {
      const out = await anon({});
      assert.equal(out.status, 'info');
      assert.equal(out.causeId, undefined);
    });

    it('passes when the registry gives an anonymous pull token for the repository', async () => {
      acr.rules.anonymousPull = true;
      const out = await anon({ repository: 'hello', operation: 'pull' });
      assert.equal(out.status, 'pass');
      assert.deepEqual(out.evidence, { anonymousPull: true });
    });

    it('fails with credentials.anonymous-pull-disabled for a pull, and is info for a login', async () => {
      const pull = await anon({ repository: 'hello', operation: 'pull' });
      assert.equal(pull.status, 'fail');
      assert.equal(pull.causeId, 'credentials.anonymous-pull-disabled');
      const login = await anon({ repository: 'hello', operation: 'login' });
      assert.equal(login.status, 'info');
      assert.equal(login.causeId, 'credentials.anonymous-pull-disabled');
    });

    it('warns when the registry cannot be reached to ask', async () => {
      const out = await anon({ repository: 'hello', proxy: {}, resolve: { [HOST]: '127.0.0.1' } });
      assert.equal(out.status, 'warn');
      assert.equal(out.causeId, undefined);
    });
  });
});
