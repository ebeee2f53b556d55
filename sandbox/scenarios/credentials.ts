// troubleshoot-login #confirm-credentials-to-access-registry (+ CONNECTIVITY_*_TOKEN_ERROR)
import { newSecret } from '../arm/state';
import { basicAuth, type ScenarioDef } from './types';

const S = { seed: 'troubleshoot-login', section: 'confirm-credentials-to-access-registry', registry: 'contoso' } as const;

export const credentialScenarios: ScenarioDef[] = [
  {
    info: { ...S, name: 'wrong-password', description: 'docker login with the admin user and a wrong password.', expectedCause: 'credentials.invalid', usesArm: false },
    setup(ctx) {
      ctx.contoso.arm.properties.adminUserEnabled = true;
      ctx.credentials = { kind: 'admin', username: 'contoso', password: newSecret() };
    },
  },
  {
    info: { ...S, name: 'admin-disabled', description: 'docker login with the admin user\'s (right) password while the admin user is disabled.', expectedCause: 'credentials.admin-user-disabled', usesArm: true },
    setup(ctx) {
      ctx.contoso.arm.properties.adminUserEnabled = false;
      ctx.credentials = { kind: 'admin', username: 'contoso', password: ctx.contoso.adminPasswords.password };
    },
  },
  {
    info: { ...S, name: 'sp-wrong-secret', description: 'docker login with the service principal\'s app id and a wrong secret.', expectedCause: 'credentials.service-principal-invalid', usesArm: true },
    setup(ctx) { ctx.credentials = { kind: 'servicePrincipal', username: ctx.sp.appId, password: newSecret() }; },
  },
  {
    info: { ...S, name: 'exposed-token-username', description: 'docker login with an `az acr login --expose-token` token but a username other than 00000000-0000-0000-0000-000000000000.', expectedCause: 'credentials.exposed-token-username', usesArm: false },
    setup(ctx) {
      ctx.credentials = { kind: 'exposedToken', username: 'contoso', password: ctx.refreshToken(ctx.contoso, ctx.sp.objectId, 3 * 3600) };
    },
  },
  {
    info: { ...S, name: 'stale-credential-anonymous-pull', description: 'Anonymous pull is enabled but docker sends a stale stored credential for the registry, which blocks the anonymous pull (seed: docker logout).', expectedCause: 'credentials.anonymous-pull-blocked', usesArm: false, operation: 'pull' },
    setup(ctx) {
      ctx.contoso.arm.properties.anonymousPullEnabled = true;
      ctx.dockerConfig = { auths: { 'contoso.azurecr.io': { auth: basicAuth('contoso', 'an-old-password-0000') } } };
    },
  },
  {
    info: { ...S, name: 'anonymous-pull-disabled', description: 'A logged-out pull from a registry without anonymous pull.', expectedCause: 'credentials.anonymous-pull-disabled', usesArm: false, operation: 'pull' },
    setup(ctx) { ctx.contoso.arm.properties.anonymousPullEnabled = false; },
  },
  {
    info: { ...S, name: 'aad-exchange-failed', description: 'POST /oauth2/exchange fails (500): no ACR refresh token for the Entra token.', expectedCause: 'credentials.aad-exchange-failed', checkHealthCode: 'CONNECTIVITY_REFRESH_TOKEN_ERROR', usesArm: true },
    setup(ctx) { ctx.faults.contoso = { exchangeFails: true }; },
  },
  {
    info: { ...S, name: 'access-token-failed', description: 'POST /oauth2/token with the ACR refresh token fails (500).', expectedCause: 'credentials.access-token-failed', checkHealthCode: 'CONNECTIVITY_ACCESS_TOKEN_ERROR', usesArm: true },
    setup(ctx) { ctx.faults.contoso = { accessTokenFails: true }; },
  },
  {
    info: { ...S, name: 'aad-audience-policy-disabled', description: 'azureADAuthenticationAsArmPolicy is disabled: Entra tokens for ARM are refused by /oauth2/exchange.', expectedCause: 'credentials.aad-audience-rejected', usesArm: true },
    setup(ctx) { ctx.contoso.arm.properties.policies.azureADAuthenticationAsArmPolicy = { status: 'disabled' }; },
  },
];
