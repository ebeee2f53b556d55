// ~/.docker/config.json (any text a user, a tool or a broken disk left there) and a credential
// helper's stdout.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { authKeyHost, credentialSourceFor, decodeAuthEntry, isValidHelperName, parseDockerConfig } from '../../../../src/core/docker/config';
import { parseHelperOutput } from '../../../../src/core/docker/credential-helper';
import { hostileJson, hostileText, mutated, type FuzzTarget } from '../harness';
import { renderMessage } from '../../../../src/core/text/message';

/** A password that is recognisably planted (and long enough to scan for). */
export const plantedSecret = fc.stringMatching(/^[A-Za-z0-9+/_-]{14,28}$/).map((s) => `Pw${s}`);

const host = fc.constantFrom('contoso.azurecr.io', 'https://contoso.azurecr.io', 'https://contoso.azurecr.io/v1/', 'CONTOSO.azurecr.io', 'index.docker.io', '', ' ', '//', 'https://');

const configWithSecret = fc.record({
  secret: plantedSecret,
  user: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'admin', 'sp-app'),
  host,
  style: fc.constantFrom('auth', 'password', 'identitytoken'),
  extra: fc.dictionary(fc.constantFrom('credsStore', 'credHelpers', 'proxies', 'currentContext', 'auths'), hostileJson, { maxKeys: 3 }),
}).map(({ secret, user, host: h, style, extra }) => {
  const entry = style === 'auth' ? { auth: Buffer.from(`${user}:${secret}`).toString('base64') }
    : style === 'password' ? { username: user, password: secret } : { identitytoken: secret };
  const obj = { ...extra, auths: { [h]: entry } };
  return { secret, auth: style === 'auth' ? entry.auth as string : secret, text: JSON.stringify(obj, null, style === 'password' ? 2 : 0) };
});

/** Hand-edited files: the value unquoted or single-quoted, a trailing comma (JSON.parse errors right at the secret). */
const handEdited = fc.record({
  secret: plantedSecret,
  key: fc.constantFrom('auth', 'password', 'identitytoken'),
  quote: fc.constantFrom('', "'", '"'),
  tail: fc.constantFrom('', ',', ' x', '}'),
}).map(({ secret, key, quote, tail }) => {
  const value = key === 'auth' ? Buffer.from(`admin:${secret}`).toString('base64') : secret;
  return { text: `{"auths":{"contoso.azurecr.io":{"${key}": ${quote}${value}${quote}${tail}}}}`, secrets: [secret, value] };
});

/** Every 10-character window of a secret: none may show up in what the parser says. */
function windows(s: string, n = 10): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  return out;
}

function assertNoLeak(said: string, secrets: string[], what: string): void {
  for (const s of secrets) for (const w of windows(s)) assert.ok(!said.includes(w), `${what} repeats part of a stored secret (${w}): ${said}`);
}

export const dockerConfigTargets: FuzzTarget<any>[] = [
  {
    name: 'Docker config.json', parser: 'src/core/docker/config.ts parseDockerConfig, credentialSourceFor',
    arbitrary: fc.oneof(
      { weight: 3, arbitrary: fc.tuple(configWithSecret, fc.boolean()).chain(([c, mutate]) => (mutate ? mutated(fc.constant(c.text)) : fc.constant(c.text)).map((text) => ({ text, secrets: [c.secret, c.auth] }))) },
      { weight: 2, arbitrary: handEdited },
      { weight: 1, arbitrary: hostileText().map((text) => ({ text, secrets: [] as string[] })) },
      { weight: 1, arbitrary: hostileJson.map((j) => ({ text: (() => { try { return JSON.stringify(j) ?? 'null'; } catch { return '{}'; } })(), secrets: [] as string[] })) },
    ),
    check({ text, secrets }: { text: string; secrets: string[] }) {
      const cfg = parseDockerConfig(text, '/home/u/.docker');
      assert.ok(['ok', 'missing', 'unreadable', 'malformed'].includes(cfg.state));
      if (cfg.state !== 'ok') assert.ok(cfg.problem && cfg.problem.length > 20, 'a broken config says what is wrong');
      // What the parser says ends up in findings: never a piece of a stored password or token.
      assertNoLeak([cfg.problem ?? '', ...cfg.warnings].join('\n'), secrets, 'the parser\'s problem/warnings');
      if (cfg.credsStore) assert.ok(isValidHelperName(cfg.credsStore), 'a helper name cannot name a path');
      for (const h of Object.values(cfg.credHelpers)) assert.ok(isValidHelperName(h) && !h.includes('/'));
      for (const [k, e] of cfg.auths) {
        assert.equal(k, authKeyHost(e.key));
        assert.ok(!k.includes('/'), 'entries are keyed by host');
      }
      const src = credentialSourceFor(cfg, 'contoso.azurecr.io');
      assert.ok(['helper', 'file', 'none'].includes(src.kind));
    },
  },
  {
    name: 'Docker auths entry', parser: 'src/core/docker/config.ts decodeAuthEntry',
    arbitrary: fc.tuple(fc.string({ maxLength: 60 }), fc.oneof(hostileJson, fc.record({ auth: fc.oneof(hostileText(80), fc.base64String({ maxLength: 80 })), identitytoken: fc.option(hostileText(40)) }))),
    check([key, raw]: [string, unknown]) {
      const e = decodeAuthEntry(key, raw);
      assert.equal(e.key, key);
      assert.equal(typeof e.identityToken, 'boolean');
      const auth = (raw as { auth?: unknown } | null)?.auth;
      if (e.problem && typeof auth === 'string' && auth.length >= 12) assert.ok(!e.problem.includes(auth), 'the problem never repeats the auth value');
    },
  },
  {
    name: 'credential helper stdout', parser: 'src/core/docker/credential-helper.ts parseHelperOutput',
    arbitrary: fc.oneof(hostileText(), hostileJson.map((j) => { try { return JSON.stringify(j) ?? ''; } catch { return ''; } }),
      mutated(fc.record({ ServerURL: fc.constant('contoso.azurecr.io'), Username: fc.constantFrom('<token>', 'u'), Secret: plantedSecret }).map((o) => JSON.stringify(o)))),
    check(out: string) {
      const r = parseHelperOutput(out);
      assert.ok(['found', 'not-found', 'failed'].includes(r.state));
      if (r.state === 'found') { assert.equal(typeof r.secret, 'string'); assert.ok(r.secret.length > 0); }
      else assert.ok(!/Pw[A-Za-z0-9+/_-]{10}/.test(renderMessage(r.message)), 'a failure message never repeats the secret');
    },
  },
];
