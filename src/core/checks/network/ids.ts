// Network check ids (the login checks wait for NET.challenge, see checks/login/check-ids.ts).
import { checkKey } from '../../engine/types';
import type { ChallengeData } from '../challenge-data';
import type { DnsData, TcpData } from './client-path';
import type { NetworkArmFacts } from './registry-network-facts';
export const NET = {
  proxy: checkKey('net.proxy'),
  dns: checkKey<DnsData>('net.dns'),
  tcp: checkKey<TcpData>('net.tcp'),
  tls: checkKey('net.tls'),
  challenge: checkKey<ChallengeData>('net.challenge'),
  registryFirewall: checkKey('net.registry-firewall'),
  blobRedirect: checkKey('net.blob-redirect'),
  dataEndpoints: checkKey('net.data-endpoints'),
  daemonProxy: checkKey('net.daemon-proxy'),
  arm: checkKey<NetworkArmFacts>('net.arm'),
  armPublicAccess: checkKey('net.arm.public-access'),
  armNetworkRules: checkKey('net.arm.network-rules'),
  armPrivateEndpoints: checkKey('net.arm.private-endpoints'),
  armServiceEndpoints: checkKey('net.arm.service-endpoints'),
  armTrustedServices: checkKey('net.arm.trusted-services'),
  armSku: checkKey('net.arm.sku'),
  armEncryption: checkKey('net.arm.encryption'),
  armClientEgress: checkKey('net.arm.client-egress'),
  armAksEgress: checkKey('net.arm.aks-egress'),
  armBastion: checkKey('net.arm.bastion'),
};
