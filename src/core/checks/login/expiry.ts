// When do the credentials in play stop working? Dates, not just "expired": the Entra token, the
// ACR refresh token (3 hours), repository token passwords. Expired ones in use fail in the
// credential checks; here they are listed, with a warning for what ends within 7 days.
import type { Check } from '../../engine/types';




import { LOGIN } from './check-ids';
import { clientCommand } from '../../docker/client-tool';
import { isoDate, relative } from '../../text/dates';
import { joinMessages, msg, type Message } from '../../text/message';

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
    const lines: Message[] = [];
    const evidence: Record<string, string> = {};
    const aad = ctx.data(LOGIN.aad);
    if (aad?.aadExpires) { evidence.entraToken = isoDate(aad.aadExpires); lines.push(msg('Entra token until {at} ({when})', { at: isoDate(aad.aadExpires), when: relative(aad.aadExpires, now) })); }
    if (aad?.refreshExpires) { evidence.acrRefreshToken = isoDate(aad.refreshExpires); lines.push(msg('registry refresh token until {at} ({when}; ACR tokens live 3 hours, then log in again)', { at: isoDate(aad.refreshExpires), when: relative(aad.refreshExpires, now) })); }
    const explicit = ctx.data(LOGIN.explicit);
    // The judged identity's own tokens: an --expose-token token, what docker login stored.
    if (explicit?.tokenExpires) { evidence.exposedToken = isoDate(explicit.tokenExpires); lines.push(msg('exposed token until {at} ({when}; such tokens live 3 hours)', { at: isoDate(explicit.tokenExpires), when: relative(explicit.tokenExpires, now) })); }
    const stored = ctx.env.identity?.kind === 'docker' ? ctx.data(LOGIN.storedCredential) : undefined;
    if (stored?.expires) { evidence.dockerStoredToken = isoDate(stored.expires); lines.push(msg('the token {tool} stored until {at} ({when})', { tool: clientCommand(ctx.env), at: isoDate(stored.expires), when: relative(stored.expires, now) })); }
    const facts = ctx.data(LOGIN.registry);
    let soon: { token: string; date: Date } | undefined;
    if (explicit?.tokenName && facts?.tokens) {
      const t = facts.tokens.find((x) => x.name === explicit.tokenName);
      for (const p of t?.passwords ?? []) {
        if (!p.expiry) { lines.push(msg('token {token} {password}: never expires', { token: t!.name, password: p.name })); continue; }
        evidence[`${t!.name}.${p.name}`] = isoDate(p.expiry);
        lines.push(msg('token {token} {password} until {at} ({when})', { token: t!.name, password: p.name, at: isoDate(p.expiry), when: relative(p.expiry, now) }));
        const left = p.expiry.getTime() - now.getTime();
        if (left > 0 && left < SOON_MS && (!soon || p.expiry < soon.date)) soon = { token: t!.name, date: p.expiry };
      }
    }
    if (!lines.length) return { status: 'info', message: msg('No credential with a known expiry date is in use.') };
    if (soon) {
      return {
        status: 'warn', causeId: 'expiry.repository-token-password', evidence, fixParams: { tokenName: soon.token },
        message: msg('The password of token {token} expires {when} ({at}). {lines}.', { token: soon.token, when: relative(soon.date, now), at: isoDate(soon.date), lines: joinMessages(lines) }),
      };
    }
    return { status: 'pass', message: msg('{lines}.', { lines: joinMessages(lines) }), evidence };
  },
};
