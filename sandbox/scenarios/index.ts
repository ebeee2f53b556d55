// Every scenario by name. `a+b` composes scenarios (faults of all; the first one's info, the
// others' causes as alsoExpected).
import { DEFAULT_IDS, registryRecord } from '../arm/state';
import type { ScenarioDef } from './types';
import type { RegistryPromise } from '../types';
import { addRole, giveArmReadOnly, removeRoles } from './helpers';
import { healthy } from './healthy';
import { dockerPullScenario, dockerScenarios } from './docker';
import { nameScenarios } from './name';
import { credentialScenarios } from './credentials';
import { authzScenarios } from './authz';
import { expiryScenarios } from './expiry';
import { networkScenarios } from './network';
import { registryNetworkScenarios } from './registry-network';
import { vnetEgressScenarios } from './vnet-egress';
import { advancedScenarios } from './advanced';
import { imageScenarios } from './image';
import { identityScenarios } from './identities';
import { pullerScenarios } from './pullers';
import { clientScenarios } from './client';
import type { CauseId } from '../../src/core/catalogue/index';

/** What `npm start`'s default world shows: the banner is made from it and tests hold it to it. */
const MIXED_SHOWS: RegistryPromise[] = [
  { registry: 'contoso', expectedCause: null, says: 'contoso is healthy' },
  {
    registry: 'fabrikam', expectedCause: 'authz.missing-acrpull', repository: 'hello', operation: 'pull',
    says: 'fabrikam (second tenant): its service principal may read it through ARM but has no pull role; diagnose pulling hello:v1 from it to see the missing AcrPull',
  },
  { registry: 'northwind', expectedCause: 'network.dns-resolution-failed', says: 'northwind exists in ARM but its login server is not in DNS' },
];

const mixed: ScenarioDef = {
  info: {
    name: 'mixed', description: `Several registries: ${MIXED_SHOWS.map((p) => p.says).join('; ')}.`,
    seed: 'none', section: '', expectedCause: null, registry: 'contoso', usesArm: true, shows: MIXED_SHOWS,
  },
  setup(ctx) {
    // fabrikam: the service principal's twin in the second tenant may read it through ARM but not pull.
    const fab = ctx.fabrikam!;
    const twin = ctx.state.servicePrincipals.find((p) => p.appId === ctx.sp.appId && p.tenantId === DEFAULT_IDS.secondTenantId);
    if (twin) {
      removeRoles(ctx, twin.objectId, ['Reader', 'AcrPull', 'AcrPush', 'Owner', 'Contributor']);
      giveArmReadOnly(ctx, fab, twin.objectId);
    }
    // northwind: in ARM, readable by the signed-in principal (so the tree lists it), never in DNS.
    const northwind = registryRecord({ subscriptionId: DEFAULT_IDS.subscriptionId, resourceGroup: DEFAULT_IDS.resourceGroup, name: 'northwind', location: 'westeurope', sku: 'Standard', now: ctx.now });
    ctx.state.registries.push(northwind);
    addRole(ctx, northwind, ctx.sp.objectId, 'Reader');
  },
};

export const SCENARIOS: ScenarioDef[] = [
  healthy, mixed, ...dockerScenarios, dockerPullScenario, ...nameScenarios, ...credentialScenarios, ...authzScenarios,
  ...expiryScenarios, ...networkScenarios, ...registryNetworkScenarios, ...vnetEgressScenarios, ...advancedScenarios, ...imageScenarios, ...identityScenarios,
  ...pullerScenarios,
  ...clientScenarios,
];

const byName = new Map(SCENARIOS.map((s) => [s.info.name, s]));

/** Named combinations worth listing (any `a+b` works). */
export const COMBINATIONS = ['client-proxy-broken+missing-acrpull', 'public-access-disabled+wrong-password', 'dns-missing+docker-version-old'];

export function getScenario(name: string): ScenarioDef | undefined {
  if (!name.includes('+')) return byName.get(name);
  const parts = name.split('+').map((n) => byName.get(n.trim()));
  if (parts.some((p) => !p) || !parts.length) return undefined;
  const defs = parts as ScenarioDef[];
  const also = defs.slice(1).map((d) => d.info.expectedCause).filter((c): c is CauseId => !!c);
  return {
    info: {
      ...defs[0].info, name,
      description: defs.map((d) => d.info.description).join(' + '),
      alsoExpected: [...(defs[0].info.alsoExpected ?? []), ...also],
      usesArm: defs.some((d) => d.info.usesArm),
      operation: defs.map((d) => d.info.operation).find(Boolean),
      image: defs.map((d) => d.info.image).find(Boolean),
      identity: defs.map((d) => d.info.identity).find(Boolean),
      clientProxy: defs.map((d) => d.info.clientProxy).find(Boolean),
    },
    setup(ctx) { for (const d of defs) d.setup(ctx); },
  };
}

export function scenarioNames(): string[] { return [...byName.keys()]; }
