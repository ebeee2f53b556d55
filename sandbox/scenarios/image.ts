// The image the user names (contoso.azurecr.io/<image>): a repository or tag that is not there.
// The registry holds hello:v1 (seeded at the world's start); each scenario names something else.
import { IP } from '../addresses';
import { addRole, removeRoles } from './helpers';
import type { ScenarioContext, ScenarioDef } from './types';

/** The client holds the repository token ci-token (pull on hello) and gives it as --identity token:ci-token. */
function useCiToken(ctx: ScenarioContext): void {
  const t = ctx.contoso.tokens.find((x) => x.arm.name === 'ci-token')!;
  ctx.credentials = { kind: 'repositoryToken', username: 'ci-token', password: t.passwordValues.password1! };
}

const PUSH = { seed: 'troubleshoot-login', section: 'confirm-credentials-are-authorized-to-access-registry', registry: 'contoso', usesArm: true, operation: 'push', image: 'hello:v1' } as const;

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
  {
    // Without a named image the blob probe had to list a repository first, which a repository
    // token may not (no catalog), and without Azure the data endpoints are not known from ARM.
    info: {
      seed: 'troubleshoot-network', section: 'configure-client-firewall-access', registry: 'contoso', usesArm: false, noAzure: true, operation: 'pull',
      name: 'image-data-endpoint-blocked', description: 'A CI job pulls contoso.azurecr.io/hello:v1 with the repository token ci-token and no Azure sign-in; the client firewall drops the data endpoint contoso.westeurope.data.azurecr.io: found by fetching a layer of hello:v1 through the redirect.',
      expectedCause: 'network.data-endpoint-blocked', image: 'hello:v1', identity: 'token:ci-token',
    },
    setup(ctx) {
      useCiToken(ctx);
      ctx.nft.push({ kind: 'drop', address: IP.contosoDataWeu });
    },
  },
  {
    info: { ...PUSH, name: 'image-repository-locked', description: 'The service principal (AcrPush) pushes contoso.azurecr.io/hello:v1, but the repository hello is locked (az acr repository update --write-enabled false): the registry refuses uploads with 405 DENIED.', expectedCause: 'image.locked' },
    setup(ctx) { ctx.contoso.locks = { hello: { writeEnabled: false } }; },
  },
  {
    info: { ...PUSH, name: 'image-tag-locked', description: 'The service principal (AcrPush) pushes contoso.azurecr.io/hello:v1 again, but the tag hello:v1 is locked (writeEnabled false): the manifest PUT would be refused; other tags may be pushed.', expectedCause: 'image.locked' },
    setup(ctx) { ctx.contoso.locks = { 'hello:v1': { writeEnabled: false, deleteEnabled: false } }; },
  },
  {
    info: { ...PUSH, name: 'image-push-pull-only', description: 'The service principal holds AcrPull (and Reader) only and pushes contoso.azurecr.io/hello:v1: the token grants pull, not push.', expectedCause: 'authz.missing-acrpush' },
    setup(ctx) {
      removeRoles(ctx, ctx.sp.objectId, ['AcrPush', 'Owner', 'Contributor']);
      addRole(ctx, ctx.contoso, ctx.sp.objectId, 'AcrPull');
    },
  },
  {
    info: { ...PUSH, name: 'image-upload-refused', description: 'The service principal (AcrPush) pushes contoso.azurecr.io/hello:v1; its token grants push, but the registry refuses to start the blob upload (403 DENIED: storage quota exceeded).', expectedCause: 'image.upload-refused' },
    setup(ctx) { ctx.faults.contoso = { ...ctx.faults.contoso, refuseUploads: 'storage quota exceeded: the registry has used its included storage' }; },
  },
  {
    info: { ...S, section: 'check-docker-configuration', name: 'image-platform-missing', description: 'The user pulls contoso.azurecr.io/multi:v1, a multi-platform image (pushed through the registry API) for linux/arm64/v8 and linux/arm/v7 only; the Docker daemon runs linux/amd64: no matching manifest.', expectedCause: 'image.platform-missing', image: 'multi:v1' },
    setup() { /* multi:v1 is pushed when the world starts */ },
  },
];
