// When the report's webview first SHOWS a finished check, seen from the workbench page (outside the
// extension): an init script that Playwright runs in each webview's frame looks (every 4 ms, for a
// minute at most) into the report's document for its first check row whose status is no longer
// pending and, at the next animation frame (painted), calls a binding with Date.now(), the clock the
// extension host's probe uses too. Nothing in the extension itself is changed to be measured.
import type { Page } from 'playwright-core';

const BINDING = 'acrDoctorBenchShown';

// A string, not a function: a function would be serialised as tsx compiled it (helpers the page lacks).
const WATCHER = `(() => {
  // Only a webview's outer frame (VS Code's pre/index.html): it writes the report into a same-origin
  // child frame with document.write, where an init script does not run; this frame can read it.
  if (!/\\/webview\\/browser\\/pre\\/index\\.html$/.test(location.pathname)) return;
  const started = Date.now();
  const finished = (d) => !!d && !!d.getElementById('acr-bootstrap')
    && !!d.querySelector('li.check[data-status]:not([data-status="pending"]):not([data-status="running"])');
  const timer = setInterval(() => {
    if (Date.now() - started > 60000) { clearInterval(timer); return; }
    for (const f of document.querySelectorAll('iframe')) {
      let d;
      try { d = f.contentDocument; } catch { d = undefined; }
      if (!finished(d)) continue;
      clearInterval(timer);
      requestAnimationFrame(() => window.__BINDING__ && window.__BINDING__(Date.now()));
      return;
    }
  }, 4);
})();`;

/** Calls `onShown(epochMs)` once per report document, when its first finished check is painted. */
export async function watchShownFindings(page: Page, onShown: (at: number) => void): Promise<void> {
  // Both sent at once, before the harness navigates (it does not wait for onPage).
  const exposed = page.exposeFunction(BINDING, (at: number) => onShown(at));
  const script = page.addInitScript({ content: WATCHER.split('__BINDING__').join(BINDING) });
  await Promise.all([exposed, script]);
}
