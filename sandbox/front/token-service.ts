// ACR's token service: /oauth2/exchange (Entra access token -> ACR refresh token) and
// /oauth2/token (refresh_token grant, password grant, Basic-auth GET), issuing RS256 JWTs whose
// `access` claim is decided from the ARM simulator's state like ACR decides it.
import * as crypto from 'node:crypto';
import type { Signer } from '../jwt';
import { signJwt, verifyJwt } from '../jwt';
import { verifyAccessToken } from '../arm/entra';
import type { FrontFaults, RegistryContext } from './policy';
import type { RegistryAction } from '../arm/state';
import { checkAdminLogin, checkClientSecret, checkRepositoryToken, effectiveRegistryActions, scopeMapActions } from '../arm/state';

export const EXPOSED_TOKEN_USER = '00000000-0000-0000-0000-000000000000';
export const AUTH_REQUIRED = 'authentication required, visit https://aka.ms/acr/authorization for more information.';
export const REFRESH_TOKEN_LIFETIME_S = 3 * 60 * 60;
const ACCESS_TOKEN_LIFETIME_S = 75 * 60;
const ARM_AUDIENCES = ['https://management.azure.com', 'https://management.azure.com/', 'https://management.core.windows.net/', 'https://management.core.windows.net'];
const ACR_AUDIENCES = ['https://containerregistry.azure.net', 'https://containerregistry.azure.net/'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TokenReply { status: number; body: unknown }
export interface ScopeRequest { type: string; name: string; actions: string[] }
export type Who =
  | { kind: 'admin' }
  | { kind: 'principal'; principalId: string; tenantId?: string }
  | { kind: 'repoToken'; token: string }
  | { kind: 'anonymous' };

export interface TokenServiceDeps {
  signer: Signer;
  faults: () => FrontFaults;
  /** every token handed out is recorded so leak scans can look for it */
  issued: (secret: string) => void;
  now?: () => Date;
}

export const unauthorized = (message = AUTH_REQUIRED): TokenReply =>
  ({ status: 401, body: { errors: [{ code: 'UNAUTHORIZED', message }] } });

export function parseScopes(scopes: string[]): ScopeRequest[] {
  const out: ScopeRequest[] = [];
  for (const raw of scopes.flatMap((s) => s.split(' ')).filter(Boolean)) {
    const first = raw.indexOf(':'); const last = raw.lastIndexOf(':');
    if (first < 0 || last === first) continue;
    out.push({ type: raw.slice(0, first), name: raw.slice(first + 1, last), actions: raw.slice(last + 1).split(',').filter(Boolean) });
  }
  return out;
}

export function tenantOf(ctx: RegistryContext): string {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(ctx.registry.arm.id)?.[1]?.toLowerCase();
  return ctx.state.subscriptions.find((s) => s.subscriptionId.toLowerCase() === sub)?.tenantId ?? ctx.state.tenants[0]?.tenantId ?? '';
}

export class TokenService {
  constructor(private readonly d: TokenServiceDeps) {}

  private now(): Date { return this.d.now ? this.d.now() : new Date(); }

  /** Who a Basic-auth username/password is, or the 401 to answer. */
  authenticateBasic(ctx: RegistryContext, username: string, password: string): Who | TokenReply {
    const reg = ctx.registry;
    if (username === EXPOSED_TOKEN_USER) return this.verifyRefreshToken(ctx, password) ?? unauthorized();
    if (username.toLowerCase() === reg.arm.name.toLowerCase()) {
      return checkAdminLogin(reg, username, password).ok ? { kind: 'admin' } : unauthorized();
    }
    if (reg.tokens.some((t) => t.arm.name === username)) {
      return checkRepositoryToken(reg, username, password, this.now()).ok ? { kind: 'repoToken', token: username } : unauthorized();
    }
    if (GUID.test(username)) {
      // A service principal's app id and secret: ACR asks Entra ID (in the registry's tenant).
      const r = checkClientSecret(ctx.state, tenantOf(ctx), username, password, this.now());
      if (r.ok) return { kind: 'principal', principalId: r.principal.objectId, tenantId: r.principal.tenantId };
      return unauthorized();
    }
    return unauthorized();
  }

  /** The principal of an ACR refresh token this registry issued, if valid and not expired. */
  verifyRefreshToken(ctx: RegistryContext, token: string): Who | undefined {
    const c = verifyJwt(this.d.signer, token);
    if (!c || c.grant_type !== 'refresh_token' || c.aud !== ctx.registry.arm.properties.loginServer) return undefined;
    if (typeof c.exp !== 'number' || c.exp * 1000 <= this.now().getTime()) return undefined;
    return { kind: 'principal', principalId: String(c.sub), tenantId: typeof c.tenant === 'string' ? c.tenant : undefined };
  }

  /** ACR refresh token for a principal (what /oauth2/exchange returns; scenarios seed expired ones). */
  issueRefreshToken(ctx: RegistryContext, principalId: string, tenantId: string, lifetimeS = REFRESH_TOKEN_LIFETIME_S): string {
    const now = Math.floor(this.now().getTime() / 1000);
    const exp = now + lifetimeS;
    const t = signJwt(this.d.signer, {
      jti: crypto.randomUUID(), sub: principalId, tenant: tenantId, grant_type: 'refresh_token',
      iss: 'Azure Container Registry', aud: ctx.registry.arm.properties.loginServer,
      nbf: Math.min(now, exp) - 60, iat: Math.min(now, exp) - 60, exp,
    });
    this.d.issued(t);
    return t;
  }

  private repoActions(ctx: RegistryContext, who: Who, repository: string): RegistryAction[] {
    switch (who.kind) {
      case 'admin': return ['pull', 'push', 'delete'];
      case 'principal': return effectiveRegistryActions(ctx.state, who.principalId, ctx.registry, this.now(), repository).actions;
      case 'repoToken': {
        const t = ctx.registry.tokens.find((x) => x.arm.name === who.token);
        const map = t && ctx.registry.scopeMaps.find((m) => m.id.toLowerCase() === t.arm.properties.scopeMapId.toLowerCase());
        return map ? scopeMapActions(map, repository) : [];
      }
      case 'anonymous': return ctx.registry.arm.properties.anonymousPullEnabled ? ['pull'] : [];
    }
  }

  grantedActions(ctx: RegistryContext, who: Who, scope: ScopeRequest): string[] {
    if (scope.type === 'registry' && scope.name === 'catalog') {
      if (who.kind === 'anonymous' || who.kind === 'repoToken') return [];
      const any = who.kind === 'admin' || effectiveRegistryActions(ctx.state, who.principalId, ctx.registry, this.now()).actions.includes('pull');
      return any ? scope.actions.filter((a) => a === '*') : [];
    }
    if (scope.type !== 'repository') return [];
    const have = this.repoActions(ctx, who, scope.name);
    // ACR grants metadata_read with pull and metadata_write with push (the /acr/v1/ API the Azure SDKs call).
    const implied = (a: string) => (a === 'metadata_read' && have.includes('pull')) || (a === 'metadata_write' && have.includes('push'));
    return scope.actions.filter((a) => (have as string[]).includes(a) || implied(a) || (a === '*' && have.length === 3));
  }

  issueAccessToken(ctx: RegistryContext, who: Who, scopes: ScopeRequest[]): string {
    const now = Math.floor(this.now().getTime() / 1000);
    const ls = ctx.registry.arm.properties.loginServer;
    const sub = who.kind === 'principal' ? who.principalId : who.kind === 'repoToken' ? who.token : who.kind === 'admin' ? ctx.registry.arm.name : '';
    const t = signJwt(this.d.signer, {
      jti: crypto.randomUUID(), sub, iss: ls, aud: ls, nbf: now - 5, iat: now,
      exp: now + ACCESS_TOKEN_LIFETIME_S, grant_type: who.kind === 'anonymous' ? 'anonymous' : 'access_token',
      access: scopes.map((s) => ({ type: s.type, name: s.name, actions: this.grantedActions(ctx, who, s) })),
    });
    this.d.issued(t);
    return t;
  }

  /** Verify an Entra access token with the Entra simulator (signature, lifetime, principal exists). */
  verifyAadToken(ctx: RegistryContext, token: string): { ok: true; principalId: string; tenantId: string; audience: string } | { ok: false; reason: string } {
    const r = verifyAccessToken(ctx.state, token, { now: this.now() });
    if (!r.ok) return { ok: false, reason: r.message };
    return { ok: true, principalId: r.claims.oid, tenantId: r.claims.tid, audience: String(r.claims.aud) };
  }

  /** POST /oauth2/exchange */
  exchange(ctx: RegistryContext, form: URLSearchParams): TokenReply {
    if (this.d.faults().exchangeFails) {
      return { status: 500, body: { errors: [{ code: 'INTERNAL_SERVER_ERROR', message: 'failed to exchange the AAD access token for a registry refresh token' }] } };
    }
    const grant = form.get('grant_type');
    if (grant !== 'access_token' && grant !== 'access_token_refresh_token') {
      return { status: 400, body: { errors: [{ code: 'UNSUPPORTED', message: 'unsupported grant_type' }] } };
    }
    if (form.get('service') !== ctx.registry.arm.properties.loginServer) return unauthorized('invalid service');
    const r = this.verifyAadToken(ctx, form.get('access_token') ?? '');
    if (!r.ok) return unauthorized(`the access token is invalid: ${r.reason}`);
    const armAudDisabled = ctx.registry.arm.properties.policies.azureADAuthenticationAsArmPolicy?.status === 'disabled';
    const audOk = ACR_AUDIENCES.includes(r.audience) || (ARM_AUDIENCES.includes(r.audience) && !armAudDisabled);
    if (!audOk) {
      return unauthorized(armAudDisabled && ARM_AUDIENCES.includes(r.audience)
        ? 'the access token audience https://management.azure.com is not accepted by this registry (azureADAuthenticationAsArmPolicy is disabled); request a token for https://containerregistry.azure.net'
        : `the access token audience '${r.audience}' is not accepted`);
    }
    return { status: 200, body: { refresh_token: this.issueRefreshToken(ctx, r.principalId, form.get('tenant') ?? r.tenantId) } };
  }

  /** POST /oauth2/token */
  tokenPost(ctx: RegistryContext, form: URLSearchParams): TokenReply {
    const scopes = parseScopes(form.getAll('scope'));
    const grant = form.get('grant_type');
    if (grant === 'refresh_token') {
      if (this.d.faults().accessTokenFails) {
        return { status: 500, body: { errors: [{ code: 'INTERNAL_SERVER_ERROR', message: 'failed to issue the registry access token' }] } };
      }
      const who = this.verifyRefreshToken(ctx, form.get('refresh_token') ?? '');
      if (!who) return unauthorized();
      return { status: 200, body: { access_token: this.issueAccessToken(ctx, who, scopes) } };
    }
    if (grant === 'password') {
      const who = this.authenticateBasic(ctx, form.get('username') ?? '', form.get('password') ?? '');
      if ('status' in who) return who;
      return { status: 200, body: { access_token: this.issueAccessToken(ctx, who, scopes) } };
    }
    return { status: 400, body: { errors: [{ code: 'UNSUPPORTED', message: 'unsupported grant_type' }] } };
  }

  /** GET /oauth2/token (Basic auth or anonymous): what `docker login -u -p` uses. */
  tokenGet(ctx: RegistryContext, query: URLSearchParams, authorization: string | undefined): TokenReply {
    const scopes = parseScopes(query.getAll('scope'));
    let who: Who = { kind: 'anonymous' };
    if (authorization?.startsWith('Basic ')) {
      const dec = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
      const i = dec.indexOf(':');
      const r = this.authenticateBasic(ctx, i < 0 ? dec : dec.slice(0, i), i < 0 ? '' : dec.slice(i + 1));
      if ('status' in r) return r;
      who = r;
    } else if (!ctx.registry.arm.properties.anonymousPullEnabled) {
      return unauthorized();
    }
    if (who.kind === 'principal' && this.d.faults().accessTokenFails) {
      return { status: 500, body: { errors: [{ code: 'INTERNAL_SERVER_ERROR', message: 'failed to issue the registry access token' }] } };
    }
    const t = this.issueAccessToken(ctx, who, scopes);
    return { status: 200, body: { token: t, access_token: t } };
  }
}
