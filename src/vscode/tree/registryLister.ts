// The tree's one question to Azure: "which registries are in these subscriptions?" — answered by
// core (src/core/azure: one Resource Graph query across subscriptions, falling back to
// registries.list() per subscription). The tree depends on this shape only.
import type { TokenCredential } from '@azure/core-auth';
import type { RegistrySummary } from '../../core/registry/summary';

export interface RegistryListRequest {
  subscriptionIds: string[];
  credential: TokenCredential;
  armEndpoint: string;
  armScope: string;
  signal: AbortSignal;
}

export interface RegistryListResult {
  registries: RegistrySummary[];
  /** Subscriptions that could not be read (the rest still show). */
  failures: { subscriptionId: string; error: unknown }[];
}

export type RegistryLister = (request: RegistryListRequest) => Promise<RegistryListResult>;
