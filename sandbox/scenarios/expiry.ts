// troubleshoot-login #check-that-credentials-arent-expired
import { EXPOSED_TOKEN_USER } from '../front/token-service';
import { basicAuth, type ScenarioDef } from './types';

const S = { seed: 'troubleshoot-login', section: 'check-that-credentials-arent-expired', registry: 'contoso' } as const;

export const expiryScenarios: ScenarioDef[] = [
  {
    info: { ...S, name: 'aad-token-expired', description: 'Docker holds an ACR refresh token (from az acr login) that expired an hour ago.', expectedCause: 'expiry.aad-token-expired', usesArm: false, operation: 'pull' },
    setup(ctx) {
      const expired = ctx.refreshToken(ctx.contoso, ctx.sp.objectId, -3600);
      ctx.dockerConfig = { auths: { 'contoso.azurecr.io': { auth: basicAuth(EXPOSED_TOKEN_USER, ''), identitytoken: expired } } };
    },
  },
  {
    info: { ...S, name: 'sp-secret-expired', description: 'The service principal\'s client secret expired yesterday (Entra: AADSTS7000222).', expectedCause: 'expiry.service-principal-secret', usesArm: true },
    setup(ctx) {
      for (const s of ctx.sp.secrets) s.endDateTime = new Date(ctx.now.getTime() - 24 * 3600 * 1000).toISOString();
      ctx.credentials = { kind: 'servicePrincipal', username: ctx.sp.appId, password: ctx.sp.secrets[0].value };
    },
  },
  {
    info: { ...S, name: 'repo-token-password-expired', description: 'The repository token ci-token\'s password expired yesterday.', expectedCause: 'expiry.repository-token-password', usesArm: true, operation: 'pull' },
    setup(ctx) {
      const t = ctx.contoso.tokens.find((x) => x.arm.name === 'ci-token')!;
      for (const p of t.arm.properties.credentials.passwords) p.expiry = new Date(ctx.now.getTime() - 24 * 3600 * 1000).toISOString();
      ctx.credentials = { kind: 'repositoryToken', username: 'ci-token', password: t.passwordValues.password1! };
    },
  },
  {
    info: { ...S, name: 'repo-token-disabled', description: 'The repository token ci-token is disabled.', expectedCause: 'expiry.repository-token-disabled', usesArm: true, operation: 'pull' },
    setup(ctx) {
      const t = ctx.contoso.tokens.find((x) => x.arm.name === 'ci-token')!;
      t.arm.properties.status = 'disabled';
      ctx.credentials = { kind: 'repositoryToken', username: 'ci-token', password: t.passwordValues.password1! };
    },
  },
];
