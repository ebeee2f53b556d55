// Scale mode: thousands of deep-frozen registries, and how a write thaws one.
import type { ArmState, RegistryRecord } from './arm-json';
import { days, providersFor, registryRecord, resourceGroupJson, roleAssignment, subscriptionJson } from './builders';
import { DEFAULT_IDS } from './default-world';

/**
 * Resources frozen all the way down, so the simulator may cache answers built from them by
 * identity (Resource Graph's scale payload). A simulator write to a frozen registry thaws it first
 * (thawRegistry); a test that mutates one in place gets a TypeError instead of a stale answer.
 */
// A global symbol, not a module's WeakSet: the bench's loader may load this module twice (the
// scale registries made by one copy, served by the other's simulator). Not enumerable, so JSON,
// spreads and structuredClone (a thawed copy) leave it out.
const DEEP_FROZEN = Symbol.for('acr-doctor.sandbox.deep-frozen');

export function freezeDeep<T extends object>(o: T): T {
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object' || Object.isFrozen(v)) return;
    Object.freeze(v);
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k]);
  };
  if (!Object.isFrozen(o)) Object.defineProperty(o, DEEP_FROZEN, { value: true });
  walk(o);
  return o;
}

export function isDeepFrozen(o: object): boolean {
  return (o as { [DEEP_FROZEN]?: boolean })[DEEP_FROZEN] === true;
}

/** Make a (scale mode) frozen registry writable again: fresh copies, new identities. */
export function thawRegistry(reg: RegistryRecord): void {
  if (Object.isFrozen(reg.arm)) reg.arm = structuredClone(reg.arm);
  if (reg.replications.some((r) => Object.isFrozen(r))) reg.replications = reg.replications.map((r) => structuredClone(r));
}

/**
 * Scale mode: `subscriptions` × `perSubscription` Standard registries (default 100 × 100 = 10 000)
 * in the first tenant, each readable by the default service principal (Reader on the subscription).
 * Their ARM objects are frozen (freezeDeep), so Resource Graph can serve them from its cache.
 */
export function addScaleRegistries(state: ArmState, opts: { subscriptions?: number; perSubscription?: number; principalId?: string; tenantId?: string; now?: Date } = {}): void {
  const nSubs = opts.subscriptions ?? 100;
  const per = opts.perSubscription ?? 100;
  const tenantId = opts.tenantId ?? state.tenants[0]?.tenantId ?? DEFAULT_IDS.tenantId;
  const principalId = opts.principalId ?? DEFAULT_IDS.spObjectId;
  const now = opts.now ?? new Date();
  const regions = ['westeurope', 'northeurope', 'eastus', 'westus2', 'southeastasia'];
  for (let i = 0; i < nSubs; i++) {
    const subId = `00000000-5ca1-4000-8000-${String(i).padStart(12, '0')}`;
    state.subscriptions.push(subscriptionJson(subId, tenantId, `Scale ${String(i).padStart(3, '0')}`));
    state.resourceGroups.push(resourceGroupJson(subId, 'scale-rg', regions[i % regions.length]));
    state.providers[subId] = providersFor(subId);
    state.roleAssignments.push(roleAssignment({ scope: `/subscriptions/${subId}`, role: 'Reader', principalId, subscriptionId: subId, createdOn: new Date(now.getTime() - days(30)) }));
    for (let j = 0; j < per; j++) {
      const name = `scale${String(i).padStart(3, '0')}r${String(j).padStart(3, '0')}`;
      const rec = registryRecord({ subscriptionId: subId, resourceGroup: 'scale-rg', name, location: regions[(i + j) % regions.length], sku: 'Standard', now });
      rec.adminPasswords = { password: '', password2: '' }; // unused; keeps 10 000 records light
      freezeDeep(rec.arm);
      rec.replications.forEach(freezeDeep);
      state.registries.push(rec);
    }
  }
}
