// Which subscriptions a principal sees: ARM lists one when the principal (or a group it is in)
// holds some role at, above or inside it. Shared by the ARM routes and Resource Graph.
import { principalAndGroups } from './groups';
import { scopeCovers, type ArmState } from './state';

// ---------------------------------------------------------------- visibility helpers

/** ARM lists a subscription when the principal holds some role at, above or inside it. */
export function canSeeSubscription(state: ArmState, principalId: string, subscriptionId: string, _now: Date): boolean {
  return visibleSubscriptions(state, principalId)(subscriptionId);
}

/** Prepared form of canSeeSubscription for many subscriptions. */
export function visibleSubscriptions(state: ArmState, principalId: string): (subscriptionId: string) => boolean {
  const ids = principalAndGroups(state, principalId); // roles through groups count, as in ARM
  const scopes = state.roleAssignments.filter((a) => ids.has(a.properties.principalId.toLowerCase())).map((a) => a.properties.scope);
  return (subscriptionId) => {
    const subScope = `/subscriptions/${subscriptionId}`;
    return scopes.some((sc) => scopeCovers(sc, subScope) || scopeCovers(subScope, sc));
  };
}
