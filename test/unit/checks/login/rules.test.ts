import { strict as assert } from 'node:assert';
import { parseRegistryInput } from '../../../../src/core/registry/target';
import { armVerdict, nameDistance, inputVerdicts, resourceNameNote } from '../../../../src/core/checks/login/name-rules';
import { analyseRoles, groupsOf, readerEvidence, roleNameOf, PROPAGATION_MS, type RoleAssignmentFacts } from '../../../../src/core/checks/login/registry-facts';
import { classifyAadError } from '../../../../src/core/checks/login/aad-errors';
import { relative, isoDate } from '../../../../src/core/text/dates';
import { getCause } from '../../../../src/core/catalogue/index';
import { CAUSE_IDS } from '../../../../src/core/catalogue/index';
import { LOGIN_CAUSES } from '../../../../src/core/catalogue/login-causes';
import { renderMessage } from '../../../../src/core/text/message';

describe('name rules', () => {
  it('flags upper case and a missing suffix, suggesting the login server', () => {
    const up = inputVerdicts(parseRegistryInput('Contoso.azurecr.io'));
    assert.equal(up[0].causeId, 'name.upper-case');
    assert.equal(up[0].suggestion, 'contoso.azurecr.io');
    assert.equal(inputVerdicts(parseRegistryInput('contoso/hello:v1'))[0].causeId, 'name.missing-suffix');
    assert.equal(inputVerdicts(parseRegistryInput('contoso/hello:v1')).length, 1, 'an image reference without the suffix is one fault, not two');
    assert.equal(inputVerdicts(parseRegistryInput('https://contoso.azurecr.io/'))[0].causeId, 'name.resource-name-vs-login-server');
    assert.deepEqual(inputVerdicts(parseRegistryInput('contoso.azurecr.io')), []);
  });
  it('names the client in use (podman, nerdctl) instead of docker, and podman\'s own short-name lookup', () => {
    const said = (input: string, tool: string) => inputVerdicts(parseRegistryInput(input), tool).map((v) => renderMessage(v.message)).join(' ');
    assert.match(said('Contoso.azurecr.io', 'podman'), /; podman needs the login server in lower case: contoso\.azurecr\.io\.$/);
    assert.match(said('https://contoso.azurecr.io/', 'nerdctl'), /nerdctl login takes the bare host name contoso\.azurecr\.io/);
    assert.match(said('contoso/hello:v1', 'podman'), /podman looks contoso\/… up in the search registries of registries\.conf/);
    assert.match(said('contoso/hello:v1', 'nerdctl'), /nerdctl reads contoso\/… as a Docker Hub repository/);
    assert.match(said('contoso/hello:v1', 'docker'), /docker reads contoso\/… as a Docker Hub repository/);
    assert.match(renderMessage(resourceNameNote(parseRegistryInput('contoso'), 'podman')!), /podman login contoso\.azurecr\.io\.$/);
    const known = [{ name: 'contoso', loginServer: 'contoso-h7dcb4.azurecr.io' }];
    assert.match(renderMessage(armVerdict(parseRegistryInput('contoso.azurecr.io'), known, 'podman').verdict!.message), /use contoso-h7dcb4\.azurecr\.io with podman and contoso with az acr login --name/);
  });
  it('takes a bare name for the resource name (az acr login --name): a note with the login server, no cause', () => {
    assert.deepEqual(inputVerdicts(parseRegistryInput('contoso')), []);
    assert.deepEqual(inputVerdicts(parseRegistryInput('Contoso')), [], 'resource names are matched case-insensitively');
    const note = resourceNameNote(parseRegistryInput('Contoso'))!;
    assert.match(renderMessage(note), /resource name/);
    assert.match(renderMessage(note), /docker login contoso\.azurecr\.io\.$/);
    assert.equal(resourceNameNote(parseRegistryInput('contoso.azurecr.io')), undefined);
    assert.equal(resourceNameNote(parseRegistryInput('contoso/hello:v1')), undefined, 'an image reference is a login-server position');
    // Upper case stays a fault where docker reads a login server.
    assert.equal(inputVerdicts(parseRegistryInput('Contoso/hello:v1'))[0].causeId, 'name.upper-case');
    assert.deepEqual(inputVerdicts(parseRegistryInput('Contoso/hello:v1')).map((v) => v.causeId), ['name.upper-case', 'name.missing-suffix']);
  });
  it('compares with what ARM lists: wrong cloud, other login server, not found with a suggestion', () => {
    const known = [{ name: 'contoso', loginServer: 'contoso.azurecr.io' }, { name: 'fabrikam', loginServer: 'fabrikam.azurecr.us' }];
    assert.equal(armVerdict(parseRegistryInput('contoso.azurecr.io'), known).verdict, undefined);
    assert.equal(armVerdict(parseRegistryInput('contoso.azurecr.cn'), known).verdict!.causeId, 'name.wrong-cloud-suffix');
    assert.equal(armVerdict(parseRegistryInput('fabrikam.azurecr.io'), known).verdict!.suggestion, 'fabrikam.azurecr.us');
    const nf = armVerdict(parseRegistryInput('contosoo.azurecr.io'), known).verdict!;
    assert.equal(nf.causeId, 'name.registry-not-found');
    assert.equal(nf.suggestion, 'contoso.azurecr.io');
    assert.equal(armVerdict(parseRegistryInput('zzzzzzzz.azurecr.io'), known).verdict!.suggestion, undefined);
    assert.equal(nameDistance('contoso', 'contosoo'), 1);
  });
});

