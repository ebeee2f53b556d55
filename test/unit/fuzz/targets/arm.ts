// ARM payloads (a registry as REST JSON, Resource Graph rows or SDK objects; role assignments)
// mapped into the views the tree and the checks use.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { summaryFromArm, subscriptionIdOf, resourceGroupOf } from '../../../../src/core/registry/summary';
import { analyseRoles, roleNameOf } from '../../../../src/core/checks/login/registry-facts';
import { classifyAzureError } from '../../../../src/vscode/tree/azureErrorKind';
import { hostileJson, hostileText, thrownValue, type FuzzTarget } from '../harness';

const jsonish = (a: fc.Arbitrary<unknown>) => fc.oneof(a, hostileJson);
/** Shaped like RegistryGet.json (azure-rest-api-specs), every field possibly the wrong type. */
const registryJson = fc.record({
  id: jsonish(fc.constantFrom('/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso', '/subscriptions//resourceGroups/', '')),
  name: jsonish(fc.constantFrom('contoso', 'Contoso', '')),
  location: jsonish(fc.constant('westeurope')),
  sku: jsonish(fc.record({ name: jsonish(fc.constantFrom('Premium', 'Basic')), tier: jsonish(fc.constant('Premium')) }, { requiredKeys: [] })),
  properties: jsonish(fc.record({
    loginServer: jsonish(fc.constantFrom('contoso.azurecr.io', 'CONTOSO.AZURECR.IO', '<img src=x onerror=alert(1)>.azurecr.io', '')),
    publicNetworkAccess: jsonish(fc.constantFrom('Enabled', 'Disabled')),
    adminUserEnabled: jsonish(fc.boolean()),
    networkRuleSet: jsonish(fc.record({ defaultAction: jsonish(fc.constantFrom('Allow', 'Deny')), ipRules: jsonish(fc.array(fc.record({ value: jsonish(fc.ipV4()) }))) }, { requiredKeys: [] })),
    privateEndpointConnections: jsonish(fc.array(jsonish(fc.record({ name: jsonish(fc.string()), properties: jsonish(fc.record({ privateEndpoint: jsonish(fc.record({ id: jsonish(fc.string()) })), privateLinkServiceConnectionState: jsonish(fc.record({ status: jsonish(fc.constantFrom('Approved', 'Pending')) })) }, { requiredKeys: [] })) }, { requiredKeys: [] })), { maxLength: 4 })),
  }, { requiredKeys: [] })),
}, { requiredKeys: [] });

const assignment = fc.record({
  principalId: fc.oneof(fc.uuid(), fc.string()),
  role: fc.oneof(fc.constantFrom('AcrPull', 'AcrPush', 'Reader', 'Owner', 'Contributor', 'Container Registry Repository Reader'), fc.string()),
  scope: fc.string(),
  createdOn: fc.option(fc.date({ noInvalidDate: false }), { nil: undefined }),
  condition: fc.option(fc.string(), { nil: undefined }),
});

export const armTargets: FuzzTarget<any>[] = [
  {
    name: 'ARM registry payload', parser: 'src/core/registry/summary.ts summaryFromArm',
    arbitrary: fc.tuple(fc.oneof(registryJson, hostileJson), fc.option(fc.array(fc.string(), { maxLength: 3 }), { nil: undefined })),
    check([r, replicas]: [unknown, string[] | undefined]) {
      const s = summaryFromArm(r, replicas);
      if (!s) return;
      assert.equal(typeof s.loginServer, 'string'); assert.ok(s.loginServer.length > 0);
      assert.equal(s.loginServer, s.loginServer.toLowerCase());
      assert.equal(typeof s.name, 'string');
      for (const pe of s.privateEndpoints ?? []) { assert.equal(typeof pe.name, 'string'); assert.equal(typeof pe.status, 'string'); }
      for (const k of ['subscriptionId', 'resourceGroup', 'location', 'sku', 'publicNetworkAccess', 'networkDefaultAction'] as const) {
        assert.ok(s[k] === undefined || typeof s[k] === 'string', `${k} is text or absent`);
      }
    },
  },
  {
    name: 'ARM resource id', parser: 'src/core/registry/summary.ts subscriptionIdOf, resourceGroupOf; registry-facts.ts roleNameOf',
    arbitrary: fc.oneof(hostileText(200), fc.array(fc.constantFrom('subscriptions', 'resourceGroups', 'x', '', '..', 'providers', 'roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d', '__proto__', 'constructor', 'toString')).map((p) => '/' + p.join('/'))),
    check(id: string) {
      for (const v of [subscriptionIdOf(id), resourceGroupOf(id)]) assert.ok(v === undefined || typeof v === 'string');
      assert.equal(typeof roleNameOf(id), 'string');
    },
  },
  {
    name: 'role assignments', parser: 'src/core/checks/login/registry-facts.ts analyseRoles',
    arbitrary: fc.tuple(fc.array(assignment, { maxLength: 20 }), fc.oneof(fc.uuid(), fc.string()), fc.boolean(), fc.date({ noInvalidDate: false })),
    check([as, pid, abac, now]: [any[], string, boolean, Date]) {
      const r = analyseRoles(as, pid, abac, now);
      for (const k of ['canPull', 'canPush', 'canReadArm'] as const) assert.equal(typeof r[k], 'boolean');
      if (!abac) assert.equal(r.ignoredByAbac.length, 0);
      assert.ok(r.held.every((a) => a.principalId.toLowerCase() === pid.toLowerCase()));
    },
  },
  {
    name: 'Azure SDK error', parser: 'src/vscode/tree/azureErrorKind.ts classifyAzureError',
    arbitrary: fc.oneof(thrownValue, fc.record({ statusCode: fc.oneof(fc.integer(), fc.jsonValue()), code: fc.jsonValue(), message: hostileText(), details: fc.jsonValue() }, { requiredKeys: [] }).map((o) => Object.assign(new Error('x'), o))),
    check(e: unknown) {
      const r = classifyAzureError(e);
      assert.ok(['signIn', 'forbidden', 'notFound', 'throttled', 'server', 'network', 'cancelled', 'other'].includes(r.kind));
      assert.equal(typeof r.message, 'string');
    },
  },
];
