// login.expiry (dates of every credential in play) and login.authz.docker (what docker's stored
// login may do), from other checks' data alone.
import * as assert from 'node:assert/strict';
import { expiryCheck } from '../../../../src/core/checks/login/expiry';
import { authzDockerCheck } from '../../../../src/core/checks/login/authz';
import { LOGIN } from '../../../../src/core/checks/login/check-ids';
import type { RegistryFacts } from '../../../../src/core/checks/login/registry-facts';
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import { testContext, TEST_NOW } from '../../../support/check-context';
import { renderMessage } from '../../../../src/core/text/message';

const REG_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
const inHours = (h: number) => new Date(TEST_NOW.getTime() + h * 3600_000);
const facts = (passwords: NonNullable<RegistryFacts['tokens']>[number]['passwords']): RegistryFacts => ({
  registry: { id: REG_ID, name: 'contoso', resourceGroup: 'rg', subscriptionId: 's', loginServer: 'contoso.azurecr.io' },
  tokens: [{ name: 'ci-token', status: 'enabled', passwords, scopeMapId: `${REG_ID}/scopeMaps/hello-pull` }],
  gaps: [],
});

describe('login.expiry (from the credential checks\' data)', () => {
  const run = (data: Record<string, unknown>, env: Partial<DiagnoseEnvironment> = {}) => expiryCheck.run(testContext({ data, env }));

  it('is info when no credential with a date is in use', async () => {
    const out = await run({});
    assert.equal(out.status, 'info');
    assert.equal(out.causeId, undefined);
  });

  it('passes with the Entra and refresh token dates as evidence', async () => {
    const out = await run({ [LOGIN.aad]: { access: [], audience: 'arm', aadExpires: inHours(1), refreshExpires: inHours(3) } });
    assert.equal(out.status, 'pass');
    assert.deepEqual(out.evidence, { entraToken: '2026-11-25T13:00:00Z', acrRefreshToken: '2026-11-25T15:00:00Z' });
  });

  it('warns with expiry.repository-token-password when the used token\'s password ends within 7 days', async () => {
    const out = await run({
      [LOGIN.explicit]: { kind: 'repositoryToken', username: 'ci-token', access: [], tokenName: 'ci-token' },
      [LOGIN.registry]: facts([{ name: 'password1', expiry: inHours(48) }, { name: 'password2', expiry: inHours(24 * 30) }]),
    });
    assert.equal(out.status, 'warn');
    assert.equal(out.causeId, 'expiry.repository-token-password');
    assert.deepEqual(out.fixParams, { tokenName: 'ci-token' });
    assert.equal(out.evidence?.['ci-token.password1'], '2026-11-27T12:00:00Z');
  });

  it('passes when the token\'s passwords end later or never, and ignores an already expired one', async () => {
    const out = await run({
      [LOGIN.explicit]: { kind: 'repositoryToken', username: 'ci-token', access: [], tokenName: 'ci-token' },
      [LOGIN.registry]: facts([{ name: 'password1' }, { name: 'password2', expiry: inHours(-1) }, { name: 'password3', expiry: inHours(24 * 10) }]),
    });
    assert.equal(out.status, 'pass');
    assert.equal(out.causeId, undefined);
  });

  it('lists docker\'s stored token only when docker\'s identity is judged', async () => {
    const stored = { [LOGIN.storedCredential]: { source: 'file', expires: inHours(2) } };
    assert.equal((await run(stored)).status, 'info');
    const judged = await run(stored, { identity: { kind: 'docker' } });
    assert.equal(judged.status, 'pass');
    assert.equal(judged.evidence?.dockerStoredToken, '2026-11-25T14:00:00Z');
    assert.match(renderMessage(judged.message), /the token docker stored until 2026-11-25T14:00:00Z/);
    const podman = await run(stored, { identity: { kind: 'docker' }, client: 'podman' });
    assert.match(renderMessage(podman.message), /the token podman stored until 2026-11-25T14:00:00Z/);
    assert.doesNotMatch(renderMessage(podman.message), /docker/);
  });
});

describe('login.authz.docker (what docker\'s stored login may do)', () => {
  const run = (stored: unknown, operation: DiagnoseEnvironment['operation'], registry?: RegistryFacts) =>
    authzDockerCheck.run(testContext({ env: { identity: { kind: 'docker' }, operation }, data: { [LOGIN.storedCredential]: stored, ...(registry ? { [LOGIN.registry]: registry } : {}) } }));
  const access = (actions: string[]) => [{ type: 'repository', name: 'hello', actions }];

  it('applies only to --identity docker', () => {
    const env = { proxy: {}, dockerConfigDir: '/x', now: () => TEST_NOW };
    assert.equal(authzDockerCheck.applies?.(testContext().target, env), false);
    assert.equal(authzDockerCheck.applies?.(testContext().target, { ...env, identity: { kind: 'docker' } }), true);
  });

  it('fails with credentials.anonymous-pull-disabled when docker stored nothing and the user pulls; info for a login', async () => {
    const pull = await run({ source: 'none' }, 'pull');
    assert.equal(pull.status, 'fail');
    assert.equal(pull.causeId, 'credentials.anonymous-pull-disabled');
    const login = await run({ source: 'none' }, 'login');
    assert.equal(login.status, 'info');
  });

  it('names the client in use when nothing is stored: podman login, nerdctl login for containerd', async () => {
    const said = async (client: DiagnoseEnvironment['client']) => renderMessage((await authzDockerCheck.run(testContext({ env: { identity: { kind: 'docker' }, operation: 'pull', client }, data: { [LOGIN.storedCredential]: { source: 'none' } } }))).message);
    assert.equal(await said('podman'), 'podman has no stored login for contoso.azurecr.io: run podman login (or az acr login) first.');
    assert.equal(await said('containerd'), 'nerdctl has no stored login for contoso.azurecr.io: run nerdctl login (or az acr login) first.');
    assert.equal(await said('docker'), 'docker has no stored login for contoso.azurecr.io: run docker login (or az acr login) first.');
  });

  it('fails without a cause when the stored login gave no token to judge', async () => {
    const out = await run({ source: 'file', works: false }, 'push');
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, undefined);
    const podman = await authzDockerCheck.run(testContext({ env: { identity: { kind: 'docker' }, operation: 'push', client: 'podman' }, data: { [LOGIN.storedCredential]: { source: 'file', works: false } } }));
    assert.equal(renderMessage(podman.message), "podman's stored login gave no token to judge.");
  });

  it('passes when the token grants what the user does', async () => {
    const out = await run({ source: 'file', username: 'ci', works: true, access: access(['pull', 'push']), repository: 'hello' }, 'push');
    assert.equal(out.status, 'pass');
    assert.equal(out.evidence?.granted, 'pull,push');
  });

  it('fails with authz.missing-acrpush when a pull-only login pushes', async () => {
    const out = await run({ source: 'file', username: 'ci', works: true, access: access(['pull']), repository: 'hello' }, 'push');
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'authz.missing-acrpush');
  });

  it('fails with authz.token-scope-missing-action for a repository-scoped token, naming its scope map', async () => {
    const out = await run({ source: 'file', username: 'ci-token', tokenName: 'ci-token', works: true, access: access(['pull']), repository: 'hello' }, 'push', facts([]));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'authz.token-scope-missing-action');
    assert.equal(out.fixParams?.scopeMap, 'hello-pull');
  });

  it('is info without a repository to judge', async () => {
    const out = await run({ source: 'file', username: 'ci', works: true, access: [] }, 'pull');
    assert.equal(out.status, 'info');
  });
});
