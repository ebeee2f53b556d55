// Login, credential, authorization and expiry scenarios, each seen by plain docker/curl.
import { strict as assert } from 'node:assert';
import type { SandboxWorld } from '../../../sandbox/world';
import { DEFAULT_IDS, effectiveRegistryActions } from '../../../sandbox/arm/state';
import { docker, dockerLogin } from './run';
import { aadToken, basicToken, exchange, grantedActions, http, refreshGrant } from './acr-client';
import { getSeededWorld } from './shared-world';

const UNAUTHORIZED = 'unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.';
const IMAGE = 'contoso.azurecr.io/hello:v1';

describe('sandbox login scenarios (integration)', function () {
  this.timeout(120000);
  let w: SandboxWorld;
  before(async () => { w = await getSeededWorld(); });
  beforeEach(async () => { if (w) await docker(w.clientEnv(), ['rmi', '-f', IMAGE]); });

  const login = (user: string, password: string) => dockerLogin(w.clientEnv(), w.loginServer, user, password, 30000);
  const pull = () => docker(w.clientEnv(), ['pull', IMAGE], 30000);

  describe('registry name', () => {
    it('name-upper-case: login to Contoso.azurecr.io succeeds, but the credential is stored under that key and a lower-case pull is unauthorized', async () => {
      const info = await w.apply('name-upper-case');
      assert.equal(info.input, 'Contoso.azurecr.io');
      const l = await dockerLogin(w.clientEnv(), info.input!, w.azure.clientId, w.azure.clientSecret);
      assert.match(l.out, /Login Succeeded/, l.out);
      const r = await pull();
      assert.ok(r.out.includes(`Head "https://contoso.azurecr.io/v2/hello/manifests/v1": ${UNAUTHORIZED}`), r.out);
      const bad = await docker(w.clientEnv(), ['pull', 'contoso.azurecr.io/Hello:v1']);
      assert.match(bad.out, /invalid reference format: repository name must be lowercase/);
    });

    for (const [name, host] of [['name-missing-suffix', 'contoso'], ['name-wrong-cloud-suffix', 'contoso.azurecr.cn'], ['name-registry-not-found', 'contosoo.azurecr.io']] as const) {
      it(`${name}: docker login ${host} fails to resolve the name`, async () => {
        const info = await w.apply(name);
        assert.equal(info.input, host);
        const r = await dockerLogin(w.clientEnv(), host, w.azure.clientId, w.azure.clientSecret);
        assert.notEqual(r.code, 0);
        assert.match(r.out, new RegExp(`lookup ${host.replace(/\./g, '\\.')} on 127\\.0\\.0\\.1:53`));
      });
    }
  });

  describe('credentials', () => {
    it('wrong-password: docker login with the admin user and a wrong password is unauthorized; the right one works', async () => {
      const info = await w.apply('wrong-password');
      const r = await login(info.credentials!.username, info.credentials!.password);
      assert.equal(r.code, 1);
      assert.ok(r.out.includes(`Get "https://contoso.azurecr.io/v2/": ${UNAUTHORIZED}`), r.out);
      const ok = await login('contoso', w.state.registries.find((x) => x.arm.name === 'contoso')!.adminPasswords.password);
      assert.match(ok.out, /Login Succeeded/);
    });

    it('admin-disabled: the admin user\'s real password is refused while the admin user is disabled', async () => {
      const info = await w.apply('admin-disabled');
      assert.equal(w.state.registries[0]!.arm.properties.adminUserEnabled, false);
      const r = await login(info.credentials!.username, info.credentials!.password);
      assert.ok(r.out.includes(UNAUTHORIZED), r.out);
    });

    it('sp-wrong-secret: docker login with the app id and a wrong secret is unauthorized; Entra refuses it too', async () => {
      const info = await w.apply('sp-wrong-secret');
      assert.equal(info.credentials!.username, w.azure.clientId);
      const r = await login(info.credentials!.username, info.credentials!.password);
      assert.ok(r.out.includes(UNAUTHORIZED), r.out);
      const t = await aadToken(w, 'https://management.azure.com', info.credentials!.password);
      assert.equal(t.status, 401, t.body);
      assert.match(t.body, /AADSTS7000215/);
    });

    it('exposed-token-username: the ACR token is refused with a username other than 00000000-…, accepted with it', async () => {
      const info = await w.apply('exposed-token-username');
      const bad = await login(info.credentials!.username, info.credentials!.password);
      assert.ok(bad.out.includes(UNAUTHORIZED), bad.out);
      const good = await login('00000000-0000-0000-0000-000000000000', info.credentials!.password);
      assert.match(good.out, /Login Succeeded/, good.out);
    });

    it('stale-credential-anonymous-pull: the stored credential breaks an anonymous pull; docker logout fixes it', async () => {
      await w.apply('stale-credential-anonymous-pull');
      const r = await pull();
      assert.notEqual(r.code, 0);
      assert.ok(r.out.includes(UNAUTHORIZED), r.out);
      await docker(w.clientEnv(), ['logout', w.loginServer]);
      const ok = await pull();
      assert.equal(ok.code, 0, ok.out);
    });

    it('anonymous-pull-disabled: a logged-out pull is unauthorized', async () => {
      await w.apply('anonymous-pull-disabled');
      const r = await pull();
      assert.ok(r.out.includes(`Head "https://contoso.azurecr.io/v2/hello/manifests/v1": ${UNAUTHORIZED}`), r.out);
    });

    it('aad-exchange-failed: POST /oauth2/exchange answers 500 for a valid Entra token', async () => {
      await w.apply('aad-exchange-failed');
      const aad = await aadToken(w, 'https://management.azure.com');
      assert.equal(aad.status, 200, aad.body);
      const r = await exchange(w, String(aad.json!.access_token));
      assert.equal(r.status, 500, r.body);
    });

    it('access-token-failed: the exchange works, POST /oauth2/token answers 500', async () => {
      await w.apply('access-token-failed');
      const aad = await aadToken(w, 'https://management.azure.com');
      const ex = await exchange(w, String(aad.json!.access_token));
      assert.equal(ex.status, 200, ex.body);
      assert.ok(ex.json!.refresh_token);
      const t = await refreshGrant(w, String(ex.json!.refresh_token), 'registry:catalog:*');
      assert.equal(t.status, 500, t.body);
    });

    it('aad-audience-policy-disabled: an ARM-audience Entra token is refused by the exchange, an ACR-audience one works', async () => {
      await w.apply('aad-audience-policy-disabled');
      const arm = await aadToken(w, 'https://management.azure.com');
      const r = await exchange(w, String(arm.json!.access_token));
      assert.equal(r.status, 401, r.body);
      assert.match(r.body, /azureADAuthenticationAsArmPolicy/);
      const acr = await aadToken(w, 'https://containerregistry.azure.net');
      const ok = await exchange(w, String(acr.json!.access_token));
      assert.equal(ok.status, 200, ok.body);
    });

    it('healthy: the exchange flow gives a refresh token whose access token carries pull,push', async () => {
      await w.apply('healthy');
      const aad = await aadToken(w, 'https://management.azure.com');
      const ex = await exchange(w, String(aad.json!.access_token));
      assert.equal(ex.status, 200, ex.body);
      const t = await refreshGrant(w, String(ex.json!.refresh_token), 'repository:hello:pull,push');
      assert.deepEqual(grantedActions(t.json!.access_token, 'hello'), ['pull', 'push']);
      assert.ok(w.secrets().includes(String(ex.json!.refresh_token)), 'issued tokens are listed in secrets()');
    });
  });

  describe('authorization', () => {
    const spLogin = () => login(w.azure.clientId, w.azure.clientSecret);
    const DENIED_PULL = /pull access denied for contoso\.azurecr\.io\/hello, repository does not exist or may require 'docker login': denied: requested access to the resource is denied/;

    for (const name of ['missing-acrpull', 'abac-mode', 'role-propagation']) {
      it(`${name}: login works, pull is denied, the token's access claim is empty`, async () => {
        await w.apply(name);
        const l = await spLogin();
        assert.match(l.out, /Login Succeeded/, l.out);
        const r = await pull();
        assert.match(r.out, DENIED_PULL);
        const t = await basicToken(w, w.azure.clientId, w.azure.clientSecret, 'repository:hello:pull');
        assert.deepEqual(grantedActions(t.json!.access_token, 'hello'), []);
      });
    }

    it('role-propagation: the assignment is pending, not effective', async () => {
      await w.apply('role-propagation');
      const e = effectiveRegistryActions(w.state, w.azure.principalId, w.state.registries[0]!);
      assert.deepEqual(e.actions, []);
      assert.deepEqual(e.pending.sort(), ['pull', 'push']);
    });

    it('missing-acrpush: pull works, push is denied', async () => {
      await w.apply('missing-acrpush');
      await spLogin();
      const p = await pull();
      assert.equal(p.code, 0, p.out);
      const r = await docker(w.clientEnv(), ['push', IMAGE]);
      assert.match(r.out, /denied: requested access to the resource is denied/);
    });

    it('repo-token-scope: the repository token pulls hello but may not push', async () => {
      const info = await w.apply('repo-token-scope');
      const l = await login(info.credentials!.username, info.credentials!.password);
      assert.match(l.out, /Login Succeeded/, l.out);
      assert.equal((await pull()).code, 0);
      const r = await docker(w.clientEnv(), ['push', IMAGE]);
      assert.match(r.out, /denied: requested access to the resource is denied/);
    });

    it('missing-reader: data plane works but ARM refuses to read the registry', async () => {
      await w.apply('missing-reader');
      await spLogin();
      assert.equal((await pull()).code, 0);
      const aad = await aadToken(w, 'https://management.azure.com');
      const r = await http(w, ['-H', `Authorization: Bearer ${aad.json!.access_token}`, `${w.azure.armEndpoint}${w.state.registries[0]!.arm.id}?api-version=2023-07-01`]);
      assert.equal(r.status, 403, r.body);
      assert.match(r.body, /AuthorizationFailed/);
    });

    it('aks-kubelet-missing-acrpull: the kubelet identity has no pull on the registry', async () => {
      await w.apply('healthy');
      assert.deepEqual(effectiveRegistryActions(w.state, DEFAULT_IDS.kubeletObjectId, w.state.registries[0]!).actions, ['pull']);
      await w.apply('aks-kubelet-missing-acrpull');
      assert.deepEqual(effectiveRegistryActions(w.state, DEFAULT_IDS.kubeletObjectId, w.state.registries[0]!).actions, []);
    });
  });

  describe('expiry', () => {
    it('aad-token-expired: docker\'s stored ACR refresh token is refused', async () => {
      await w.apply('aad-token-expired');
      const r = await pull();
      assert.notEqual(r.code, 0);
      assert.ok(r.out.includes(UNAUTHORIZED), r.out);
    });

    it('sp-secret-expired: Entra answers AADSTS7000222 and docker login is unauthorized', async () => {
      const info = await w.apply('sp-secret-expired');
      const t = await aadToken(w, 'https://management.azure.com');
      assert.equal(t.status, 401, t.body);
      assert.match(t.body, /AADSTS7000222/);
      const r = await login(info.credentials!.username, info.credentials!.password);
      assert.ok(r.out.includes(UNAUTHORIZED), r.out);
    });

    for (const name of ['repo-token-password-expired', 'repo-token-disabled']) {
      it(`${name}: docker login with the repository token is unauthorized`, async () => {
        const info = await w.apply(name);
        const r = await login(info.credentials!.username, info.credentials!.password);
        assert.ok(r.out.includes(UNAUTHORIZED), r.out);
      });
    }
  });
});