describe('role analysis', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const a = (role: string, minutesAgo: number, principalId = 'p'): RoleAssignmentFacts => ({ principalId, role, scope: '/s', createdOn: new Date(now.getTime() - minutesAgo * 60_000) });
  it('AcrPull/AcrPush/Owner/Contributor/Reader grant pull; only settled assignments count', () => {
    assert.equal(analyseRoles([a('AcrPull', 60)], 'p', false, now).canPull, true);
    assert.equal(analyseRoles([a('AcrPull', 60)], 'p', false, now).canPush, false);
    assert.equal(analyseRoles([a('Contributor', 60)], 'p', false, now).canPush, true);
    assert.equal(analyseRoles([a('Reader', 60)], 'p', false, now).canPull, true, 'ACR lets Reader pull');
    assert.equal(analyseRoles([a('Reader', 60)], 'p', false, now).canPush, false);
    assert.equal(analyseRoles([a('Registry Metadata Reader', 60)], 'p', false, now).canPull, false);
    assert.equal(analyseRoles([a('AcrPull', 60, 'other')], 'p', false, now).canPull, false);
    const pending = analyseRoles([a('AcrPush', 2)], 'p', false, now);
    assert.equal(pending.canPull, false);
    assert.equal(pending.pending.length, 1);
    assert.equal(analyseRoles([a('AcrPush', PROPAGATION_MS / 60_000)], 'p', false, now).canPull, true);
  });
  it('counts roles held through the principal\'s groups (ARM assignedTo), pending ones too', () => {
    const g = (role: string, minutesAgo: number): RoleAssignmentFacts => ({ ...a(role, minutesAgo, 'group-1'), principalType: 'Group' });
    assert.equal(analyseRoles([g('AcrPull', 60)], 'p', false, now).canPull, false, 'a group the principal is not known to be in');
    const r = analyseRoles([g('AcrPull', 60), a('Registry Metadata Reader', 60)], 'p', false, now, ['GROUP-1']);
    assert.equal(r.canPull, true);
    assert.equal(r.canPush, false);
    assert.deepEqual(r.held.map((x) => x.principalId), ['group-1', 'p']);
    const pending = analyseRoles([g('AcrPull', 2)], 'p', false, now, ['group-1']);
    assert.equal(pending.canPull, false);
    assert.equal(pending.pending[0].principalId, 'group-1');
    assert.deepEqual(groupsOf({ principalGroups: { principalId: 'P', groupIds: ['group-1'] } }, 'p'), ['group-1']);
    assert.deepEqual(groupsOf({ principalGroups: { principalId: 'other', groupIds: ['group-1'] } }, 'p'), [], 'groups of another principal do not count');
    assert.deepEqual(groupsOf(undefined, 'p'), []);
  });
  it('reader evidence: the registry id from an assignment on it, what is held there and above, whether it reads ARM', () => {
    const reg = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso';
    const at = (role: string, scope: string, principalId = 'p'): RoleAssignmentFacts => ({ principalId, role, scope, createdOn: new Date(now.getTime() - 3_600_000) });
    const push = readerEvidence([at('AcrPush', reg), at('Reader', '/subscriptions/s1/resourceGroups/other'), at('Reader', `${reg}x`)], 'contoso', now)!;
    assert.equal(push.registryId, reg);
    assert.deepEqual(push.held.map((a) => a.role), ['AcrPush'], 'another group\'s or registry\'s Reader does not count');
    assert.equal(push.canReadArm, false);
    const viaGroup = readerEvidence([at('AcrPush', `${reg}/`), at('Reader', '/subscriptions/s1/resourceGroups/RG', 'group-1')], 'Contoso', now)!;
    assert.equal(viaGroup.canReadArm, true, 'Reader on the resource group through a group');
    assert.equal(readerEvidence([at('Reader', '/subscriptions/s1')], 'contoso', now), undefined, 'no assignment names the registry: no evidence');
    assert.equal(readerEvidence([at('AcrPull', reg)], 'cont.so', now), undefined, 'a name is matched literally, not as a pattern');
  });
  it('ABAC mode ignores AcrPull/AcrPush and honours the repository roles', () => {
    const r = analyseRoles([a('AcrPush', 60)], 'p', true, now);
    assert.equal(r.canPull, false);
    assert.equal(r.ignoredByAbac.length, 1);
    assert.equal(analyseRoles([a('Container Registry Repository Reader', 60)], 'p', true, now).canPull, true);
  });
  it('names built-in roles from their definition ids', () => {
    assert.equal(roleNameOf('/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d'), 'AcrPull');
    assert.equal(roleNameOf('/x/roleDefinitions/unknown'), 'unknown');
  });
});

