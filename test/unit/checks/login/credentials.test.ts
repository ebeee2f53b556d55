// login.credentials.aad (the az acr login steps for the Entra sign-in) and
// login.credentials.explicit (given user name + password, by kind) against a fake token service
// on loopback and a fake Entra credential: each step's failure has its own cause.
import * as assert from 'node:assert/strict';
import type { TokenCredential } from '@azure/core-auth';
import { aadLoginCheck, ACR_AUDIENCE, type AadLoginData } from '../../../../src/core/checks/login/aad-login';
import { explicitLoginCheck, type ExplicitLoginData } from '../../../../src/core/checks/login/explicit-login';
import { LOGIN } from '../../../../src/core/checks/login/check-ids';
import type { RegistryFacts } from '../../../../src/core/checks/login/registry-facts';
import { EXPOSED_TOKEN_USER } from '../../../../src/core/acr/token-flow';
import type { DiagnoseEnvironment, ExplicitCredentials } from '../../../../src/core/engine/environment';
import { testContext, TEST_NOW } from '../../../support/check-context';
import { jwt, startFakeAcr, type FakeAcr } from './fake-acr';
import { renderMessage } from '../../../../src/core/text/message';

const ARM_TOKEN = jwt({ oid: '11111111-1111-1111-1111-111111111111', tid: 'tenant-1', aud: 'https://management.azure.com', exp: Math.floor(TEST_NOW.getTime() / 1000) + 3600 });
const ACR_TOKEN = jwt({ oid: '11111111-1111-1111-1111-111111111111', tid: 'tenant-1', aud: 'https://containerregistry.azure.net', exp: Math.floor(TEST_NOW.getTime() / 1000) + 3600 });

/** An Entra credential that gives ARM_TOKEN for ARM and ACR_TOKEN for the registry audience, or throws `error`. */
function entra(error?: string): TokenCredential {
  return {
    getToken: (scopes) => {
      if (error) return Promise.reject(new Error(error));
      return Promise.resolve({ token: String(scopes).includes(ACR_AUDIENCE) ? ACR_TOKEN : ARM_TOKEN, expiresOnTimestamp: TEST_NOW.getTime() + 3600_000 });
    },
  };
}

