// Authorisation: what the registry actually granted (the access token's `access` claim for the
// chosen repository) explained by the ARM role assignments at the registry scope and above:
// which role is missing for which principal, ABAC mode, an assignment still propagating.
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import { allows, grantedActions, type AccessEntry } from '../../acr/jwt';


import { analyseRoles, groupsOf } from './registry-facts';
import { LOGIN } from './check-ids';
import { isoDate } from '../../text/dates';
import { judgesIdentity, targetOperation } from '../../engine/target';
import { clientCommand } from '../../docker/client-tool';
import { msg, type Message } from '../../text/message';
import { credentialLabel, dockerLoginLabel, identityLabel } from './credential-label';
import { heldRole, heldRolesText } from './held-roles';

type Op = 'login' | 'pull' | 'push';

interface Subject {
  access: AccessEntry[];
  repository?: string;
  principalId?: string;
  label: Message;
  kind: 'aad' | 'servicePrincipal' | 'repositoryToken' | 'exposedToken' | 'other';
  tokenName?: string;
}

export const authzAadCheck: Check = {
  id: LOGIN.authzAad,
  area: 'login',
  title: 'Entra identity may pull and push',
  needs: [LOGIN.aad],
  after: [LOGIN.registry],
  timeoutMs: 2000,
  applies: (_t, env) => !!env.azure && judgesIdentity(env, 'azure'),
  async run(ctx) {
    const d = ctx.data(LOGIN.aad);
    if (!d) return { status: 'info', message: msg('No token to judge.') };
    return judge(ctx, { access: d.access, repository: d.repository, principalId: d.principalId, label: identityLabel(d.principalId), kind: 'aad' });
  },
};

export const authzExplicitCheck: Check = {
  id: LOGIN.authzExplicit,
  area: 'login',
  title: 'Given credentials may pull and push',
  needs: [LOGIN.explicit],
  after: [LOGIN.registry],
  timeoutMs: 2000,
  applies: (_t, env) => !!env.credentials,
  async run(ctx) {
    const d = ctx.data(LOGIN.explicit);
    if (!d) return { status: 'info', message: msg('No token to judge.') };
    const kind = d.kind === 'repositoryToken' ? 'repositoryToken' : d.kind === 'servicePrincipal' ? 'servicePrincipal' : d.kind === 'exposedToken' && d.principalId ? 'exposedToken' : 'other';
    // An exposed token names its Entra principal: its role assignments explain what it may do.
    if (kind === 'exposedToken') return judge(ctx, { access: d.access, repository: d.repository, principalId: d.principalId, label: credentialLabel('exposedToken', d.principalId ?? ''), kind });
    return judge(ctx, { access: d.access, repository: d.repository, principalId: d.kind === 'servicePrincipal' ? d.username : undefined, label: credentialLabel(d.kind, d.username), kind, tokenName: d.tokenName });
  },
};

/** --identity docker: what the credential `docker login` stored may do on the repository. */
export const authzDockerCheck: Check = {
  id: LOGIN.authzDocker,
  area: 'login',
  title: 'Docker\'s stored login may pull and push',
  needs: [LOGIN.storedCredential],
  after: [LOGIN.registry],
  timeoutMs: 2000,
  applies: (_t, env) => env.identity?.kind === 'docker',
  async run(ctx) {
    const d = ctx.data(LOGIN.storedCredential);
    if (!d || d.source === 'none' || !d.access) {
      return {
        status: targetOperation(ctx.env) === 'login' ? 'info' : 'fail', causeId: d?.source === 'none' ? 'credentials.anonymous-pull-disabled' : undefined,
        message: d?.source === 'none' ? msg('{tool} has no stored login for {loginServer}: run {tool} login (or az acr login) first.', { tool: clientCommand(ctx.env), loginServer: ctx.target.loginServer }) : msg('{tool}\'s stored login gave no token to judge.', { tool: clientCommand(ctx.env) }),
      };
    }
    const label = dockerLoginLabel(!!d.identityToken, d.username, clientCommand(ctx.env));
    const kind = d.username && d.tokenName ? 'repositoryToken' : 'other';
    return judge(ctx, { access: d.access, repository: d.repository, label, kind, tokenName: d.tokenName });
  },
};

