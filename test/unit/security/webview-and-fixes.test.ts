// The report webview's page and the fix runner, against hostile input:
// - the HTML has a CSP with a nonce and without unsafe-inline / unsafe-eval, every script carries
//   the nonce, and registry names / server text cannot close the bootstrap script or add markup;
// - the webview's own code never turns text into HTML;
// - a fix that changes Azure or Docker runs only in a trusted workspace and after an explicit
//   "yes" in a modal; the test-only confirmation stub works only in ExtensionMode.Test.
import './vscode-stub';
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { vscodeStub } from './vscode-stub';
import { reportHtml } from '../../../src/vscode/report/report-html';
import { jsonForScript } from '../../../src/vscode/report/script-json';
import { ReportFixRunner } from '../../../src/vscode/report/fixes/fix-runner';
import { TEST_CONFIRM_ENV } from '../../../src/vscode/report/fixes/confirm';
import { REPORT_STATE_VERSION, REPORT_STRING_KEYS, type ReportBootstrap } from '../../../src/shared/report-protocol';

const HOSTILE = ['</script><script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '<!--', '\u2028\u2029', "'; alert(1); //", '{{constructor.constructor("alert(1)")()}}'];

function boot(text: string): ReportBootstrap {
  const strings = Object.fromEntries(REPORT_STRING_KEYS.map((k) => [k, `${k} ${text}`])) as ReportBootstrap['strings'];
  return {
    strings,
    state: {
      version: REPORT_STATE_VERSION, loginServer: `contoso.azurecr.io${text}`, phase: 'done', elapsedMs: 1, trusted: true,
      checks: [{ id: 'net.challenge', area: 'network', title: text, status: 'fail', message: `server said: ${text}`, evidence: [{ key: 'body', value: text }] }],
      causes: [{ causeId: 'network.ip-rule-excludes-client', rank: 1, status: 'fail', title: text, explanation: text, sectionTitle: text, docsUrl: 'https://learn.microsoft.com/', checkIds: ['net.challenge'], fixes: [{ index: 0, kind: 'copyCommand', title: text, command: `az acr network-rule add --ip-address ${text}`, runnable: false }] }],
    },
  };
}

const webview = { cspSource: 'https://webview.test', asWebviewUri: (u: { path: string }) => ({ toString: () => `https://webview.test${u.path}` }) };

describe('security: report webview page', () => {
  for (const text of HOSTILE) {
    it(`CSP with a nonce, no unsafe-*, and ${JSON.stringify(text)} stays text`, () => {
      const html = reportHtml(webview as never, { path: '/ext' } as never, boot(text));
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      assert.ok(csp, 'a CSP meta tag');
      assert.match(csp, /default-src 'none'/);
      // default-src does not cover these two: without them a <base> or a <form> would be allowed.
      assert.match(csp, /(^|; )base-uri 'none'(;|$)/);
      assert.match(csp, /(^|; )form-action 'none'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1];
      assert.ok(nonce, 'scripts need a nonce');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)];
      assert.equal(scripts.length, 2, 'exactly the bootstrap JSON and report.js: nothing injected');
      for (const s of scripts) assert.match(s[1], new RegExp(`nonce="${nonce.replace(/[+/=]/g, '\\$&')}"`));
      assert.equal((html.match(/<\/script>/g) ?? []).length, 2, 'no text closed a script element');
      assert.ok(!/<img|<svg|<!--/.test(html), 'no markup from the text');
      const json = /<script type="application\/json" id="acr-bootstrap"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1];
      assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(boot(text))), 'the bootstrap round-trips exactly');
    });
  }
  it('a fresh nonce per page', () => {
    const n = (h: string) => /'nonce-([^']+)'/.exec(h)![1];
    assert.notEqual(n(reportHtml(webview as never, { path: '/e' } as never, boot(''))), n(reportHtml(webview as never, { path: '/e' } as never, boot(''))));
  });
  it('jsonForScript: any string round-trips and never yields "<" (so never "</script" or "<!--")', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const s = jsonForScript(v);
      assert.ok(!s.includes('<') && !s.includes('\u2028'));
      assert.deepEqual(JSON.parse(s), JSON.parse(JSON.stringify(v)));
    }), { numRuns: 300 });
  });
});

describe('security: the webview code never turns text into HTML', () => {
  const files: string[] = [];
  const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (/\.ts$/.test(f)) files.push(p); } };
  walk(join(__dirname, '../../../src/webview'));
  it('has webview sources to check', () => assert.ok(files.length >= 3, files.join(', ')));
  it('no innerHTML / outerHTML / insertAdjacentHTML / document.write / eval / new Function / string event handlers', () => {
    const bad: string[] = [];
    for (const f of files) {
      const src = readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '');
      for (const re of [/\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/, /setAttribute\(\s*['"]on/i, /\.srcdoc\s*=/]) {
        if (re.test(src)) bad.push(`${f}: ${re}`);
      }
    }
    assert.deepEqual(bad, []);
  });
});

