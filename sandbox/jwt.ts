// The sandbox's one JWT helper: compact JWS encoding, RS256 signing and verification, and reading
// a token's parts. The ACR front's tokens (RS256 with an x5c header, the form docker-registry 2.8
// accepts when the signing cert is in its `auth.token.rootcertbundle`) and the Entra simulator's
// access tokens and client assertions all go through it.
import { createPrivateKey, createPublicKey, sign, verify, type KeyLike } from 'node:crypto';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export interface Signer { keyPem: string; certPem: string; derB64: string }

type Json = Record<string, unknown>;

/** `header.claims.signature` with an RS256 signature by `privateKey` (PEM or key object). */
export function signRs256(header: Json, claims: Json, privateKey: string | KeyLike): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  return `${input}.${b64url(sign('RSA-SHA256', Buffer.from(input), key))}`;
}

/** The three parts of a compact JWT, JSON-decoded; undefined for anything else (never throws). */
export function jwtParts(token: string): { header: Json; claims: Json; signingInput: Buffer; signature: Buffer } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = jsonObject(parts[0]);
  const claims = jsonObject(parts[1]);
  if (!header || !claims) return undefined;
  return { header, claims, signingInput: Buffer.from(`${parts[0]}.${parts[1]}`), signature: Buffer.from(parts[2], 'base64url') };
}

/** Whether `token` carries a valid RS256 signature by the key of `publicKey` (PEM of a key or certificate). */
export function verifyRs256(token: string, publicKey: string | KeyLike): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    return verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2], 'base64url'));
  } catch {
    return false;
  }
}

/** Payload of any JWT, unverified (to tell a token from a password, for messages and diagnostics). */
export function decodeJwt(token: string): Json | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  return jsonObject(parts[1]);
}

/** A front token: RS256 with the signer's certificate in x5c. */
export function signJwt(signer: Signer, claims: Json): string {
  return signRs256({ typ: 'JWT', alg: 'RS256', x5c: [signer.derB64] }, claims, signer.keyPem);
}

/** Claims of a JWT this sandbox signed, or undefined when the signature does not verify. */
export function verifyJwt(signer: Signer, token: string): Json | undefined {
  return verifyRs256(token, signer.certPem) ? decodeJwt(token) : undefined;
}

function jsonObject(part: string): Json | undefined {
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}