describe('login.credentials.aad and .explicit (fake token service, fake Entra)', function () {
  this.timeout(20000);
  let acr: FakeAcr;
  before(async () => { acr = await startFakeAcr(); });
  after(() => acr.close());
  beforeEach(() => acr.reset());

  describe('login.credentials.aad', () => {
    const run = (credential: TokenCredential, env: Partial<DiagnoseEnvironment> = {}) => aadLoginCheck.run(testContext({
      env: { ...acr.env, repository: 'hello', azure: { credential, armEndpoint: 'https://management.azure.com' }, ...env }, signal: AbortSignal.timeout(15000),
    }));

    it('passes through token → exchange → access token, handing on the grants and the principal', async () => {
      acr.rules.aadTokens = [ARM_TOKEN];
      acr.rules.grants = ['pull', 'push'];
      const out = await run(entra());
      assert.equal(out.status, 'pass', renderMessage(out.message));
      const data = out.data as AadLoginData;
      assert.equal(data.audience, 'arm');
      assert.equal(data.principalId, '11111111-1111-1111-1111-111111111111');
      assert.deepEqual(data.access, [{ type: 'repository', name: 'hello', actions: ['pull', 'push'] }]);
      assert.equal(out.evidence?.scope, 'repository:hello:pull,push');
    });

    it('fails with credentials.aad-audience-rejected when only a containerregistry.azure.net token is exchanged', async () => {
      acr.rules.aadTokens = [ACR_TOKEN];
      const out = await run(entra());
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'credentials.aad-audience-rejected');
      assert.equal((out.data as AadLoginData).audience, 'acr');
    });

    it('fails with credentials.aad-exchange-failed when the registry exchanges neither token', async () => {
      const out = await run(entra());
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'credentials.aad-exchange-failed');
      assert.equal(out.evidence?.step, 'exchange');
      assert.equal(out.evidence?.status, 401);
    });

    it('fails with credentials.access-token-failed when the exchange works and the access token is refused', async () => {
      acr.rules.aadTokens = [ARM_TOKEN];
      acr.rules.accessStatus = 403;
      const out = await run(entra());
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'credentials.access-token-failed');
      assert.equal(out.evidence?.step, 'token');
    });

    it('fails with network.throttled on 429 from the token service', async () => {
      acr.rules.tokenStatus = 429;
      const out = await run(entra());
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'network.throttled');
    });

    it('fails with the Entra error\'s cause when no token can be had (an expired sign-in, a wrong secret)', async () => {
      const expired = await run(entra('AADSTS700082: The refresh token has expired due to inactivity.'));
      assert.equal(expired.status, 'fail');
      assert.equal(expired.causeId, 'expiry.aad-token-expired');
      assert.equal(expired.evidence?.step, 'aad-token');
      const wrong = await run(entra('AADSTS7000215: Invalid client secret provided.'));
      assert.equal(wrong.causeId, 'credentials.service-principal-invalid');
      assert.equal(acr.world.seen.length, 0, 'nothing reached the registry');
    });

    it('warns with network.challenge-invalid when the challenge names a realm on another host', async () => {
      acr.rules.realmHost = 'evil.test';
      const out = await run(entra());
      assert.equal(out.status, 'warn');
      assert.equal(out.causeId, 'network.challenge-invalid');
    });
  });

  describe('login.credentials.explicit', () => {
    const REG_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
    const registry = (o: Partial<NonNullable<RegistryFacts['registry']>> = {}, tokens: RegistryFacts['tokens'] = []): RegistryFacts => ({
      registry: { id: REG_ID, name: 'contoso', resourceGroup: 'rg', subscriptionId: 's', loginServer: 'contoso.azurecr.io', ...o }, tokens, gaps: [],
    });
    const run = (credentials: ExplicitCredentials, facts?: RegistryFacts, env: Partial<DiagnoseEnvironment> = {}) => explicitLoginCheck.run(testContext({
      env: { ...acr.env, repository: 'hello', credentials, ...env }, data: facts ? { [LOGIN.registry]: facts } : {}, signal: AbortSignal.timeout(15000),
    }));

    it('passes when the registry accepts the user and password, and hands on the grants', async () => {
      acr.rules.users = { ci: 'pw' };
      const out = await run({ kind: 'basic', username: 'ci', password: 'pw' });
      assert.equal(out.status, 'pass', renderMessage(out.message));
      assert.deepEqual((out.data as ExplicitLoginData).access, [{ type: 'repository', name: 'hello', actions: ['pull'] }]);
    });

    it('fails with credentials.admin-user-disabled before sending anything when ARM says the admin user is off', async () => {
      const out = await run({ kind: 'basic', username: 'contoso', password: 'pw' }, registry({ adminUserEnabled: false }));
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'credentials.admin-user-disabled');
      assert.equal(acr.world.seen.length, 0);
    });

    it('fails with expiry.repository-token-disabled and expiry.repository-token-password from ARM\'s token facts', async () => {
      const disabled = await run({ kind: 'basic', username: 'ci-token', password: 'pw' }, registry({}, [{ name: 'ci-token', status: 'disabled', passwords: [] }]));
      assert.equal(disabled.causeId, 'expiry.repository-token-disabled');
      const expired = await run({ kind: 'repositoryToken', username: 'ci-token', password: 'pw' }, registry({}, [{ name: 'ci-token', status: 'enabled', passwords: [{ name: 'password1', expiry: new Date(TEST_NOW.getTime() - 1000) }] }]));
      assert.equal(expired.causeId, 'expiry.repository-token-password');
      assert.deepEqual(expired.fixParams, { tokenName: 'ci-token' });
    });

    it('fails with credentials.exposed-token-username for an exposed token under another user name, and expiry.aad-token-expired past its exp', async () => {
      const token = jwt({ sub: '22222222-2222-2222-2222-222222222222', exp: Math.floor(TEST_NOW.getTime() / 1000) - 60 });
      const wrongUser = await run({ kind: 'exposedToken', username: 'me', password: token });
      assert.equal(wrongUser.causeId, 'credentials.exposed-token-username');
      const expired = await run({ kind: 'exposedToken', username: EXPOSED_TOKEN_USER, password: token });
      assert.equal(expired.causeId, 'expiry.aad-token-expired');
    });

    it('fails with credentials.invalid when the registry refuses the password', async () => {
      acr.rules.users = { ci: 'right' };
      const out = await run({ kind: 'basic', username: 'ci', password: 'wrong' });
      assert.equal(out.status, 'fail');
      assert.equal(out.causeId, 'credentials.invalid');
      assert.equal(out.evidence?.status, 401);
    });

    it('fails with credentials.service-principal-invalid for a refused service principal (no tenant to ask Entra)', async () => {
      const out = await run({ kind: 'servicePrincipal', username: '33333333-3333-3333-3333-333333333333', password: 'wrong' });
      assert.equal(out.causeId, 'credentials.service-principal-invalid');
      assert.deepEqual(out.fixParams, { clientId: '33333333-3333-3333-3333-333333333333' });
    });

    it('fails with network.throttled on 429 and credentials.access-token-failed on another error', async () => {
      acr.rules.tokenStatus = 429;
      assert.equal((await run({ kind: 'basic', username: 'ci', password: 'pw' })).causeId, 'network.throttled');
      acr.rules.tokenStatus = 502;
      assert.equal((await run({ kind: 'basic', username: 'ci', password: 'pw' })).causeId, 'credentials.access-token-failed');
    });

    it('warns when the registry is not reached', async () => {
      const out = await run({ kind: 'basic', username: 'ci', password: 'pw' }, undefined, { proxy: {}, resolve: { 'contoso.azurecr.io': '127.0.0.1' } });
      assert.equal(out.status, 'warn');
      assert.equal(out.causeId, undefined);
    });
  });
});
