// The report's script and style sheets, read once from the installed extension and written into
// the page itself: a webview fetches each linked file through VS Code's resource loader after its
// page has loaded (~40–80 ms in code-server on an idle machine), and the report's first paint
// waited for them. A file that cannot be read, or whose text would close its element, stays linked.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ReportAssets {
  script: string;
  /** dist/media/report.css (its font referred to by `fontPlaceholder`), then media/report.css. */
  styles: string[];
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
    const distCss = read('dist', 'media', 'report.css').replace(/url\((["']?)\.\//g, `url($1${DIST_MEDIA_PLACEHOLDER}`);
    const styles = [distCss, read('media', 'report.css')];
    return inlinable(script, styles) ? { script, styles } : undefined;
  } catch {
    return undefined;
  }
}

/** No text may end its element early (`</script`, `</style`) or open a comment the parser would honour. */
export function inlinable(script: string, styles: string[]): boolean {
  return !/<\/script|<!--/i.test(script) && styles.every((s) => !/<\/style|<!--/i.test(s));
}
