// The report page: a strict CSP with a per-load nonce, assets only from media/ and dist/media/,
// and the first state embedded as JSON (escaped so no text can close the script element). With
// `inline` (report-assets.ts) the script and style sheets are in the page, under the same nonce.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ReportBootstrap } from '../../shared/report-protocol';
import { jsonForScript } from './script-json';
import { DIST_MEDIA_PLACEHOLDER, type ReportAssets } from './report-assets';

export function reportResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'media')];
}

export function reportHtml(webview: vscode.Webview, extensionUri: vscode.Uri, boot: ReportBootstrap, inline?: ReportAssets): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...p)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}${inline ? ` 'nonce-${nonce}'` : ''}`,
    `font-src ${webview.cspSource}${inline?.dataFonts ? ' data:' : ''}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    // No <base> may re-point relative URLs and no form may post anywhere.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const distMedia = `${asset('dist', 'media')}/`;
  const styles = inline
    ? inline.styles.map((css) => `<style nonce="${nonce}">${css.split(DIST_MEDIA_PLACEHOLDER).join(distMedia)}</style>`).join('\n')
    : `<link rel="stylesheet" href="${asset('dist', 'media', 'report.css')}">\n<link rel="stylesheet" href="${asset('media', 'report.css')}">`;
  const script = inline ? `<script nonce="${nonce}">${inline.script}</script>` : `<script nonce="${nonce}" src="${asset('dist', 'media', 'report.js')}"></script>`;
  const lang = vscode.env.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(boot.strings.title)}: ${escapeHtml(boot.state.loginServer)}</title>
</head>
<body>
<div id="root"></div>
<script type="application/json" id="acr-bootstrap" nonce="${nonce}">${jsonForScript(boot)}</script>
${script}
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
