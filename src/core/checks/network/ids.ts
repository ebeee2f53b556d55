// Network check ids (the login checks wait for NET.challenge, see checks/login/shared.ts).
export const NET = {
  proxy: 'net.proxy',
  dns: 'net.dns',
  tcp: 'net.tcp',
  tls: 'net.tls',
  challenge: 'net.challenge',
  blobRedirect: 'net.blob-redirect',
  dataEndpoints: 'net.data-endpoints',
  daemonProxy: 'net.daemon-proxy',
  arm: 'net.arm',
  armPublicAccess: 'net.arm.public-access',
  armNetworkRules: 'net.arm.network-rules',
  armPrivateEndpoints: 'net.arm.private-endpoints',
  armServiceEndpoints: 'net.arm.service-endpoints',
  armTrustedServices: 'net.arm.trusted-services',
  armSku: 'net.arm.sku',
  armEncryption: 'net.arm.encryption',
} as const;
