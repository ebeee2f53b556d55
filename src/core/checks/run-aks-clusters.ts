// The AKS clusters the account sees, listed once per diagnosis: the kubelet-identity check, the
// node-subnet egress check and the pullers each read them, and share this one listing (ctx.shared).
import { AKS_CLUSTERS_RUN_KEY, listAksClusters } from '../azure/aks';
import type { ArmAccess } from '../azure/connection';
import { sharedWork } from '../engine/context';
import type { CheckContext } from '../engine/types';

export function runAksClusters(ctx: CheckContext, azure: ArmAccess): ReturnType<typeof listAksClusters> {
  return sharedWork(ctx, AKS_CLUSTERS_RUN_KEY, (signal) => listAksClusters(azure, { signal }));
}
