// Redaction where it used to miss, and where it hid too much:
// - a bare "Basic <b64>" / "Bearer <token>" (a pasted curl -H, a log line) without "Authorization:";
// - the extension's log lines about the diagnosis environment, Azure access and a failed sign-in;
// - a proxy setting that does not parse, with "/" in its password;
// - the webview's persisted state (the pasted error text);
// - and the other way round: a key named "credential" that only says where a credential came from.
import './vscode-stub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { vscodeStub } from './vscode-stub';
import { redact, redactDeep, REDACTED } from '../../../src/core/text/redact';
import { parseProxyUrl } from '../../../src/core/net/proxy';
import { NetError } from '../../../src/core/net/errors';
import { persistedUi } from '../../../src/webview/lib/persisted-ui';
import { parseRegistryInput } from '../../../src/core/registry/target';

const SECRET = 'S3cr3t-Value-9f8e7d6c';
const BASIC = Buffer.from(`admin:${SECRET}`).toString('base64');
const OPAQUE = 'abcDEF0123456789ghijKLMN_opaque.token';

/** Replaces what `require(request)` gives for the module files whose request ends with a key. */
function fakeModules(fakes: Record<string, unknown>): () => void {
  const M = Module as unknown as { _load: (r: string, p: unknown, m: boolean) => unknown };
  const before = M._load;
  M._load = function (request: string, parent: unknown, isMain: boolean) {
    for (const [end, fake] of Object.entries(fakes)) if (request.endsWith(end)) return fake;
    return before.call(this, request, parent, isMain);
  };
  return () => { M._load = before; };
}

function logRecorder() {
  const lines: string[] = [];
  const log = { info: (s: string) => lines.push(s), warn: (s: string) => lines.push(s), error: (s: string) => lines.push(s), debug: () => undefined, trace: () => undefined };
  return { lines, log };
}

describe('security: redaction gaps (text/redact, proxy, extension logs, webview state)', () => {
  it('hides a bare Basic credential and a bare Bearer token', () => {
    for (const text of [`curl -H "X: Basic ${BASIC}" https://x`, `sent Basic ${BASIC}`, `got Bearer ${OPAQUE} back`, `[Bearer ${OPAQUE}]`]) {
      const out = redact(text);
      assert.ok(!out.includes(BASIC) && !out.includes(OPAQUE), out);
      assert.match(out, /(Basic|Bearer) \*\*\*/);
    }
  });

  it('keeps challenges and verbatim that only name the scheme', () => {
    for (const text of [
      'Www-Authenticate: Bearer realm="https://contoso.azurecr.io/oauth2/token",service="contoso.azurecr.io"',
      'Basic realm="Registry Realm"', 'GET /v2/ answered 401 without a Bearer realm/service challenge', 'Bearer authentication failed',
      'Bearer realm=https://contoso.azurecr.io/oauth2/token', 'the registry asked for Basic auth',
    ]) assert.equal(redact(text), text);
  });

  it('a proxy setting that is not a URL is quoted without its password, even one holding "/", ":" or "@"', () => {
    for (const raw of [`http://user:pa/ss${SECRET}@proxy.corp:3128`, `user:x/${SECRET}@proxy.corp:3128`, `https://user:${SECRET}:x/@proxy:99999`]) {
      let err: unknown;
      try { parseProxyUrl(raw); } catch (e) { err = e; }
      assert.ok(err instanceof NetError, `${raw} does not parse`);
      assert.ok(!(err as Error).message.includes(SECRET), (err as Error).message);
      assert.match((err as Error).message, /proxy(\.corp)?:\d+" is not a URL/);
    }
  });

  it('a key named credential keeps a source name but still hides a secret', () => {
    const out = redactDeep({ credential: 'docker-config', credentials: "Docker's stored credential", other: { credential: SECRET }, c2: { credentials: { username: 'u', password: SECRET } }, password: 'none' });
    assert.equal(out.credential, 'docker-config');
    assert.equal(out.credentials, "Docker's stored credential");
    assert.equal(out.other.credential, REDACTED);
    assert.equal(out.password, REDACTED, 'only credential keys know harmless names');
    assert.ok(!JSON.stringify(out).includes(SECRET));
  });

  it('the webview keeps the pasted text only redacted in its persisted state', () => {
    const pasted = `docker login -u admin -p ${SECRET} contoso.azurecr.io\nAuthorization: Basic ${BASIC}\nunauthorized: authentication required`;
    const ui = persistedUi({ openEvidence: ['x'], pasteText: pasted });
    assert.ok(!JSON.stringify(ui).includes(SECRET) && !JSON.stringify(ui).includes(BASIC), ui.pasteText);
    assert.match(ui.pasteText, /unauthorized: authentication required/);
    assert.deepEqual(ui.openEvidence, ['x']);
    // …and the page stores nothing else: every setState goes through persistedUi.
    const page = readFileSync(join(__dirname, '../../../src/webview/report.ts'), 'utf8');
    const calls = [...page.matchAll(/setState\(([^;]*)\)/g)].map((m) => m[1]);
    assert.ok(calls.length > 0 && calls.every((c) => /ui: persistedUi\(ui\)/.test(c)), calls.join(' | '));
    assert.match(page, /const ui: UiState = persistedUi\(saved\?\.ui\)/, 'a state saved before is redacted when read back');
  });

  it('the report logs the diagnosis environment and Azure access failures redacted', async () => {
    const restore = fakeModules({
      '/azure-access': { azureAccessFor: async () => { throw new Error(`token request failed: client_secret=${SECRET} Basic ${BASIC}`); } },
      '/lazy/engine': { engineArea: () => ({ diagnose: async () => ({ findings: [], causes: [] }) }) },
      '/tree/registry-services': { registryServices: () => ({}) },
    });
    const saved = process.env.NODE_EXTRA_CA_CERTS;
    process.env.NODE_EXTRA_CA_CERTS = `/nonexistent/password=${SECRET}/ca.pem`;
    try {
      const { defaultDiagnosisSource } = await import('../../../src/vscode/report/engine-source');
      const { lines, log } = logRecorder();
      await defaultDiagnosisSource({ log } as never).run({ target: parseRegistryInput('contoso.azurecr.io'), signal: new AbortController().signal, onEvent: () => undefined });
      assert.equal(lines.length, 2, lines.join('\n'));
      for (const l of lines) assert.ok(!l.includes(SECRET) && !l.includes(BASIC), l);
    } finally {
      restore();
      if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS; else process.env.NODE_EXTRA_CA_CERTS = saved;
    }
  });

  it('a failed sign-in is logged and shown redacted', async () => {
    const session = { kind: 'servicePrincipal', signIn: async () => { throw new Error(`AADSTS7000215: invalid secret; request had client_secret=${SECRET}&x=1 and Authorization: Bearer ${OPAQUE}`); } };
    const restore = fakeModules({ '/tree/registry-services': { registryServices: () => ({ sessions: { get: async () => session } }) } });
    const shown: string[] = [];
    (vscodeStub.window as Record<string, unknown>).showErrorMessage = async (m: string) => { shown.push(m); return undefined; };
    try {
      const { signIn } = await import('../../../src/vscode/commands/sign-in');
      const { lines, log } = logRecorder();
      assert.equal(await signIn({ log } as never)(), false);
      assert.equal(lines.length, 1); assert.equal(shown.length, 1);
      for (const l of [...lines, ...shown]) { assert.ok(!l.includes(SECRET) && !l.includes(OPAQUE), l); assert.match(l, /AADSTS7000215/); }
    } finally { restore(); }
  });
});
