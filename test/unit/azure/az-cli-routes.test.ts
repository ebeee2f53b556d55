// The simulator routes azure-cli (az login + az acr check-health) needs beyond what the Node SDKs
// ask: MSAL-python's instance discovery on login.microsoftonline.com, ARM's cloud metadata for
// `az cloud register`, and the generic resource list `az acr` finds a registry by name with.
import { strict as assert } from 'node:assert';
import { defaultState, DEFAULT_IDS, type ArmState } from '../../../sandbox/arm/state';
import { handleEntra, issueToken } from '../../../sandbox/arm/entra';
import { handleArm } from '../../../sandbox/arm/arm';
import { parseResourceFilter } from '../../../sandbox/arm/generic-resources';

const tid = DEFAULT_IDS.tenantId;
const sub = DEFAULT_IDS.subscriptionId;

function discovery(state: ArmState, authorizationEndpoint?: string) {
  const query = new URLSearchParams({ 'api-version': '1.0' });
  if (authorizationEndpoint) query.set('authorization_endpoint', authorizationEndpoint);
  return handleEntra(state, { method: 'GET', path: '/common/discovery/instance', host: 'login.microsoftonline.com', body: '', query });
}

function arm(state: ArmState, path: string, query: Record<string, string>, token?: string) {
  return handleArm(state, {
    method: 'GET', host: 'management.sandbox.test', path, query: new URLSearchParams(query),
    headers: token ? { authorization: `Bearer ${token}` } : {}, body: '',
  });
}

describe('azure: simulator routes for azure-cli (az login, az cloud register, az acr)', () => {
  const state = defaultState();
  const sp = state.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === tid)!;
  const token = issueToken(state, sp, 'https://management.core.windows.net/').token;

  it('instance discovery points MSAL at the tenant discovery document of the authority it asked about', () => {
    const a = discovery(state, `https://login.sandbox.test/${tid}/oauth2/v2.0/authorize`);
    assert.equal(a.status, 200);
    const body = a.body as { tenant_discovery_endpoint: string; metadata: { aliases: string[] }[] };
    assert.equal(body.tenant_discovery_endpoint, `https://login.sandbox.test/${tid}/v2.0/.well-known/openid-configuration`);
    assert.ok(body.metadata[0].aliases.includes('login.sandbox.test'));
    // The document it names is served, for that tenant (MSAL then reads token_endpoint from it).
    const oidc = handleEntra(state, { method: 'GET', path: `/${tid}/v2.0/.well-known/openid-configuration`, host: 'login.sandbox.test', body: '' });
    assert.equal(oidc.status, 200);
    assert.equal((oidc.body as { token_endpoint: string }).token_endpoint, `https://login.sandbox.test/${tid}/oauth2/v2.0/token`);
  });

  it('instance discovery refuses an authority it does not serve (invalid_instance, as Entra)', () => {
    const a = discovery(state, `https://login.example.org/${tid}/oauth2/v2.0/authorize`);
    assert.equal(a.status, 400);
    assert.equal((a.body as { error: string }).error, 'invalid_instance');
    assert.match((a.body as { error_description: string }).error_description, /^AADSTS50049/);
  });

  it('ARM cloud metadata (2015-01-01, unauthenticated) names the login endpoint and the token audience', () => {
    const a = arm(state, '/metadata/endpoints', { 'api-version': '2015-01-01' });
    assert.equal(a.status, 200);
    const body = a.body as { authentication: { loginEndpoint: string; audiences: string[] }; graphEndpoint: string };
    assert.equal(body.authentication.loginEndpoint, 'https://login.sandbox.test/');
    assert.equal(body.authentication.audiences[0], 'https://management.core.windows.net/');
    // A token for that audience is accepted by this ARM.
    assert.equal(arm(state, '/subscriptions', { 'api-version': '2019-11-01' }, token).status, 200);
    // The newer shape is a list of clouds naming this ARM.
    const list = arm(state, '/metadata/endpoints', { 'api-version': '2022-09-01' }).body as { resourceManager: string; suffixes: { acrLoginServer: string } }[];
    assert.equal(list[0].resourceManager, 'https://management.sandbox.test/');
    assert.equal(list[0].suffixes.acrLoginServer, 'azurecr.io');
  });

  it('the generic resource list finds the registry by type (what az acr does), honouring Reader access', () => {
    const filter = "resourceType eq 'Microsoft.ContainerRegistry/registries'";
    const a = arm(state, `/subscriptions/${sub}/resources`, { 'api-version': '2021-04-01', $filter: filter }, token);
    assert.equal(a.status, 200);
    const rows = (a.body as { value: { id: string; name: string; type: string; location: string; properties?: unknown }[] }).value;
    assert.deepEqual(rows.map((r) => r.name), ['contoso']);
    assert.equal(rows[0].id, `/subscriptions/${sub}/resourceGroups/contoso-rg/providers/Microsoft.ContainerRegistry/registries/contoso`);
    assert.equal(rows[0].location, 'westeurope');
    assert.equal(rows[0].properties, undefined, 'no properties without $expand');
    // Resource-group scoped, by name, and an unknown name.
    const inRg = arm(state, `/subscriptions/${sub}/resourceGroups/contoso-rg/resources`, { 'api-version': '2021-04-01', $filter: `${filter} and name eq 'contoso'` }, token);
    assert.equal((inRg.body as { value: unknown[] }).value.length, 1);
    const none = arm(state, `/subscriptions/${sub}/resources`, { 'api-version': '2021-04-01', $filter: "name eq 'contosoo'" }, token);
    assert.deepEqual((none.body as { value: unknown[] }).value, []);
    // Without Reader on the registry, the row is not listed.
    const s2 = defaultState();
    s2.roleAssignments = s2.roleAssignments.filter((r) => r.properties.principalId !== sp.objectId || !/containerregistry\/registries\/contoso$/i.test(r.properties.scope));
    const sp2 = s2.servicePrincipals.find((p) => p.appId === DEFAULT_IDS.spAppId && p.tenantId === tid)!;
    const t2 = issueToken(s2, sp2, 'https://management.azure.com').token;
    const hidden = arm(s2, `/subscriptions/${sub}/resources`, { 'api-version': '2021-04-01', $filter: filter }, t2);
    assert.deepEqual((hidden.body as { value: unknown[] }).value, []);
    // Unauthenticated: ARM's 401.
    assert.equal(arm(state, `/subscriptions/${sub}/resources`, { 'api-version': '2021-04-01' }).status, 401);
  });

  it('rejects a $filter ARM would not understand', () => {
    assert.deepEqual(parseResourceFilter("resourceType eq 'A/b' and name eq 'x'"), { ok: true, type: 'A/b', name: 'x' });
    assert.equal(parseResourceFilter("startswith(name, 'x')").ok, false);
    const a = arm(state, `/subscriptions/${sub}/resources`, { 'api-version': '2021-04-01', $filter: 'tagName eq 1' }, token);
    assert.equal(a.status, 400);
    assert.equal((a.body as { error: { code: string } }).error.code, 'InvalidFilterInQueryString');
  });
});
