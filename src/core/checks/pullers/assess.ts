// Everything that pulls from a registry, judged: the Resource Graph listing, the reads it leaves
// out (bounded: thousands of apps are listed, a few hundred read further), the role assignments
// of each managed identity, the private DNS zones — then verdicts.ts. The checks of this folder
// share one assessment per run; the tree's "Pulled by" node and the CLI's --pulled-by use it too.
import { AzureAccessError, toAzureError } from '../../azure/errors';
import type { ArmAccess } from '../../azure/connection';
import { fetchRegistryView, type ArmRegistryView, type RegistryRef } from '../../azure/registry-view';
import { listPullers, findPuller, type Puller } from '../../azure/pullers';
import { listRegistryPullers } from '../../azure/registry-pullers';
import { listAksPullers, type AksListing } from '../../azure/aks-pullers';
import { expandSiteContainers, mayHaveSiteContainers } from '../../azure/site-containers';
import { readPullerDetails, readRegistryDnsZones, type PullerDetails, type PrivateDnsZoneLinks } from '../../azure/puller-details';
import { listRoleAssignments } from '../../azure/role-assignments';
import type { RoleAssignmentFacts } from '../login/registry-facts';
import { judgePuller, type PullRegistryFacts, type PullerVerdict } from './verdicts';

/** Pullers read further (config, identity, roles) per assessment; the rest are listed unjudged. */
export const PULLERS_JUDGED_MAX = 200;

export interface PullerAssessment {
  registry: PullRegistryFacts;
  verdicts: PullerVerdict[];
  /** Listed but not judged (beyond PULLERS_JUDGED_MAX). */
  unjudged: Puller[];
  /** More resources reference the registry than were listed. */
  truncated: boolean;
  totalRecords?: number;
  skipped: number;
  gaps: string[];
}

export function pullRegistryFacts(v: ArmRegistryView): PullRegistryFacts {
  return {
    id: v.id, name: v.name, loginServer: v.loginServer, resourceGroup: v.resourceGroup,
    adminUserEnabled: v.adminUserEnabled, anonymousPullEnabled: v.anonymousPullEnabled, roleAssignmentMode: v.roleAssignmentMode,
    publicNetworkAccess: v.publicNetworkAccess, defaultAction: v.defaultAction, ipRules: v.ipRules, networkRuleBypassOptions: v.networkRuleBypassOptions,
    approvedPrivateEndpoints: v.privateEndpointConnections.filter((c) => c.status === 'Approved').length,
    ...(v.gaps.some((g) => g.part === 'tokens') ? {} : { tokens: v.tokens.map((t) => ({ id: t.id, name: t.name, status: t.status })) }),
  };
}

async function pool<T, R>(items: T[], width: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]);
  }));
  return out;
}

async function rolesOf(azure: ArmAccess, registryId: string, principalId: string, signal?: AbortSignal): Promise<RoleAssignmentFacts[] | undefined> {
  try {
    return (await listRoleAssignments(azure, registryId, { principalId, signal })).map((a) => ({
      principalId: a.principalId, principalType: a.principalType, role: a.roleName, scope: a.scope, createdOn: a.createdOn, condition: a.condition,
    }));
  } catch (e) {
    if (toAzureError(e, 'list role assignments').kind === 'cancelled') throw e;
    return undefined;
  }
}

/** Each Linux site among the first `max` pullers as its site containers on this registry (site-containers.ts); the rest as listed. */
async function expandSites(azure: ArmAccess, pullers: Puller[], registry: { loginServer: string; name: string }, max: number, signal?: AbortSignal): Promise<Puller[]> {
  const head = pullers.slice(0, max);
  const rows = await pool(head, 6, (p) => (mayHaveSiteContainers(p) ? expandSiteContainers(azure, p, registry, signal) : Promise.resolve([p])));
  return [...rows.flat(), ...pullers.slice(max)];
}

/**
 * Assess the registry's pullers (or only `named`, a name or resource id). Throws AzureAccessError
 * when the registry or Resource Graph cannot be read; everything later is a gap, never a throw.
 */
export async function assessPullers(azure: ArmAccess, registry: string | RegistryRef, opts: { named?: string; signal?: AbortSignal; now?: Date; maxRows?: number; judgedMax?: number; aksListing?: () => Promise<AksListing> } = {}): Promise<PullerAssessment> {
  const view = await fetchRegistryView(azure, registry, opts.signal);
  if (!view) throw new AzureAccessError('not-found', `The registry ${typeof registry === 'string' ? registry : registry.name} is not among those this Azure sign-in can see.`, 'find the registry');
  const facts = pullRegistryFacts(view);
  // AKS clusters reference no registry in their properties (AcrPull on the kubelet identity attaches
  // one): every cluster of the registry's subscription is listed and its kubelet identity judged.
  const [listed, own, aks] = await Promise.all([
    listPullers(azure, view, { signal: opts.signal, maxRows: opts.maxRows }),
    listRegistryPullers(azure, view, opts.signal),
    listAksPullers(azure, [view.subscriptionId], opts.signal, opts.aksListing),
  ]);
  const max = opts.judgedMax ?? PULLERS_JUDGED_MAX;
  let pullers = [...listed.pullers, ...own.pullers, ...aks.pullers];
  if (opts.named) {
    // A sidecar is named site/container (or by its resource id below the site's): only its site's containers are read.
    const n = opts.named.trim().toLowerCase();
    pullers = pullers.filter((p) => !mayHaveSiteContainers(p) || p.name.toLowerCase() === n.split('/')[0] || n === p.id.toLowerCase() || n.startsWith(`${p.id.toLowerCase()}/sitecontainers/`));
  }
  pullers = await expandSites(azure, pullers, view, max, opts.signal);
  if (opts.named) {
    const one = findPuller(pullers, opts.named);
    pullers = one ? [one] : [];
  }
  const judged = pullers.slice(0, max);
  const details: PullerDetails[] = await pool(judged, 6, (p) => readPullerDetails(azure, p, view.name, opts.signal));
  const needsDns = facts.approvedPrivateEndpoints > 0 && details.some((d) => d.network.subnetIds.length);
  let dns: { zones: PrivateDnsZoneLinks[]; read: boolean } = { zones: [], read: false };
  const gaps: string[] = [...own.gaps, ...aks.gaps];
  if (needsDns) {
    const subs = [view.subscriptionId, ...details.map((d) => d.subscriptionId)];
    const r = await readRegistryDnsZones(azure, subs, view.loginServer, opts.signal);
    dns = { zones: r.zones, read: r.gaps.length === 0 || r.zones.length > 0 };
    gaps.push(...r.gaps);
  }
  const roles = await pool(details, 6, (d) => (d.principalId ? rolesOf(azure, view.id, d.principalId, opts.signal) : Promise.resolve(undefined)));
  const now = opts.now ?? new Date();
  return {
    registry: facts,
    verdicts: details.map((d, i) => judgePuller(d, facts, roles[i], dns, now)),
    unjudged: pullers.slice(max),
    truncated: listed.truncated, skipped: listed.skipped, gaps,
    ...(listed.totalRecords !== undefined ? { totalRecords: listed.totalRecords } : {}),
  };
}
