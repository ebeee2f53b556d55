// The report webview: paints the bootstrapped state, mirrors the host's updates, and turns
// clicks into typed commands. Strings come from the host; nothing here is English.
// The codicon font comes with the bundle (dist/media/report.css, the font inlined).
import '@vscode/codicons/dist/codicon.css';
import type { ReportBootstrap, ReportState, ReportStrings } from '../shared/report-protocol';
import {
  CancelCommand, CopyCommandCommand, DidChangeStateNotification, DidUpdateCheckNotification, ExplainCommand, ExplainDiagnoseCommand,
  ExportCommand, OpenDocsCommand, ReadyCommand, RerunAllCommand, RerunCheckCommand, ResponseNotification, RunFixCommand,
  ImageSuggestionsNotification, PickIdentityCommand, SetTargetCommand, SuggestImagesCommand,
} from '../shared/report-protocol';
import { request, send, settle } from './lib/ipc-client';
import type { ReportActions } from './render/actions';
import { renderCauses } from './render/causes';
import { renderChecks } from './render/checks';
import { h } from './render/dom';
import { renderExplainForm, renderExplainResults } from './render/explain';
import { renderHeader } from './render/header';
import { createTargetForm } from './render/target-form';
import { formatMs, statusWord } from './render/status';
import { vscodeApi, type PersistedState, type UiState } from './lib/vscode-api';
import { persistedUi } from './lib/persisted-ui';

// Where the page's own time goes, read by the bench (bench/extension-host-shown.ts) and DevTools.
performance.mark('acr-report:script');
const boot = JSON.parse(document.getElementById('acr-bootstrap')?.textContent ?? '{}') as ReportBootstrap;
const t: ReportStrings = boot.strings;
let state: ReportState = boot.state;
const saved = vscodeApi.getState() as Partial<PersistedState> | undefined;
const ui: UiState = persistedUi(saved?.ui);
const open = new Set(ui.openEvidence);
let elapsedBase = { ms: state.elapsedMs, at: performance.now() };
let announcedFix = state.lastFix;

const root = document.getElementById('root') as HTMLElement;
const announcer = h('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', id: 'announcer' });
const body = h('div', { id: 'report-body' });
const results = (): HTMLElement | null => document.getElementById('explain-results');

const actions: ReportActions = {
  openDocs: (causeId) => send(OpenDocsCommand, { causeId }),
  copyCommand: (fix, btn) => void request(CopyCommandCommand, fix).then((r) => { if (r.ok) flash(btn, t.copied); }),
  runFix: (fix, btn) => { btn.disabled = true; void request(RunFixCommand, fix).finally(() => { btn.disabled = false; }); },
  rerunCheck: (checkId) => send(RerunCheckCommand, { checkId }),
  rerunAll: () => send(RerunAllCommand, {}),
  cancel: () => send(CancelCommand, {}),
  exportAs: (format) => send(ExportCommand, { format }),
  explain: (text, btn) => { btn.disabled = true; void request(ExplainCommand, { text }).finally(() => { btn.disabled = false; }); },
  diagnoseNamed: () => send(ExplainDiagnoseCommand, {}),
  toggleEvidence: (id, isOpen) => { if (isOpen) open.add(id); else open.delete(id); persist(); },
  pasteChanged: (text) => { ui.pasteText = text; persist(); },
};

const targetForm = createTargetForm(t, {
  setTarget: async (image, operation) => { const r = await request(SetTargetCommand, { image, operation }); return r.ok ? undefined : r.error; },
  pickIdentity: async () => { const r = await request(PickIdentityCommand, {}); return r.ok ? undefined : r.error; },
  suggest: (text) => send(SuggestImagesCommand, { text }),
});

function persist(): void {
  ui.openEvidence = [...open];
  vscodeApi.setState({ state, ui: persistedUi(ui) });
}

let renderPending = false;
/** A finished check is on screen: until then a streamed one renders at once, not at the next frame. */
let findingShown = false;

/** Streamed checks come in bursts (all at once when the page loads): one render per frame for them. */
function renderSoon(): void {
  if (renderPending) return;
  renderPending = true;
  const run = () => { if (renderPending) render(); };
  requestAnimationFrame(run);
  setTimeout(run, 100); // no animation frames while the page is hidden
}

