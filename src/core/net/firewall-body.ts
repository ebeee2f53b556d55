// ACR's firewall refusal: 403 with a body like
//   client with IP '192.0.2.1' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.
// either plain text or inside a {"errors":[{"code":"DENIED","message":"…"}]} document.
import { isIP } from 'node:net';

export interface FirewallRefusal {
  clientIp: string;
  message: string;
}

const PATTERN = /client with ip '([^'\s]{1,64})' is not allowed access/i;

function messagesOf(body: string): string[] {
  const out = [body];
  try {
    const doc = JSON.parse(body) as { errors?: unknown };
    if (doc && Array.isArray(doc.errors)) {
      for (const e of doc.errors.slice(0, 20)) {
        if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') out.unshift((e as { message: string }).message);
      }
    }
  } catch { /* plain text body */ }
  return out;
}

/** The client IP ACR's firewall reported, or undefined when the body is not a firewall refusal. */
export function parseFirewallBody(body: string | Buffer | undefined): FirewallRefusal | undefined {
  if (body === undefined) return undefined;
  const text = (Buffer.isBuffer(body) ? body.toString('utf8') : String(body)).slice(0, 64 * 1024);
  for (const msg of messagesOf(text)) {
    const m = PATTERN.exec(msg);
    if (m && isIP(m[1])) {
      const line = msg.slice(m.index, m.index + 200).split(/\r?\n/)[0].replace(/[^\x20-\x7e]/g, '');
      return { clientIp: m[1], message: line };
    }
  }
  return undefined;
}

/** Registry v2 error codes in a JSON error body ({"errors":[{"code":…}]}), upper-case. */
export function registryErrorCodes(body: string | Buffer | undefined): string[] {
  if (body === undefined) return [];
  try {
    const doc = JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : body) as { errors?: unknown };
    if (!doc || !Array.isArray(doc.errors)) return [];
    return doc.errors.slice(0, 20)
      .map((e) => (e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined))
      .filter((c): c is string => typeof c === 'string')
      .map((c) => c.toUpperCase().slice(0, 64));
  } catch { return []; }
}
