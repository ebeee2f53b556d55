// Roles held and credential labels are said whole in the reader's language: no English
// fragment ("through group", "since", "admin user") inside a Dutch sentence.
import assert from 'node:assert/strict';
import { heldRoles, heldRolesText } from '../../../../src/core/checks/login/held-roles';
import { credentialLabel, dockerLoginLabel } from '../../../../src/core/checks/login/credential-label';
import { msg } from '../../../../src/core/text/message';
import { say } from '../../../../src/core/text/say';

describe('checks/login/held-roles and credential-label', () => {
  const own = 'aaaa-1111';
  const list = [
    { role: 'AcrPull', principalId: own, createdOn: new Date('2026-11-02T10:00:00Z') },
    { role: 'Reader', principalId: 'group-9', scope: '/subscriptions/s1' },
    { role: 'AcrPush', principalId: 'group-9', condition: '@Resource[repo] == "web"' },
  ];

  it('names the group a role comes through, its date, scope and condition, in English for evidence', () => {
    assert.equal(heldRolesText(list, own, { since: true, scope: true, condition: true }),
      'AcrPull (since 2026-11-02T10:00:00Z), Reader through group group-9 at /subscriptions/s1, AcrPush through group group-9 (with a repository condition)');
    assert.equal(heldRolesText([], own), 'none');
  });

  it('says the same in Dutch with no English left', () => {
    const nl = say(msg('{label} holds {held} on {name} and above: nothing that allows {missing} (ARM role assignments; its own sign-in cannot be tried from this machine).', {
      label: credentialLabel('servicePrincipal', 'app-1'), held: heldRoles(list, own, { since: true, scope: true, condition: true }), name: 'contoso', missing: 'pull',
    }), 'nl');
    assert.match(nl, /^de service-principal app-1 heeft AcrPull \(sinds 2026-11-02T10:00:00Z\), Reader via groep group-9 op \/subscriptions\/s1, AcrPush via groep group-9 \(met een voorwaarde per opslagplaats\) op contoso/);
    assert.doesNotMatch(nl, /through|since|admin user|with a repository/);
    assert.equal(say(heldRoles([], own), 'nl'), 'geen');
    assert.equal(say(dockerLoginLabel(false, 'contoso'), 'nl'), 'de opgeslagen aanmelding van docker (gebruiker contoso)');
    assert.equal(say(credentialLabel('admin', 'contoso'), 'en'), 'the admin user contoso');
  });
});
