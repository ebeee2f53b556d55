// Every check of the pullers area (the Azure resources that pull from the registry), in report order.
import type { Check } from '../../engine/types';
import { pullersListCheck } from './list';
import { pullersNetworkCheck } from './network';
import { pullersVnetImagePullCheck } from './vnet-image-pull';
import { pullersPrivateDnsCheck } from './private-dns';
import { pullersAdminCheck } from './admin-credentials';
import { pullersIdentityCheck } from './identity';
import { pullersTokensCheck } from './registry-tokens';

export const PULLER_CHECKS: readonly Check[] = [pullersListCheck, pullersNetworkCheck, pullersVnetImagePullCheck, pullersPrivateDnsCheck, pullersAdminCheck, pullersTokensCheck, pullersIdentityCheck] as readonly Check[];
export { PULLERS } from './ids';
