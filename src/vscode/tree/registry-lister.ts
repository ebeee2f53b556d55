// The tree's one question to Azure: "which registries are in these subscriptions?" — answered by
// core (coreRegistryLister). The tree depends on this shape only.
import type { ArmAccess } from '../../core/azure/connection';
import type { RegistrySummary } from '../../core/registry/summary';

export interface RegistryListRequest {
  subscriptionIds: string[];
  access: ArmAccess;
  signal: AbortSignal;
}

export interface RegistryListResult {
  registries: RegistrySummary[];
  /** Subscriptions that could not be read (the rest still show). */
  failures: { subscriptionId: string; error: unknown }[];
  /** How they were listed, for the log (e.g. 'resource-graph', 'per-subscription'). */
  source?: string;
  /** Why the preferred way was not used, for the log. */
  note?: string;
}

export type RegistryLister = (request: RegistryListRequest) => Promise<RegistryListResult>;
