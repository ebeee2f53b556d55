import { strict as assert } from 'node:assert';
import type { CheckContext } from '../../../../src/core/engine/types';
import type { DiagnoseEnvironment } from '../../../../src/core/engine/environment';
import { testContext } from '../../../support/check-context';
import { authzAadCheck, authzExplicitCheck } from '../../../../src/core/checks/login/authz';
import type { RegistryFacts } from '../../../../src/core/checks/login/registry-facts';
import { LOGIN } from '../../../../src/core/checks/login/check-ids';
import { renderMessage } from '../../../../src/core/text/message';

const now = new Date('2026-11-25T12:00:00Z');
const REG_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';

function ctx(data: Record<string, unknown>, operation: DiagnoseEnvironment['operation']): CheckContext {
  return testContext({ env: { dockerConfigDir: '/none', operation, now: () => now }, data });
}
const facts = (roles: [string, number][], mode?: string): RegistryFacts => ({
  registry: { id: REG_ID, name: 'contoso', resourceGroup: 'rg', subscriptionId: 's', loginServer: 'contoso.azurecr.io', roleAssignmentMode: mode },
  roleAssignments: roles.map(([role, min]) => ({ principalId: 'p1', role, scope: REG_ID, createdOn: new Date(now.getTime() - min * 60_000) })),
  tokens: [{ name: 'ci-token', status: 'enabled', passwords: [], scopeMapId: `${REG_ID}/scopeMaps/hello-pull` }],
  gaps: [],
});
const aad = (actions: string[]) => ({ access: [{ type: 'repository', name: 'hello', actions }], principalId: 'p1', repository: 'hello', audience: 'arm' });
const run = (c: CheckContext, check = authzAadCheck) => check.run(c);

describe('authorisation verdicts', () => {
  it('no pull: missing AcrPull for the principal, with the role assignment fix filled in', async () => {
    const o = await run(ctx({ [LOGIN.aad]: aad([]), [LOGIN.registry]: facts([['Registry Metadata Reader', 600]]) }, 'pull'));
    assert.equal(o.status, 'fail');
    assert.equal(o.causeId, 'authz.missing-acrpull');
    assert.deepEqual(o.fixParams, { repository: 'hello', principalId: 'p1', registryId: REG_ID });
  });
  it('a pulling role younger than 10 minutes: propagation, not a missing role', async () => {
    const o = await run(ctx({ [LOGIN.aad]: aad([]), [LOGIN.registry]: facts([['Registry Metadata Reader', 600], ['AcrPush', 2]]) }, 'pull'));
    assert.equal(o.causeId, 'authz.role-propagation-pending');
    assert.match(renderMessage(o.message), /2026-11-25T12:08:00Z/);
  });
  it('ABAC mode: the AcrPush assignment is ignored', async () => {
    const o = await run(ctx({ [LOGIN.aad]: aad([]), [LOGIN.registry]: facts([['AcrPush', 600]], 'AbacRepositoryPermissions') }, 'pull'));
    assert.equal(o.causeId, 'authz.abac-repository-permissions');
  });
  it('pull but no push: fails only when pushing', async () => {
    const f = facts([['AcrPull', 600]]);
    assert.equal((await run(ctx({ [LOGIN.aad]: aad(['pull']), [LOGIN.registry]: f }, 'push'))).causeId, 'authz.missing-acrpush');
    assert.equal((await run(ctx({ [LOGIN.aad]: aad(['pull']), [LOGIN.registry]: f }, 'push'))).status, 'fail');
    assert.equal((await run(ctx({ [LOGIN.aad]: aad(['pull']), [LOGIN.registry]: f }, 'pull'))).status, 'pass');
  });
  it('a repository token whose scope map lacks push names the scope map', async () => {
    const o = await run(ctx({ [LOGIN.explicit]: { kind: 'repositoryToken', username: 'ci-token', tokenName: 'ci-token', access: [{ type: 'repository', name: 'hello', actions: ['pull'] }], repository: 'hello' }, [LOGIN.registry]: facts([]) }, 'push'), authzExplicitCheck);
    assert.equal(o.causeId, 'authz.token-scope-missing-action');
    assert.equal(o.fixParams?.scopeMap, 'hello-pull');
  });
});