/** Re-renders the report body, keeping keyboard focus on the same control. */
function render(): void {
  renderPending = false;
  const active = document.activeElement as HTMLElement | null;
  const focusKey = active?.dataset?.key;
  const caret = active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] as const : undefined;
  targetForm.update(state);
  body.replaceChildren(
    renderHeader(state, t, actions, state.target ? targetForm.element : undefined),
    h('main', {},
      renderCauses(state, t, actions),
      renderChecks('login', state, t, actions, open) ?? '',
      renderChecks('network', state, t, actions, open) ?? ''),
  );
  results()?.replaceChildren(...renderExplainResults(state, t, actions));
  if (focusKey) {
    const again = document.querySelector(`[data-key="${CSS.escape(focusKey)}"]`) as HTMLElement | null;
    if (again && again !== document.activeElement) again.focus();
    if (caret && again instanceof HTMLInputElement) again.setSelectionRange(caret[0], caret[1]);
  }
  document.body.dataset.phase = state.phase;
  persist();
}

function flash(btn: HTMLButtonElement, text: string): void {
  const label = btn.querySelector('span:last-child');
  if (!label) return;
  const before = label.textContent;
  label.textContent = text;
  setTimeout(() => { label.textContent = before; }, 1500);
}

/** A new explain answer (from the command or the form): the text in the box, the answer in view. */
function showExplained(input: string): void {
  const area = document.getElementById('paste');
  // Text explained from the command palette replaces the box's; the form's own submission stays as typed.
  if (area instanceof HTMLTextAreaElement && !area.value.startsWith(input.slice(0, 40))) { area.value = input; ui.pasteText = input; persist(); }
  document.getElementById('paste-h')?.scrollIntoView({ block: 'start' });
  announce(`${t.pasteTitle}: ${state.explain?.causes.length ?? 0}`);
}

function announce(text: string): void {
  announcer.textContent = text;
}

window.addEventListener('message', (e: MessageEvent) => {
  const msg: unknown = e.data;
  if (DidChangeStateNotification.is(msg)) {
    const wasRunning = state.phase === 'running';
    const explainedBefore = state.explain;
    state = msg.params.state;
    elapsedBase = { ms: state.elapsedMs, at: performance.now() };
    render();
    if (state.explain && state.explain !== explainedBefore) showExplained(state.explain.input);
    if (wasRunning && state.phase === 'done') announce(`${t.done}. ${t.sectionCauses}: ${state.causes.length}`);
    if (state.lastFix && state.lastFix !== announcedFix) { announcedFix = state.lastFix; announce(state.lastFix.message); }
  } else if (DidUpdateCheckNotification.is(msg)) {
    const { checks: changed, causes, elapsedMs } = msg.params;
    const checks = [...state.checks];
    for (const check of changed) {
      const i = checks.findIndex((c) => c.id === check.id);
      if (i >= 0) checks[i] = check; else checks.push(check);
    }
    state = { ...state, checks, causes, elapsedMs };
    elapsedBase = { ms: elapsedMs, at: performance.now() };
    if (findingShown) renderSoon(); else { findingShown = changed.some((c) => c.status !== 'pending'); render(); }
    announce(changed.map((check) => `${check.title}: ${statusWord(check.status, t)}`).join('; '));
  } else if (ImageSuggestionsNotification.is(msg)) {
    targetForm.suggestions(msg.params.text, msg.params.items.filter((x): x is string => typeof x === 'string').slice(0, 200), msg.params.error);
  } else if (ResponseNotification.is(msg)) {
    settle(msg.params);
  }
});

// The elapsed clock ticks locally while a run streams.
setInterval(() => {
  if (state.phase !== 'running') return;
  const el = document.getElementById('elapsed');
  if (el) el.textContent = formatMs(elapsedBase.ms + performance.now() - elapsedBase.at, t);
}, 250);

root.replaceChildren(announcer, body, renderExplainForm(t, actions, ui.pasteText));
render();
performance.mark('acr-report:rendered');
send(ReadyCommand, {});