describe('security: fixes need Workspace Trust and an explicit confirmation', () => {
  let ran = 0;
  const fix = { kind: 'runCommand', title: { en: 'Add the client IP', nl: 'IP toevoegen' }, command: 'az acr network-rule add -n contoso --ip-address 192.0.2.1', action: 'addIpRule' };
  const model = { causeInput: () => ({ causeId: 'network.ip-rule-excludes-client', fixes: [fix], checkIds: ['net.challenge'] }), setLastFix() { /* */ }, lastReport: undefined, state: { lastFix: undefined } };
  const panel = { target: { loginServer: 'contoso.azurecr.io', name: 'contoso' }, postState() { /* */ }, async rerunAfterFix() { /* */ } };
  const log = { info() { /* */ }, warn() { /* */ }, error() { /* */ } };
  const runner = (mode: number) => new ReportFixRunner({
    actions: { plan: () => ({ describe: () => ['Adds 192.0.2.1 to contoso\'s IP rules'], run: async () => { ran++; return 'added'; } }) } as never,
    log: log as never, mode: mode, lang: () => 'en', redact: (s) => s,
  });
  const ref = { causeId: 'network.ip-rule-excludes-client', index: 0 };
  beforeEach(() => { ran = 0; vscodeStub.window.warnings.length = 0; vscodeStub.window.answer = undefined; vscodeStub.workspace.isTrusted = true; delete process.env[TEST_CONFIRM_ENV]; });
  after(() => { delete process.env[TEST_CONFIRM_ENV]; });

  it('an untrusted workspace: refused before any prompt, nothing runs', async () => {
    vscodeStub.workspace.isTrusted = false;
    vscodeStub.window.answer = 'Run fix';
    await assert.rejects(runner(1).run(panel as never, model as never, ref), /trusted workspace/);
    assert.equal(ran, 0);
  });
  it('trusted, but the modal is dismissed: nothing runs', async () => {
    await runner(1).run(panel as never, model as never, ref);
    assert.equal(ran, 0);
    const modal = vscodeStub.window.warnings.find((w) => (w.options as { modal?: boolean })?.modal);
    assert.ok(modal, 'a modal was shown');
    assert.match(String((modal.options as { detail?: string }).detail), /192\.0\.2\.1/, 'the modal says exactly what changes');
    assert.match(String((modal.options as { detail?: string }).detail), /az acr network-rule add/, 'and the equivalent command');
  });
  it('trusted and confirmed: runs once', async () => {
    vscodeStub.window.answer = 'Run fix';
    await runner(1).run(panel as never, model as never, ref);
    assert.equal(ran, 1);
  });
  it('the test confirmation stub is ignored outside ExtensionMode.Test', async () => {
    process.env[TEST_CONFIRM_ENV] = 'yes';
    await runner(1).run(panel as never, model as never, ref);
    assert.equal(ran, 0, 'production mode still asks the user (who said nothing)');
    await runner(3).run(panel as never, model as never, ref);
    assert.equal(ran, 1, 'only the extension-host test run may answer with the stub');
  });
  it('a fix offered for pasted text says its address came from that text, not from this machine', async () => {
    const pasted = { ...model, fromPastedText: (id: string) => id === ref.causeId };
    const pastedFix = { ...fix, params: { clientIp: '203.0.113.66' } };
    const withParams = { ...pasted, causeInput: () => ({ causeId: ref.causeId, fixes: [pastedFix], checkIds: [] }) };
    await runner(1).run(panel as never, withParams as never, ref);
    const detail = String((vscodeStub.window.warnings.at(-1)!.options as { detail?: string }).detail);
    assert.match(detail.split('\n')[0], /203\.0\.113\.66 comes from the text you pasted, not from this machine/);
    // The diagnosis's own fix (measured, not pasted) does not carry the warning.
    vscodeStub.window.warnings.length = 0;
    await runner(1).run(panel as never, { ...model, fromPastedText: () => false, causeInput: () => ({ causeId: ref.causeId, fixes: [pastedFix], checkIds: [] }) } as never, ref);
    assert.doesNotMatch(String((vscodeStub.window.warnings.at(-1)!.options as { detail?: string }).detail), /pasted/);
    assert.equal(ran, 0, 'dismissed both times');
  });

  it('the webview names a fix only by (cause, index): an index that is not offered runs nothing', async () => {
    vscodeStub.window.answer = 'Run fix';
    await assert.rejects(runner(1).run(panel as never, { ...model, causeInput: () => ({ causeId: ref.causeId, fixes: [], checkIds: [] }) } as never, ref), /no longer offered/);
    assert.equal(ran, 0);
  });
});

describe('security: a cloned repository cannot redirect Azure credentials', () => {
  // A workspace's .vscode/settings.json pointing the ARM endpoint or the Entra authority at its own
  // host would receive the ARM token or the service principal's secret. VS Code ignores workspace
  // values of restrictedConfigurations while the workspace is untrusted.
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
    contributes: { configuration: { properties: Record<string, unknown> } };
  };
  it('every setting that decides where credentials go is restricted in untrusted workspaces', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
    const steering = Object.keys(manifest.contributes.configuration.properties).filter((k) => /armEndpoint|authorityHost|signIn|tenantId|clientId/i.test(k));
    assert.ok(steering.length >= 2, 'the settings exist');
    assert.deepEqual(steering.filter((k) => !restricted.includes(k)), []);
  });
});
