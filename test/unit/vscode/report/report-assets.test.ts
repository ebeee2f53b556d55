// The report's script and style sheets written into its page: under the page's nonce, the font as
// a data: URL (fetched, it held back the page's load event) or, unreadable, its url() pointed at
// dist/media/, and only when no file's text could end its element early.
import '../../security/vscode-stub';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reportHtml } from '../../../../src/vscode/report/report-html';
import { inlinable, reportAssets } from '../../../../src/vscode/report/report-assets';
import { REPORT_STATE_VERSION, REPORT_STRING_KEYS, type ReportBootstrap } from '../../../../src/shared/report-protocol';

const boot: ReportBootstrap = {
  strings: Object.fromEntries(REPORT_STRING_KEYS.map((k) => [k, k])) as ReportBootstrap['strings'],
  state: { version: REPORT_STATE_VERSION, loginServer: 'contoso.azurecr.io', phase: 'running', elapsedMs: 0, trusted: true, checks: [], causes: [] },
};
const webview = { cspSource: 'https://webview.test', asWebviewUri: (u: { path: string }) => ({ toString: () => `https://webview.test${u.path}` }) };

function extensionWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-assets-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('report assets in the page', () => {
  it('inlines the script, both style sheets under the nonce and the font as a data: URL', () => {
    const root = extensionWith({
      'dist/media/report.js': 'document.title = "x";',
      'dist/media/report.css': '@font-face { src: url("./codicon.ttf?abc") format("truetype"); } .x { background: url(./dot.png); }',
      'dist/media/codicon.ttf': 'TTF bytes',
      'media/report.css': 'body { color: red; }',
    });
    const assets = reportAssets(root);
    assert.ok(assets, 'readable files are inlined');
    const html = reportHtml(webview as never, { path: '/ext' } as never, boot, assets);
    const nonce = /script-src 'nonce-([^']+)'/.exec(html)![1];
    assert.match(html, new RegExp(`style-src https://webview\\.test 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`));
    assert.match(html, /font-src https:\/\/webview\.test data:;/);
    assert.doesNotMatch(html, /unsafe-inline/);
    assert.ok(html.includes(`<script nonce="${nonce}">document.title = "x";</script>`));
    assert.ok(html.includes(`url("data:font/ttf;base64,${Buffer.from('TTF bytes').toString('base64')}") format("truetype")`), 'the font is in the page');
    assert.ok(html.includes('url(https://webview.test/ext/dist/media/dot.png)'), 'anything else is fetched from dist/media/');
    assert.equal((html.match(new RegExp(`<style nonce="${nonce.replace(/[+/=]/g, '\\$&')}">`, 'g')) ?? []).length, 2);
    assert.doesNotMatch(html, /<link |src="https:\/\/webview\.test\/ext\/dist\/media\/report\.js"/, 'nothing left to fetch');
  });
  it('fetches a font it cannot read from dist/media/, and then allows no data: fonts', () => {
    const assets = reportAssets(extensionWith({
      'dist/media/report.js': 'x',
      'dist/media/report.css': '@font-face { src: url("./codicon.ttf?abc") format("truetype"); }',
      'media/report.css': '',
    }));
    assert.ok(assets);
    const html = reportHtml(webview as never, { path: '/ext' } as never, boot, assets);
    assert.ok(html.includes('url("https://webview.test/ext/dist/media/codicon.ttf?abc")'));
    assert.match(html, /font-src https:\/\/webview\.test;/);
  });
  it('links them when a file is missing', () => {
    assert.equal(reportAssets(extensionWith({ 'dist/media/report.js': 'x' })), undefined);
    const html = reportHtml(webview as never, { path: '/ext' } as never, boot, undefined);
    assert.match(html, /<script nonce="[^"]+" src="https:\/\/webview\.test\/ext\/dist\/media\/report\.js"><\/script>/);
    assert.match(html, /style-src https:\/\/webview\.test;/);
  });
  it('refuses text that would end its element or open a comment', () => {
    assert.equal(inlinable('a = "</SCRIPT>"', []), false);
    assert.equal(inlinable('a = "<!--"', []), false);
    assert.equal(inlinable('ok', ['p{} </style><script>']), false);
    assert.equal(inlinable('ok', ['p { color: red }']), true);
  });
});
