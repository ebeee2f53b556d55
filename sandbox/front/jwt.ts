// RS256 JWTs with an x5c header, the form docker-registry 2.8 accepts when the signing cert is in
// its `auth.token.rootcertbundle` (no libtrust kid needed).
import * as crypto from 'node:crypto';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export interface Signer { keyPem: string; certPem: string; derB64: string }

export function signJwt(signer: Signer, claims: Record<string, unknown>): string {
  const header = { typ: 'JWT', alg: 'RS256', x5c: [signer.derB64] };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const sig = crypto.createSign('RSA-SHA256').update(input).sign(signer.keyPem);
  return `${input}.${b64url(sig)}`;
}

/** Claims of a JWT this sandbox signed, or undefined when the signature does not verify. */
export function verifyJwt(signer: Signer, token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const ok = crypto.createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`)
    .verify(signer.certPem, Buffer.from(parts[2], 'base64url'));
  if (!ok) return undefined;
  try { return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')); } catch { return undefined; }
}

/** Payload of any JWT, unverified (to tell a token from a password and for diagnostics). */
export function decodeJwt(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try { return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')); } catch { return undefined; }
}
