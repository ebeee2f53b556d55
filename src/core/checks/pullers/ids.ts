// Check ids of the pullers area: the Azure resources that pull from the registry, and whether they can.
import { checkKey } from '../../engine/types';
import type { PullerAssessment } from './assess';
export const PULLERS = {
  list: checkKey<PullerAssessment>('pullers.list'),
  identity: checkKey('pullers.identity'),
  adminCredentials: checkKey('pullers.admin-credentials'),
  network: checkKey('pullers.network'),
  vnetImagePull: checkKey('pullers.vnet-image-pull'),
  privateDns: checkKey('pullers.private-dns'),
  tokens: checkKey('pullers.tokens'),
};
