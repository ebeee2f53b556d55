// When the report's webview first SHOWS a finished check, and where the time before it went, seen
// from the workbench page (outside the extension host): an init script that Playwright runs in each
// webview's outer frame (VS Code's pre/index.html) records, in Date.now() (the clock the extension
// host's probe uses too), the moments of VS Code's webview boot and of the report's own page:
//   frame       the outer frame's navigation began (the workbench made the webview's iframe)
//   worker      its service worker answered (VS Code writes no content before that)
//   content     VS Code made the content frame (it had the page's HTML and the worker)
//   fake        its placeholder page (fake.html) had loaded: VS Code writes the report's page over it
//   script      the report's script began (its own performance mark) … rendered (its first render)
//   fonts       the codicon font the page asked for had arrived (its resource entry)
//   loaded      the content document was complete (its load event)
//   visible     VS Code showed the content frame (its load event, or 200 ms after the write) and
//               handed it the messages it had held for it
//   finding     the first check row that is no longer pending/running in the visible frame, at
//               the next animation frame (painted): the "shown" the bench's row reports
// It polls every 4 ms for a minute at most. Nothing in the extension is changed to be measured
// except two performance marks in the report's script (src/webview/report.ts).
import type { Page } from 'playwright-core';

const BINDING = 'acrDoctorBenchShown';

/** One webview's boot, each moment in epoch ms (absent when it did not happen within the minute). */
export interface WebviewTimeline {
  frame: number;
  worker?: number;
  content?: number;
  /** VS Code's empty page in the content frame had loaded (it writes the report's page over it next). */
  fake?: number;
  script?: number;
  rendered?: number;
  /** The content frame's load event had fired (its document complete: every resource it waited for). */
  loaded?: number;
  /** The last font the page fetched (the codicons) had arrived. */
  fonts?: number;
  visible?: number;
  finding?: number;
  /** The HTML VS Code wrote into the content frame, in characters (the page we send, with VS Code's additions). */
  htmlChars?: number;
}

// A string, not a function: a function would be serialised as tsx compiled it (helpers the page lacks).
const WATCHER = `(() => {
  // Only a webview's outer frame: it writes the report into a same-origin child frame with
  // document.write, where an init script does not run; this frame can read it.
  if (!/\\/webview\\/browser\\/pre\\/index\\.html$/.test(location.pathname)) return;
  const t = { frame: Math.round(performance.timeOrigin) };
  const now = () => Date.now();
  const report = () => window.__BINDING__ && window.__BINDING__(JSON.stringify(t));
  try {
    navigator.serviceWorker.addEventListener('message', (e) => { if (e.data && e.data.channel === 'version' && !t.worker) t.worker = now(); });
  } catch {}
  const finished = (d) => !!d.querySelector('li.check[data-status]:not([data-status="pending"]):not([data-status="running"])');
  const mark = (w, name) => {
    try {
      const m = w.performance.getEntriesByName(name, 'mark')[0];
      return m ? Math.round(w.performance.timeOrigin + m.startTime) : undefined;
    } catch { return undefined; }
  };
  // Every font the page fetched has arrived (its resource entries; none fetched: not yet known).
  const fontsDone = (w) => {
    try {
      const fonts = w.performance.getEntriesByType('resource').filter((e) => /\\.(ttf|woff2?)(\\?|$)/.test(e.name));
      return fonts.length && fonts.every((e) => e.responseEnd > 0) ? Math.round(w.performance.timeOrigin + Math.max(...fonts.map((e) => e.responseEnd))) : undefined;
    } catch { return undefined; }
  };
  const started = now();
  const timer = setInterval(() => {
    if (now() - started > 60000) { clearInterval(timer); report(); return; }
    for (const f of document.querySelectorAll('iframe')) {
      t.content ??= now();
      let d, w;
      try { d = f.contentDocument; w = f.contentWindow; } catch { d = undefined; }
      if (!d) continue;
      if (!d.getElementById('acr-bootstrap')) { if (d.readyState !== 'loading' && /\\/fake\\.html$/.test(d.location.pathname)) t.fake ??= now(); continue; }
      t.htmlChars ??= d.documentElement.outerHTML.length;
      t.script ??= mark(w, 'acr-report:script');
      t.rendered ??= mark(w, 'acr-report:rendered');
      if (d.readyState === 'complete') t.loaded ??= now();
      t.fonts ??= fontsDone(w);
      if (f.id !== 'active-frame' || f.style.visibility === 'hidden') continue;
      t.visible ??= now();
      if (!finished(d)) continue;
      clearInterval(timer);
      requestAnimationFrame(() => { t.finding = now(); report(); });
      return;
    }
  }, 4);
})();`;

/** Calls `onTimeline` once per report webview, when its first finished check is painted (or after a minute without). */
export async function watchShownFindings(page: Page, onTimeline: (t: WebviewTimeline) => void): Promise<void> {
  // Both sent at once, before the harness navigates (it does not wait for onPage).
  const exposed = page.exposeFunction(BINDING, (json: string) => onTimeline(JSON.parse(json) as WebviewTimeline));
  const script = page.addInitScript({ content: WATCHER.split('__BINDING__').join(BINDING) });
  await Promise.all([exposed, script]);
}

/** The boot as phases, ms since the command: "frame @120, worker @300, …" (undefined moments left out). */
export function webviewPhasesLine(t: WebviewTimeline, commandAt: number): string {
  const order: (keyof WebviewTimeline)[] = ['frame', 'worker', 'content', 'fake', 'script', 'rendered', 'fonts', 'loaded', 'visible', 'finding'];
  return order.filter((k) => t[k] !== undefined).map((k) => `${k} @${Math.round(t[k]! - commandAt)}`).join(', ');
}
