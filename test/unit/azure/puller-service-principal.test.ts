// A service that pulls with a stored app id and secret: Microsoft Graph (servicePrincipals(appId=…),
// a Graph token from the same sign-in) turns the app id into the object id its role assignments
// name, and its rights are judged like a managed identity's. An app id no service principal has is
// a finding; Graph refusing to be read is "not judged", in words, never a crash.
import * as assert from 'node:assert/strict';
import { defaultState, DEFAULT_IDS, type ArmState } from '../../../sandbox/arm/state';
import { servicePrincipal } from '../../../sandbox/arm/state';
import { addContainerApp, grant } from '../../../sandbox/scenarios/puller-world';
import { servicePrincipalByAppId } from '../../../src/core/azure/graph-service-principal';
import { assessPullers } from '../../../src/core/checks/pullers/assess';
import { verdictWord } from '../../../src/core/checks/pullers/verdicts';
import { startFixture, type Fixture } from './simulator-fixture';

const NOW = new Date();
const GHOST = '9a9a9a9a-0000-4000-8000-00000000abcd';

function world(): { s: ArmState; withPull: string; without: string } {
  const s = defaultState(NOW);
  const reg = s.registries[0];
  const a = servicePrincipal(DEFAULT_IDS.tenantId, 'puller-sp-ok', { now: NOW });
  const b = servicePrincipal(DEFAULT_IDS.tenantId, 'puller-sp-norole', { now: NOW });
  s.servicePrincipals.push(a, b);
  grant(s, reg, a.objectId, 'AcrPull', NOW);
  addContainerApp(s, { name: 'app-sp-ok', pullWith: 'admin', username: a.appId }, NOW);
  addContainerApp(s, { name: 'app-sp-norole', pullWith: 'admin', username: b.appId }, NOW);
  addContainerApp(s, { name: 'app-sp-ghost', pullWith: 'admin', username: GHOST }, NOW);
  return { s, withPull: a.appId, without: b.appId };
}

describe('pullers: a stored app id resolved through Microsoft Graph (simulator)', function () {
  this.timeout(60_000);
  let fx: Fixture;
  let w: ReturnType<typeof world>;
  const signedIn = () => fx.state.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === DEFAULT_IDS.tenantId)!;
  before(async () => { w = world(); fx = await startFixture(w.s); });
  after(async () => { await fx.stop(); });

  it('Graph answers strictly: 403 Authorization_RequestDenied without directory read, 404 for an unknown app id, the object id otherwise', async () => {
    signedIn().graphAppRoles = [];
    const denied = await servicePrincipalByAppId(fx.azure, w.withPull);
    assert.ok(!denied.found && !denied.notFound && /Authorization_RequestDenied/.test(denied.why) && /Application\.Read\.All/.test(denied.why), JSON.stringify(denied));
    signedIn().graphAppRoles = ['Application.Read.All'];
    const hit = await servicePrincipalByAppId(fx.azure, w.withPull);
    assert.ok(hit.found && hit.objectId === fx.state.servicePrincipals.find((p) => p.appId === w.withPull)!.objectId, JSON.stringify(hit));
    assert.deepEqual(await servicePrincipalByAppId(fx.azure, GHOST), { found: false, notFound: true });
    const bad = await servicePrincipalByAppId(fx.azure, "x') or true or ('");
    assert.ok(!bad.found && !bad.notFound);
  });

  it('with directory read: AcrPull held is ok, none is AcrPull missing, an unknown app id is unresolved', async () => {
    signedIn().graphAppRoles = ['Application.Read.All'];
    const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW });
    const by = (n: string) => a.verdicts.find((v) => v.puller.name === n)!;
    assert.equal(verdictWord(by('app-sp-ok')), 'ok', JSON.stringify(by('app-sp-ok').unknowns));
    assert.equal(by('app-sp-ok').rolesHeld, 'AcrPull');
    assert.deepEqual(by('app-sp-norole').problems.map((p) => p.causeId), ['pullers.identity-missing-acrpull']);
    assert.deepEqual(by('app-sp-ghost').problems.map((p) => p.causeId), ['pullers.identity-unresolved']);
    assert.match(JSON.stringify(by('app-sp-ghost').problems[0].message), /Request_ResourceNotFound/);
  });

  it('without directory read: "not judged", saying why and what to do, and no verdict guessed', async () => {
    signedIn().graphAppRoles = [];
    const a = await assessPullers(fx.azure, 'contoso.azurecr.io', { now: NOW });
    for (const n of ['app-sp-ok', 'app-sp-norole', 'app-sp-ghost']) {
      const v = a.verdicts.find((x) => x.puller.name === n)!;
      assert.deepEqual(v.problems, [], n);
      assert.equal(verdictWord(v), 'unknown');
      assert.match(v.unknowns.join('\n'), /^not judged: .*Authorization_RequestDenied.*az role assignment list --assignee [0-9a-f-]{36} --scope /m);
    }
  });
});