describe('expiry maths and Entra errors', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('says when, in words and as a date', () => {
    assert.equal(renderMessage(relative(new Date('2026-11-25T14:59:00Z'), now)), 'in 2 h 59 min');
    assert.equal(renderMessage(relative(new Date('2026-11-24T12:00:00Z'), now)), '1 d 0 h ago');
    assert.equal(renderMessage(relative(new Date('2026-11-25T11:55:00Z'), now)), '5 min ago');
    assert.equal(isoDate(now), '2026-11-25T12:00:00Z');
  });
  it('maps AADSTS codes to the seed\'s causes', () => {
    assert.equal(classifyAadError(new Error('AADSTS7000222: The provided client secret keys for app are expired')).causeId, 'expiry.service-principal-secret');
    assert.equal(classifyAadError(new Error('AADSTS7000215: Invalid client secret provided')).causeId, 'credentials.service-principal-invalid');
    // The user's sign-in expired (refresh token, revoked grant, password expiry): not a service principal's secret.
    for (const [code, text] of [['AADSTS700082', 'The refresh token has expired due to inactivity.'], ['AADSTS50173', 'The provided grant has expired due to it being revoked.'], ['AADSTS50133', 'Session is invalid due to expiration or recent password change.']]) {
      const f = classifyAadError(new Error(`${code}: ${text} Trace ID: 0000`));
      assert.equal(f.causeId, 'expiry.aad-token-expired', code);
      assert.equal(f.code, code);
      assert.match(renderMessage(f.message), /az login/);
    }
    assert.equal(classifyAadError(new Error('network down')).causeId, 'credentials.invalid');
    assert.ok(!renderMessage(classifyAadError(new Error('bad eyJabcdefghijkl.eyJabcdefgh.sig')).message).includes('eyJabcdefghijkl'));
  });
});

describe('login catalogue', () => {
  const LOGIN_PREFIXES = ['docker.', 'helm.', 'name.', 'credentials.', 'authz.', 'expiry.', 'advanced.'];
  it('has a record for every login id in ids.ts, with Dutch text, symptoms and fixes', () => {
    for (const id of CAUSE_IDS.filter((x) => LOGIN_PREFIXES.some((p) => x.startsWith(p)))) {
      const c = getCause(id);
      assert.ok(c, `no record for ${id}`);
      assert.ok(c.title.nl && c.explanation.nl && c.title.en && c.explanation.en, id);
      assert.ok(c.fixes.length > 0, id);
      assert.ok(c.section, id);
    }
    assert.equal(new Set(LOGIN_CAUSES.map((c) => c.id)).size, LOGIN_CAUSES.length);
  });
  it('carries the check-health codes', () => {
    const codes = Object.fromEntries(LOGIN_CAUSES.filter((c) => c.checkHealthCode).map((c) => [c.checkHealthCode, c.id]));
    for (const code of ['DOCKER_COMMAND_ERROR', 'DOCKER_DAEMON_ERROR', 'DOCKER_VERSION_ERROR', 'DOCKER_PULL_ERROR', 'LOGIN_SERVER_ERROR', 'CONNECTIVITY_REFRESH_TOKEN_ERROR', 'CONNECTIVITY_ACCESS_TOKEN_ERROR']) {
      assert.ok(codes[code], code);
    }
  });
  it('quotes the seed\'s symptoms', () => {
    const all = LOGIN_CAUSES.flatMap((c) => c.symptoms);
    for (const s of ['unauthorized: authentication required', 'unauthorized: application not registered with aad']) assert.ok(all.includes(s), s);
  });
});
