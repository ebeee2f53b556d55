// The Entra ID (AAD) part of the simulator: OpenID discovery, JWKS and the v2.0 token endpoint
// for client_credentials with a client secret — the two requests the real @azure/identity
// ClientSecretCredential makes (see test-infra.md) — plus signing and verifying the access
// tokens it issues, so the ARM server and the sandbox's ACR front (/oauth2/exchange) can check them.
import { constants, createPublicKey, randomUUID, verify } from 'node:crypto';
import { decodeJwt, jwtParts, signRs256, verifyRs256 } from '../jwt';
import { checkClientSecret, findServicePrincipal, type ArmState } from './state';

/** Audiences (resource ids) the simulator issues tokens for, by the scope a client asks. */
export const ARM_AUDIENCES = ['https://management.azure.com', 'https://management.azure.com/', 'https://management.core.windows.net', 'https://management.core.windows.net/'];
export const ACR_AUDIENCE = 'https://containerregistry.azure.net';

export interface AccessTokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  appid: string;
  appidacr: string;
  idtyp: 'app';
  oid: string;
  sub: string;
  tid: string;
  ver: '1.0';
  uti: string;
  [k: string]: unknown;
}

export type VerifyResult =
  | { ok: true; claims: AccessTokenClaims }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'wrong-audience' | 'unknown-principal'; message: string; claims?: AccessTokenClaims };

