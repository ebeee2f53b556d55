import { strict as assert } from 'node:assert';
import type { ReportState, ReportStrings } from '../../../../src/shared/report-protocol';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// The explain view's results as the webview builds them, on a minimal element tree (the builder
// only creates elements, sets attributes, adds listeners and appends children). The webview is
// type-checked with the DOM library (src/webview/tsconfig.json), so it is loaded here by path.
type Render = (s: ReportState, t: ReportStrings, a: unknown) => unknown[];
let renderExplainResults: Render;
interface FakeEl { tag: string; attrs: Record<string, string>; children: (FakeEl | string)[]; on: Record<string, () => void> }
function fakeDocument() {
  return {
    createElement: (tag: string): FakeEl & Record<string, unknown> => {
      const el: FakeEl & Record<string, unknown> = { tag, attrs: {}, children: [], on: {} };
      el.setAttribute = (k: string, v: string) => { el.attrs[k] = v; };
      el.addEventListener = (t: string, f: () => void) => { el.on[t] = f; };
      el.append = (...c: (FakeEl | string)[]) => { el.children.push(...c); };
      return el;
    },
  };
}
const all = (els: (FakeEl | string)[]): FakeEl[] => els.flatMap((e) => (typeof e === 'string' ? [] : [e, ...all(e.children)]));
const text = (e: FakeEl | string): string => (typeof e === 'string' ? e : e.children.map(text).join(''));

const strings = new Proxy({}, { get: (_t, k) => `<${String(k)}>` }) as ReportStrings;
const tellApart = [{ causeId: 'credentials.invalid', title: 'Bad credentials', check: 'Log in again' }];

describe('explain view: a bare refusal', () => {
  const saved = (globalThis as { document?: unknown }).document;
  before(async () => {
    (globalThis as { document?: unknown }).document = fakeDocument();
    const file = path.join(__dirname, '..', '..', '..', '..', 'src', 'webview', 'render', 'explain.ts');
    ({ renderExplainResults } = (await import(pathToFileURL(file).href)) as { renderExplainResults: Render });
  });
  after(() => { (globalThis as { document?: unknown }).document = saved; });

  function render(explain: Partial<NonNullable<ReportState['explain']>>, phase: ReportState['phase'] = 'done') {
    const calls: string[] = [];
    const actions = { rerunAll: () => calls.push('rerunAll'), diagnoseNamed: () => calls.push('diagnoseNamed') };
    const state = { phase, explain: { input: 'x', causes: [], ...explain } } as unknown as ReportState;
    return { els: all(renderExplainResults(state, strings, actions) as unknown as FakeEl[]), calls };
  }

  it('lists the checks and offers the diagnosis that runs them when the text names no registry', () => {
    const { els, calls } = render({ tellApart, bareSignal: '401' });
    assert.ok(els.some((e) => e.attrs['data-key'] === 'explain-tell-apart' && text(e).includes('<pasteTellApart>') && text(e).includes('Log in again')));
    const run = els.find((e) => e.attrs['data-key'] === 'explain-run-checks');
    assert.ok(run, 'no run-the-checks button');
    assert.match(text(run), /<pasteRunChecks>/);
    run.on.click();
    assert.deepEqual(calls, ['rerunAll']);
  });

  it('says "403 Forbidden" for a bare 403; with a named registry it offers "Diagnose <registry>" instead; disabled while running', () => {
    assert.ok(render({ tellApart, bareSignal: '403' }).els.some((e) => text(e).startsWith('<pasteTellApartForbidden>')));
    const named = render({ tellApart, bareSignal: '401', registry: 'contoso.azurecr.io' }).els;
    assert.ok(!named.some((e) => e.attrs['data-key'] === 'explain-run-checks'));
    assert.ok(named.some((e) => e.attrs['data-key'] === 'explain-diagnose'));
    const running = render({ tellApart }, 'running').els.find((e) => e.attrs['data-key'] === 'explain-run-checks');
    assert.equal(running?.attrs.disabled, '');
    // A text with more to say: no checks, no button.
    assert.ok(!render({}).els.some((e) => e.attrs['data-key'] === 'explain-run-checks' || e.attrs['data-key'] === 'explain-tell-apart'));
  });
});
