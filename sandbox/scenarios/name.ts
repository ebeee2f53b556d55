// troubleshoot-login #specify-correct-registry-name (+ LOGIN_SERVER_ERROR)
import type { ScenarioDef } from './types';

const S = { seed: 'troubleshoot-login', section: 'specify-correct-registry-name', registry: 'contoso', usesArm: false } as const;

export const nameScenarios: ScenarioDef[] = [
  {
    info: { ...S, name: 'name-upper-case', description: 'The user logs in to Contoso.azurecr.io (capitals): docker stores the credential under that key, so pulls of contoso.azurecr.io/… go unauthenticated.', expectedCause: 'name.upper-case', input: 'Contoso.azurecr.io' },
    setup() { /* the fault is in what the user types */ },
  },
  {
    info: { ...S, name: 'name-missing-suffix', description: 'The user types the resource name (contoso) where the login server is needed.', expectedCause: 'name.missing-suffix', input: 'contoso' },
    setup() { /* the fault is in what the user types */ },
  },
  {
    info: { ...S, name: 'name-wrong-cloud-suffix', description: 'The user types contoso.azurecr.cn for a registry in the public cloud.', expectedCause: 'name.wrong-cloud-suffix', input: 'contoso.azurecr.cn' },
    setup() { /* no such name in DNS: the sandbox serves azurecr.io only */ },
  },
  {
    info: { ...S, name: 'name-registry-not-found', description: 'The registry name does not exist (not in ARM, not in DNS).', expectedCause: 'name.registry-not-found', checkHealthCode: 'LOGIN_SERVER_ERROR', input: 'contosoo.azurecr.io', registry: 'contosoo', usesArm: true },
    setup() { /* nothing named contosoo exists */ },
  },
];