export function issuerFor(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

export function signAccessToken(state: ArmState, claims: AccessTokenClaims): string {
  return signRs256({ typ: 'JWT', alg: 'RS256', kid: state.signingKey.kid, x5t: state.signingKey.kid }, claims, state.signingKey.privateKeyPem);
}

/** Decode without verifying (for messages); undefined for anything that is not a JWT. */
export function decodeAccessToken(token: string): AccessTokenClaims | undefined {
  return decodeJwt(token) as AccessTokenClaims | undefined;
}

/**
 * Check a token this simulator issued: signature (RS256, our key), lifetime, audience
 * (`audiences` given: one must match, trailing slash ignored) and that its principal still exists.
 */
export function verifyAccessToken(state: ArmState, token: string, opts: { audiences?: string[]; now?: Date } = {}): VerifyResult {
  const parts = token.split('.');
  const claims = decodeAccessToken(token);
  if (parts.length !== 3 || !claims || typeof claims.exp !== 'number' || typeof claims.tid !== 'string' || typeof claims.oid !== 'string') {
    return { ok: false, reason: 'malformed', message: 'The access token is not a well-formed JWT.' };
  }
  const good = verifyRs256(token, state.signingKey.publicKeyPem);
  if (!good) return { ok: false, reason: 'bad-signature', message: 'The access token signature is invalid.', claims };
  const nowS = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (claims.exp <= nowS) {
    return { ok: false, reason: 'expired', message: `The access token expiry UTC time '${new Date(claims.exp * 1000).toISOString()}' is earlier than current UTC time '${new Date(nowS * 1000).toISOString()}'.`, claims };
  }
  if (typeof claims.nbf === 'number' && claims.nbf > nowS + 300) {
    return { ok: false, reason: 'not-yet-valid', message: 'The access token is not yet valid.', claims };
  }
  if (opts.audiences) {
    const norm = (a: string) => a.replace(/\/+$/, '').toLowerCase();
    if (!opts.audiences.some((a) => norm(a) === norm(String(claims.aud)))) {
      return { ok: false, reason: 'wrong-audience', message: `The access token has been obtained for wrong audience or resource '${String(claims.aud)}'. It should exactly match with one of the allowed audiences ${opts.audiences.map((a) => `'${a}'`).join(',')}.`, claims };
    }
  }
  if (!state.servicePrincipals.some((p) => p.objectId === claims.oid && p.tenantId === claims.tid)) {
    return { ok: false, reason: 'unknown-principal', message: `The principal '${claims.oid}' no longer exists in tenant '${claims.tid}'.`, claims };
  }
  return { ok: true, claims };
}

/**
 * The shape the sandbox's ACR front asks for (structurally its `IdentityOracle`): an AAD access
 * token (ARM audience, or containerregistry.azure.net) and a service principal's client secret.
 */
export function identityOracle(state: ArmState, now: () => Date = () => new Date()) {
  return {
    async verifyAccessToken(token: string): Promise<{ ok: true; principalId: string; tenantId: string; audience?: string } | { ok: false; reason: string }> {
      const r = verifyAccessToken(state, token, { audiences: [...ARM_AUDIENCES, ACR_AUDIENCE], now: now() });
      return r.ok ? { ok: true, principalId: r.claims.oid, tenantId: r.claims.tid, audience: r.claims.aud } : { ok: false, reason: r.message };
    },
    async verifyClientSecret(clientId: string, secret: string): Promise<{ ok: true; principalId: string; tenantId: string } | { ok: false; reason: string }> {
      // ACR looks the app up in every tenant; the first SP with that app id decides.
      const sp = state.servicePrincipals.find((p) => p.appId.toLowerCase() === clientId.toLowerCase() && p.kind === 'application');
      if (!sp) return { ok: false, reason: `Application with identifier '${clientId}' was not found.` };
      const r = checkClientSecret(state, sp.tenantId, clientId, secret, now());
      return r.ok ? { ok: true, principalId: r.principal.objectId, tenantId: r.principal.tenantId } : { ok: false, reason: `${r.code}: ${r.message}` };
    },
  };
}

// ---------------------------------------------------------------- HTTP endpoints

export interface EntraRequest {
  method: string;
  path: string;                  // without query
  host: string;                  // Host header (authority of the URLs we hand out)
  body: string;
  /** Query string (instance discovery reads `authorization_endpoint` from it). */
  query?: URLSearchParams;
}

export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

function resolveTenant(state: ArmState, t: string) {
  const l = t.toLowerCase();
  return state.tenants.find((x) => x.tenantId.toLowerCase() === l || x.domains.some((d) => d.toLowerCase() === l));
}

function aadError(status: number, error: string, code: number, description: string): HttpAnswer {
  const trace = randomUUID();
  const corr = randomUUID();
  const ts = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': trace },
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${trace} Correlation ID: ${corr} Timestamp: ${ts}`,
      error_codes: [code],
      timestamp: ts,
      trace_id: trace,
      correlation_id: corr,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

export function openIdConfiguration(host: string, tenantId: string): Record<string, unknown> {
  const base = `https://${host}/${tenantId}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `https://${host}/${tenantId}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `https://${host}/${tenantId}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `https://${host}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

function jwks(state: ArmState): Record<string, unknown> {
  const jwk = createPublicKey(state.signingKey.publicKeyPem).export({ format: 'jwk' }) as { n: string; e: string };
  return { keys: [{ kty: 'RSA', use: 'sig', kid: state.signingKey.kid, x5t: state.signingKey.kid, n: jwk.n, e: jwk.e }] };
}

/** `https://management.azure.com/.default` -> `https://management.azure.com`; undefined when not a .default scope. */
export function resourceOfScope(scope: string): string | undefined {
  const first = scope.split(/\s+/).find((s) => s.endsWith('/.default'));
  return first ? first.slice(0, -'/.default'.length) : undefined;
}

function knownResource(resource: string): boolean {
  const r = resource.replace(/\/+$/, '').toLowerCase();
  return [...ARM_AUDIENCES, ACR_AUDIENCE, 'https://api.loganalytics.io', 'https://graph.microsoft.com'].some((a) => a.replace(/\/+$/, '').toLowerCase() === r)
    // A custom ARM endpoint (the sandbox's) is its own resource, as for Azure Stack.
    || /^https:\/\/management\./i.test(r);
}

export function issueToken(state: ArmState, sp: { appId: string; objectId: string; tenantId: string }, resource: string, now = new Date()): { token: string; expiresIn: number } {
  const iat = Math.floor(now.getTime() / 1000);
  const life = state.accessTokenLifetimeSeconds;
  const claims: AccessTokenClaims = {
    aud: resource, iss: issuerFor(sp.tenantId), iat, nbf: iat, exp: iat + life,
    appid: sp.appId, appidacr: '1', idtyp: 'app', idp: issuerFor(sp.tenantId),
    oid: sp.objectId, sub: sp.objectId, tid: sp.tenantId, ver: '1.0', uti: randomUUID().replace(/-/g, '').slice(0, 22),
  };
  const token = signAccessToken(state, claims);
  state.issuedTokens.push(token);
  if (state.issuedTokens.length > 5000) state.issuedTokens.splice(0, state.issuedTokens.length - 5000);
  return { token, expiresIn: life };
}

function tokenEndpoint(state: ArmState, tenantId: string, host: string, body: string, now: Date): HttpAnswer {
  const form = new URLSearchParams(body);
  const grant = form.get('grant_type');
  const clientId = form.get('client_id') ?? '';
  const scope = form.get('scope') ?? '';
  if (grant !== 'client_credentials') {
    return aadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant ?? ''}'.`);
  }
  if (!clientId) return aadError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
  const resource = resourceOfScope(scope);
  if (!resource) {
    return aadError(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  }
  if (form.has('client_assertion')) {
    const checked = checkClientAssertion(state, tenantId, clientId, form.get('client_assertion') ?? '', `https://${host}/${tenantId}/oauth2/v2.0/token`, now);
    if (!checked.ok) return checked.answer;
    if (!knownResource(resource)) return unknownResource(resource, tenantId);
    const { token, expiresIn } = issueToken(state, checked.sp, resource, now);
    return tokenAnswer(token, expiresIn);
  }
  const secret = form.get('client_secret');
  if (!secret) {
    return aadError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }
  const check = checkClientSecret(state, tenantId, clientId, secret, now);
  if (!check.ok) {
    const codeNum = Number(check.code.slice('AADSTS'.length));
    return check.code === 'AADSTS700016'
      ? aadError(400, 'unauthorized_client', codeNum, check.message)
      : aadError(401, 'invalid_client', codeNum, check.message);
  }
  if (!knownResource(resource)) return unknownResource(resource, tenantId);
  const { token, expiresIn } = issueToken(state, check.principal, resource, now);
  return tokenAnswer(token, expiresIn);
}

function unknownResource(resource: string, tenantId: string): HttpAnswer {
  return aadError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
}

function tokenAnswer(token: string, expiresIn: number): HttpAnswer {
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
    body: { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token },
  };
}

/**
 * A certificate credential's client assertion (what ClientCertificateCredential / MSAL send): a JWT
 * signed RS256 (header x5t = SHA-1 thumbprint) or PS256 (x5t#S256), aud = the token endpoint,
 * iss = sub = client id, not expired; the certificate must be registered on the app and valid.
 */
function checkClientAssertion(state: ArmState, tenantId: string, clientId: string, assertion: string, tokenEndpointUrl: string, now: Date):
  { ok: true; sp: { appId: string; objectId: string; tenantId: string } } | { ok: false; answer: HttpAnswer } {
  const fail = (code: number, text: string) => ({ ok: false as const, answer: aadError(401, 'invalid_client', code, text) });
  const sp = findServicePrincipal(state, tenantId, clientId);
  if (!sp || sp.kind !== 'application') return { ok: false, answer: aadError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenantId}'.`) };
  const jwt = jwtParts(assertion);
  if (!jwt) return fail(50027, 'JWT token is invalid or malformed.');
  const { header, claims } = jwt;
  const thumb = (v: unknown) => (typeof v === 'string' ? Buffer.from(v, 'base64url').toString('hex').toUpperCase() : undefined);
  const s256 = thumb(header['x5t#S256']);
  const s1 = thumb(header.x5t);
  const cert = (sp.certificates ?? []).find((c) => (s256 && c.thumbprintSha256 === s256) || (s1 && c.thumbprintSha1 === s1));
  if (!cert) return fail(700027, `Client assertion failed signature validation. The key was not found. Thumbprint of key used by client: '${s256 ?? s1 ?? ''}'. Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'.`);
  const key = createPublicKey(cert.certPem);
  const data = jwt.signingInput;
  const sig = jwt.signature;
  let good = false;
  try {
    if (header.alg === 'PS256') good = verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, sig);
    else if (header.alg === 'RS256') good = verify('RSA-SHA256', data, key, sig);
  } catch {
    good = false;
  }
  if (!good) return fail(700027, 'Client assertion contains an invalid signature.');
  if (Date.parse(cert.endDateTime) <= now.getTime()) {
    return fail(700027, `The certificate with identifier used to sign the client assertion is expired on application. [Reason - The key used is expired., Thumbprint of key used by client: '${cert.thumbprintSha1}', Found key 'Start=${cert.startDateTime}, End=${cert.endDateTime}'].`);
  }
  const aud = String(claims.aud ?? '');
  if (aud.replace(/\/+$/, '').toLowerCase() !== tokenEndpointUrl.toLowerCase() && !/\/oauth2\/(v2\.0\/)?token$/i.test(aud)) {
    return fail(700021, `Client assertion audience claim does not match Realm issuer. Review the documentation at https://aka.ms/certCreds .`);
  }
  if (claims.iss !== clientId || claims.sub !== clientId) return fail(700023, 'Client assertion issuer and subject must both be the client id.');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return fail(700024, 'Client assertion is not within its valid time range.');
  return { ok: true, sp };
}

