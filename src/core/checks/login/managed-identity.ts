// --identity mi:<client-id>: a managed identity (an App Service's, a VM's, a pipeline agent's)
// cannot sign in from this machine, so it is judged through ARM alone — found by its client id
// among the user-assigned identities, then its role assignments on the registry (its groups' and
// ABAC repository conditions included). The finding says its sign-in was not tried.
import { armAccessOf } from '../../azure/connection';
import { findManagedIdentity } from '../../azure/managed-identities';
import type { Check, CheckOutcome } from '../../engine/types';
import { UNRESOLVED_IDENTITY, targetOperation } from '../../engine/target';
import { groupsThroughArm, judgeByRoleAssignments, type KnownFacts } from './aks';
import { LOGIN } from './check-ids';
import { repositoryOf } from './token-requests';
import { msg } from '../../text/message';

export const managedIdentityCheck: Check = {
  id: LOGIN.managedIdentity,
  area: 'login',
  title: 'The managed identity may pull and push',
  needs: [LOGIN.registry],
  timeoutMs: 6000,
  applies: (_t, env) => !!env.azure && env.identity?.kind === 'mi',
  async run(ctx): Promise<CheckOutcome> {
    const clientId = ctx.env.identity?.kind === 'mi' ? ctx.env.identity.clientId : '';
    const read = ctx.data(LOGIN.registry);
    if (!read?.registry || !read.roleAssignments) {
      return { status: 'info', evidence: { clientId }, message: msg('The registry\'s role assignments could not be read, so the managed identity {clientId} was not judged.', { clientId }) };
    }
    const facts: KnownFacts = { ...read, registry: read.registry, roleAssignments: read.roleAssignments };
    const r = await findManagedIdentity(armAccessOf(ctx.env)!, clientId, ctx.signal);
    if (!r.found) {
      return {
        status: 'fail', evidence: { [UNRESOLVED_IDENTITY]: true, clientId, identitiesSeen: r.seen, gaps: r.failures.length ? r.failures.slice(0, 3) : undefined },
        message: msg('Azure lists no user-assigned managed identity with the client id {clientId} (this sign-in sees {seen}): copy the client id from the identity\'s overview (az identity show --query clientId), or sign in with an identity that may read it.', { clientId, seen: r.seen }),
      };
    }
    const op = targetOperation(ctx.env);
    return judgeByRoleAssignments(ctx, facts, {
      principalId: r.found.principalId, groupIds: await groupsThroughArm(ctx, facts, r.found.principalId),
      label: msg('the managed identity {name} (client id {clientId}, object id {principalId})', { name: r.found.name, clientId: r.found.clientId, principalId: r.found.principalId }),
      missingPullCause: 'authz.missing-acrpull', repo: repositoryOf(ctx), op,
      fixParams: { principalId: r.found.principalId, registryId: facts.registry.id },
      evidence: { managedIdentity: r.found.id, clientId: r.found.clientId },
    });
  },
};
