// Entra ID (AAD) sign-in failures as the login catalogue names them, from the AADSTS code in
// the error @azure/identity raises. The message keeps Entra's own text (it never holds the secret).
import type { CauseId } from '../../catalogue/types';
import { msg, type Message } from '../../text/message';

export interface AadFailure {
  causeId: CauseId;
  code?: string;
  message: Message;
}

const SP_INVALID = new Set(['AADSTS7000215', 'AADSTS700016', 'AADSTS7000216', 'AADSTS700027', 'AADSTS50034', 'AADSTS90002', 'AADSTS700024']);
// The service principal's own secret or certificate expired.
const SP_EXPIRED = new Set(['AADSTS7000222']);
// The user's sign-in expired: refresh token expired by inactivity (700082), grant revoked by a
// password change (50173), session invalid after a password expiry or change (50133). `az login` again.
const SIGN_IN_EXPIRED = new Set(['AADSTS700082', 'AADSTS50173', 'AADSTS50133']);

export function classifyAadError(err: unknown): AadFailure {
  const raw = err instanceof Error ? err.message : String(err);
  const text = raw.replace(/\s+/g, ' ').replace(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '<token>');
  const code = /AADSTS\d{5,7}/.exec(text)?.[0];
  const short = text.slice(0, 300);
  if (code && SP_EXPIRED.has(code)) return { causeId: 'expiry.service-principal-secret', code, message: msg('Microsoft Entra ID refused the sign-in because the secret or token has expired ({code}): {short}', { code, short }) };
  if (code && SIGN_IN_EXPIRED.has(code)) return { causeId: 'expiry.aad-token-expired', code, message: msg('The Azure sign-in has expired ({code}); sign in again with az login: {short}', { code, short }) };
  if (code && SP_INVALID.has(code)) return { causeId: 'credentials.service-principal-invalid', code, message: msg('Microsoft Entra ID refused the service principal\'s credentials ({code}): {short}', { code, short }) };
  if (/expired/i.test(text)) return { causeId: 'expiry.aad-token-expired', code, message: msg('The Azure sign-in has expired: {short}', { short }) };
  return { causeId: 'credentials.invalid', code, message: msg('No Microsoft Entra ID token could be obtained: {short}', { short }) };
}