/** Hosts this simulator is the Entra authority of: its own name and the sandbox's login names. */
function servedAuthorityHosts(host: string): string[] {
  const bare = host.replace(/:\d+$/, '').toLowerCase();
  return [bare, 'login.sandbox.test', 'login.microsoftonline.com', '127.0.0.1', 'localhost'];
}

/**
 * `GET /common/discovery/instance?authorization_endpoint=https://<host>/<tenant>/oauth2/v2.0/authorize&api-version=1.0`
 * — what MSAL (azure-cli's msal-python, msal-node without disableInstanceDiscovery) asks
 * login.microsoftonline.com before it trusts an authority it does not know. Entra answers the
 * tenant's discovery document on that authority, or `invalid_instance` for a host it does not serve.
 */
function instanceDiscovery(state: ArmState, req: EntraRequest): HttpAnswer {
  const host = req.host.replace(/:\d+$/, '');
  const metadata = [{ preferred_network: host, preferred_cache: host, aliases: [host] }];
  const raw = req.query?.get('authorization_endpoint');
  if (!raw) {
    return { status: 200, body: { tenant_discovery_endpoint: `https://${host}/common/v2.0/.well-known/openid-configuration`, 'api-version': '1.1', metadata } };
  }
  let url: URL | undefined;
  try { url = new URL(raw); } catch { url = undefined; }
  const tenantPart = url?.pathname.split('/')[1] ?? '';
  if (!url || url.protocol !== 'https:' || !servedAuthorityHosts(req.host).includes(url.hostname.toLowerCase()) || !tenantPart) {
    return aadError(400, 'invalid_instance', 50049, "Unknown or invalid instance.");
  }
  const tenant = resolveTenant(state, tenantPart);
  const tenantId = tenant?.tenantId ?? tenantPart;
  const authority = url.host;
  const aliases = [...new Set([authority, host])];
  return {
    status: 200,
    body: {
      tenant_discovery_endpoint: `https://${authority}/${tenantId}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: authority, preferred_cache: authority, aliases }],
    },
  };
}

/** True for paths the Entra part answers (the ARM part never uses these shapes). */
export function isEntraPath(path: string): boolean {
  return /^\/[^/]+\/(v2\.0\/\.well-known\/openid-configuration|\.well-known\/openid-configuration|oauth2\/v2\.0\/token|oauth2\/token|discovery\/v2\.0\/keys|discovery\/keys)$/i.test(path)
    || /^\/common\/discovery\/instance$/i.test(path);
}

export function handleEntra(state: ArmState, req: EntraRequest, now = new Date()): HttpAnswer {
  const m = /^\/([^/]+)\/(.+)$/.exec(req.path);
  if (!m) return aadError(404, 'invalid_request', 90002, 'Not found.');
  const [, tenantPart, rest] = m as unknown as [string, string, string];
  if (/^common$/i.test(tenantPart) && /^discovery\/instance$/i.test(rest)) {
    return instanceDiscovery(state, req);
  }
  const tenant = resolveTenant(state, tenantPart);
  if (!tenant) {
    return aadError(400, 'invalid_tenant', 90002, `Tenant '${tenantPart}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
  }
  if (/^(v2\.0\/)?\.well-known\/openid-configuration$/i.test(rest) && req.method === 'GET') {
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: openIdConfiguration(req.host, tenant.tenantId) };
  }
  if (/^discovery\/(v2\.0\/)?keys$/i.test(rest) && req.method === 'GET') {
    return { status: 200, body: jwks(state) };
  }
  if (/^oauth2\/(v2\.0\/)?token$/i.test(rest)) {
    if (req.method !== 'POST') return aadError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
    return tokenEndpoint(state, tenant.tenantId, req.host, req.body, now);
  }
  return aadError(404, 'invalid_request', 90002, 'Not found.');
}

/** Helper for callers that need a credential value without going through HTTP (scenarios, tests). */
export function servicePrincipalSecret(state: ArmState, tenantId: string, appId: string): string | undefined {
  return findServicePrincipal(state, tenantId, appId)?.secrets[0]?.value;
}
