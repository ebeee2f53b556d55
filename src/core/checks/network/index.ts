// Every network check, in report order. TLS follows the proxy check when the client uses a
// proxy for the login server, else the TCP check: pick the set per environment.
import type { Check } from '../../engine/types';
import type { DiagnoseEnvironment } from '../../engine/environment';
import type { RegistryTarget } from '../../registry/target';
import { proxyCheck, dnsCheck, tcpCheck, tlsCheck, clientUsesProxy, withPathNeeds } from './client-path';
import { challengeCheck, registryFirewallCheck } from './challenge';
import { blobRedirectCheck, dataEndpointsCheck } from './data-path';
import { daemonProxyCheck } from './daemon-proxy';
import { aksEgressCheck, bastionCheck, clientEgressCheck } from './vnet-egress';
import { armCheck, publicAccessCheck, networkRulesCheck, privateEndpointsCheck, serviceEndpointsCheck, trustedServicesCheck, skuCheck, encryptionCheck } from './arm-checks';

export { NET } from './ids';

export function networkChecks(target: RegistryTarget, env: DiagnoseEnvironment): Check[] {
  const viaProxy = clientUsesProxy(target, env);
  return [
    proxyCheck, dnsCheck, tcpCheck, withPathNeeds(tlsCheck, viaProxy), challengeCheck, registryFirewallCheck,
    blobRedirectCheck, dataEndpointsCheck, daemonProxyCheck,
    armCheck, publicAccessCheck, networkRulesCheck, privateEndpointsCheck, serviceEndpointsCheck,
    trustedServicesCheck, skuCheck, encryptionCheck, clientEgressCheck, aksEgressCheck, bastionCheck,
  ];
}
