// The report's script and style sheets, read once from the installed extension and written into
// the page itself: a webview fetches each linked file through VS Code's resource loader after its
// page has loaded (~40–80 ms in code-server on an idle machine), and the report's first paint
// waited for them. The codicon font goes in as a data: URL: fetched, it held back the page's load
// event, which VS Code waits for before it shows the page and hands it the findings already posted
// (bench: the content frame visible 100–130 ms later). A file that cannot be read, or whose text
// would close its element, stays linked; a font that cannot be read stays fetched.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ReportAssets {
  script: string;
  /** dist/media/report.css (its fonts as data: URLs, or referred to through DIST_MEDIA_PLACEHOLDER), then media/report.css. */
  styles: string[];
  /** A font is a data: URL (the page's CSP must allow data: fonts). */
  dataFonts: boolean;
}

/** Stands for dist/media/ in the inlined CSS (its url() were relative to the file). */
export const DIST_MEDIA_PLACEHOLDER = '__ACR_DOCTOR_DIST_MEDIA__/';

const byRoot = new Map<string, ReportAssets | null>();

/** The assets under `extensionPath`, or undefined (link them) when one is missing or unsafe to inline. */
export function reportAssets(extensionPath: string): ReportAssets | undefined {
  if (!byRoot.has(extensionPath)) byRoot.set(extensionPath, readAssets(extensionPath) ?? null);
  return byRoot.get(extensionPath) ?? undefined;
}

function readAssets(root: string): ReportAssets | undefined {
  try {
    const read = (...p: string[]) => fs.readFileSync(path.join(root, ...p), 'utf8');
    const script = read('dist', 'media', 'report.js');
    let dataFonts = false;
    const distCss = read('dist', 'media', 'report.css')
      .replace(FONT_URL, (whole, file: string, ext: string) => {
        const font = readFont(path.join(root, 'dist', 'media', file));
        if (!font) return whole;
        dataFonts = true;
        return `url("data:${FONT_TYPES[ext.toLowerCase()]};base64,${font}")`;
      })
      .replace(/url\((["']?)\.\//g, `url($1${DIST_MEDIA_PLACEHOLDER}`);
    const styles = [distCss, read('media', 'report.css')];
    return inlinable(script, styles) ? { script, styles, dataFonts } : undefined;
  } catch {
    return undefined;
  }
}

/** A font next to the style sheet: url("./codicon.ttf?hash") (quotes optional, the query ignored). */
const FONT_URL = /url\(["']?\.\/([\w.-]+\.(ttf|woff2?))(?:\?[^"')]*)?["']?\)/gi;
const FONT_TYPES: Record<string, string> = { ttf: 'font/ttf', woff: 'font/woff', woff2: 'font/woff2' };

function readFont(file: string): string | undefined {
  try { return fs.readFileSync(file).toString('base64'); } catch { return undefined; }
}

/** No text may end its element early (`</script`, `</style`) or open a comment the parser would honour. */
export function inlinable(script: string, styles: string[]): boolean {
  return !/<\/script|<!--/i.test(script) && styles.every((s) => !/<\/style|<!--/i.test(s));
}
