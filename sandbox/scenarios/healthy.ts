import type { ScenarioDef } from './types';

export const healthy: ScenarioDef = {
  info: {
    name: 'healthy', description: 'Everything works: DNS, TLS, login, push and pull through the real dockerd.',
    seed: 'none', section: '', expectedCause: null, registry: 'contoso', usesArm: false,
  },
  setup() { /* the healthy world as built */ },
};
