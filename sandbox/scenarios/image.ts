// The image the user names (contoso.azurecr.io/<image>): a repository or tag that is not there.
// The registry holds hello:v1 (seeded at the world's start); each scenario names something else.
import type { ScenarioDef } from './types';

const S = { seed: 'troubleshoot-login', section: 'specify-correct-registry-name', registry: 'contoso', usesArm: true, operation: 'pull' } as const;

export const imageScenarios: ScenarioDef[] = [
  {
    info: { ...S, name: 'image-repository-missing', description: 'The user pulls contoso.azurecr.io/helo:v1 (a typing error): the registry has no repository helo (NAME_UNKNOWN); the identity may pull.', expectedCause: 'image.repository-not-found', image: 'helo:v1' },
    setup() { /* the fault is the name typed */ },
  },
  {
    info: { ...S, name: 'image-tag-missing', description: 'The user pulls contoso.azurecr.io/hello:v2: hello exists with the tag v1 only (MANIFEST_UNKNOWN); v1 is named as the nearest tag.', expectedCause: 'image.tag-not-found', image: 'hello:v2' },
    setup() { /* the fault is the tag typed */ },
  },
  {
    info: { ...S, name: 'image-no-latest', description: 'The user pulls contoso.azurecr.io/hello without a tag: docker asks for :latest, which hello does not have.', expectedCause: 'image.tag-not-found', image: 'hello' },
    setup() { /* no tag given: :latest */ },
  },
];
