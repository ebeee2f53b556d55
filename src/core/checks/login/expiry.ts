// When do the credentials in play stop working? Dates, not just "expired": the Entra token, the
// ACR refresh token (3 hours), repository token passwords. Expired ones in use fail in the
// credential checks; here they are listed, with a warning for what ends within 7 days.
import type { Check } from '../../engine/types';




import { LOGIN } from './check-ids';
import { isoDate, relative } from '../../text/dates';
import { msg } from '../../text/message';

const SOON_MS = 7 * 24 * 3600 * 1000;

export const expiryCheck: Check = {
  id: LOGIN.expiry,
  area: 'login',
  title: 'Credential expiry dates',
  needs: [],
  after: [LOGIN.aad, LOGIN.explicit, LOGIN.registry, LOGIN.storedCredential],
  timeoutMs: 1000,
  async run(ctx) {
    const now = ctx.env.now();
    const lines: string[] = [];
    const evidence: Record<string, string> = {};
    const aad = ctx.data(LOGIN.aad);
    if (aad?.aadExpires) { evidence.entraToken = isoDate(aad.aadExpires); lines.push(`Entra token until ${isoDate(aad.aadExpires)} (${relative(aad.aadExpires, now)})`); }
    if (aad?.refreshExpires) { evidence.acrRefreshToken = isoDate(aad.refreshExpires); lines.push(`registry refresh token until ${isoDate(aad.refreshExpires)} (${relative(aad.refreshExpires, now)}; ACR tokens live 3 hours, then log in again)`); }
    const explicit = ctx.data(LOGIN.explicit);
    // The judged identity's own tokens: an --expose-token token, what docker login stored.
    if (explicit?.tokenExpires) { evidence.exposedToken = isoDate(explicit.tokenExpires); lines.push(`exposed token until ${isoDate(explicit.tokenExpires)} (${relative(explicit.tokenExpires, now)}; such tokens live 3 hours)`); }
    const stored = ctx.env.identity?.kind === 'docker' ? ctx.data(LOGIN.storedCredential) : undefined;
    if (stored?.expires) { evidence.dockerStoredToken = isoDate(stored.expires); lines.push(`the token docker stored until ${isoDate(stored.expires)} (${relative(stored.expires, now)})`); }
    const facts = ctx.data(LOGIN.registry);
    let soon: { token: string; date: Date } | undefined;
    if (explicit?.tokenName && facts?.tokens) {
      const t = facts.tokens.find((x) => x.name === explicit.tokenName);
      for (const p of t?.passwords ?? []) {
        if (!p.expiry) { lines.push(`token ${t!.name} ${p.name}: never expires`); continue; }
        evidence[`${t!.name}.${p.name}`] = isoDate(p.expiry);
        lines.push(`token ${t!.name} ${p.name} until ${isoDate(p.expiry)} (${relative(p.expiry, now)})`);
        const left = p.expiry.getTime() - now.getTime();
        if (left > 0 && left < SOON_MS && (!soon || p.expiry < soon.date)) soon = { token: t!.name, date: p.expiry };
      }
    }
    if (!lines.length) return { status: 'info', message: msg('No credential with a known expiry date is in use.') };
    if (soon) {
      return {
        status: 'warn', causeId: 'expiry.repository-token-password', evidence, fixParams: { tokenName: soon.token },
        message: msg('The password of token {token} expires {relative} ({isoDate}). {lines}.', { token: soon.token, relative: relative(soon.date, now), isoDate: isoDate(soon.date), lines: lines.join('; ') }),
      };
    }
    return { status: 'pass', message: msg('{lines}.', { lines: lines.join('; ') }), evidence };
  },
};