async function judge(ctx: CheckContext, s: Subject): Promise<CheckOutcome> {
  const op: Op = targetOperation(ctx.env);
  const repo = s.repository;
  if (!repo) {
    return { status: 'info', message: msg('Name a repository to check pull and push rights (the login itself works).') };
  }
  const pull = allows(s.access, repo, 'pull');
  const push = allows(s.access, repo, 'push');
  const facts = ctx.data(LOGIN.registry);
  const reg = facts?.registry;
  const evidence = { repository: repo, granted: grantedActions(s.access, repo).join(',') || '(nothing)', operation: op, roleAssignmentMode: reg?.roleAssignmentMode };
  const fixParams: Record<string, string> = { repository: repo };
  if (s.principalId) fixParams.principalId = s.principalId;
  if (reg) fixParams.registryId = reg.id;
  if (pull && (push || op !== 'push')) {
    return { status: 'pass', message: msg('The registry grants {granted} on {repo} to {label}.', { granted: evidence.granted, repo, label: s.label }), evidence };
  }
  const missing: 'pull' | 'push' = pull ? 'push' : 'pull';
  // A token whose scope map lacks the action.
  if (s.kind === 'repositoryToken') {
    const t = facts?.tokens?.find((x) => x.name === s.tokenName);
    if (t?.scopeMapId) fixParams.scopeMap = t.scopeMapId.split('/').pop() ?? '';
    return {
      status: severity(op, missing), causeId: 'authz.token-scope-missing-action', evidence, fixParams,
      message: msg('The repository-scoped token {tokenName} may not {missing} {repo}: its scope map grants {granted}.', { tokenName: s.tokenName ?? '', missing, repo, granted: evidence.granted }),
    };
  }
  const abac = reg?.roleAssignmentMode === 'AbacRepositoryPermissions';
  if (facts?.roleAssignments && s.principalId && (s.kind === 'aad' || s.kind === 'exposedToken')) {
    const groups = groupsOf(facts, s.principalId);
    const a = analyseRoles(facts.roleAssignments, s.principalId, abac, ctx.env.now(), groups);
    const held = heldRolesText(a.held, s.principalId, { since: true });
    const ev = { ...evidence, rolesHeld: held, groups: groups.length ? groups.join(',') : undefined };
    if (abac && a.ignoredByAbac.length) {
      return {
        status: severity(op, missing), causeId: 'authz.abac-repository-permissions', evidence: ev, fixParams,
        message: msg('The registry uses ABAC repository permissions: the {roles} assignment of {principalId} is ignored, and it holds no Container Registry Repository role, so it may not {missing} {repo}.', { roles: a.ignoredByAbac.map((x) => x.role).join(' and '), principalId: s.principalId, missing, repo }),
      };
    }
    if (a.pending.length) {
      const p = a.pending[0];
      return {
        status: severity(op, missing), causeId: 'authz.role-propagation-pending', evidence: ev, fixParams,
        message: msg('{principalId} was given {role} at {at}, less than 10 minutes ago; role assignments take up to 10 minutes to apply. Try again after {after}.', { principalId: s.principalId, role: heldRole(p, s.principalId), at: p.createdOn ? isoDate(p.createdOn) : msg('a moment ago'), after: p.createdOn ? isoDate(new Date(p.createdOn.getTime() + 10 * 60_000)) : msg('a few minutes') }),
      };
    }
    return {
      status: severity(op, missing), causeId: abac ? 'authz.abac-repository-permissions' : missing === 'pull' ? 'authz.missing-acrpull' : 'authz.missing-acrpush',
      evidence: ev, fixParams,
      message: msg('{principalId} holds {held} on {name} and above: nothing that allows {missing}. Grant {role} on the registry.', { principalId: s.principalId, held, name: reg?.name ?? msg('the registry'), missing, role: abac ? (missing === 'pull' ? 'Container Registry Repository Reader' : 'Container Registry Repository Writer') : missing === 'pull' ? 'AcrPull' : 'AcrPush' }),
    };
  }
  return {
    status: severity(op, missing), causeId: abac ? 'authz.abac-repository-permissions' : missing === 'pull' ? 'authz.missing-acrpull' : 'authz.missing-acrpush',
    evidence, fixParams,
    message: (s.principalId ? msg('The registry grants {label} {granted} on {repo}: it may not {missing}.', { label: s.label, granted: evidence.granted, repo, missing }) : msg('The registry grants {label} {granted} on {repo}: it may not {missing}. Sign in to Azure to see which role assignment is missing.', { label: s.label, granted: evidence.granted, repo, missing })),
  };
}

/** A missing right fails when the user is doing that; otherwise it is a warning (login works). */
function severity(op: Op, missing: 'pull' | 'push'): 'fail' | 'warn' | 'info' {
  if (missing === 'pull') return op === 'login' ? 'warn' : 'fail';
  return op === 'push' ? 'fail' : 'info';
}
