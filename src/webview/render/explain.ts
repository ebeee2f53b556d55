// "Paste an error": a labelled text box; the host maps the text to causes.
import type { ReportState, ReportStrings } from '../../shared/report-protocol';
import { MAX_PASTED_CHARS } from '../../shared/report-protocol';
import type { ReportActions } from './actions';
import { renderCause } from './causes';
import { button, h } from './dom';

export function renderExplainForm(t: ReportStrings, a: ReportActions, text: string): HTMLElement {
  const area = h('textarea', { id: 'paste', rows: '4', maxlength: String(MAX_PASTED_CHARS), spellcheck: 'false', 'aria-describedby': 'paste-hint' });
  area.value = text;
  area.addEventListener('input', () => a.pasteChanged(area.value));
  const submit: HTMLButtonElement = button(t.pasteSubmit, 'lightbulb', () => { if (area.value.trim()) a.explain(area.value, submit); }, { 'data-key': 'explain' });
  return h('section', { class: 'explain-section', 'aria-labelledby': 'paste-h' },
    h('h2', { id: 'paste-h' }, t.pasteTitle),
    h('label', { for: 'paste', id: 'paste-hint', class: 'hint' }, t.pasteHint),
    area,
    h('div', { class: 'actions' }, submit),
    h('div', { id: 'explain-results', 'aria-live': 'polite' }));
}

export function renderExplainResults(s: ReportState, t: ReportStrings, a: ReportActions): HTMLElement[] {
  if (!s.explain) return [];
  const named = s.explain.registry;
  const diagnose = named
    ? h('div', { class: 'actions' }, button(t.diagnoseNamed.replace('{0}', named), 'pulse', () => a.diagnoseNamed(),
      { class: 'btn primary', 'data-key': 'explain-diagnose', 'data-action': 'diagnose-named', disabled: s.phase === 'running' }))
    : undefined;
  const understood = s.explain.understood
    ? h('p', { class: 'understood hint', 'data-key': 'explain-understood' }, h('span', {}, `${t.pasteUnderstood}: `), h('strong', {}, s.explain.understood))
    : undefined;
  const tellApart = s.explain.tellApart?.length
    ? h('div', { class: 'tell-apart', 'data-key': 'explain-tell-apart' }, h('p', {}, s.explain.bareSignal === '403' ? t.pasteTellApartForbidden : t.pasteTellApart),
      h('ul', {}, ...s.explain.tellApart.map((x) => h('li', {}, h('strong', {}, x.title), ` — ${x.check}`))))
    : undefined;
  // A bare "unauthorized" naming no registry: the diagnosis of the current target makes the checks listed.
  const runChecks = s.explain.tellApart?.length && !named
    ? h('div', { class: 'actions' }, button(t.pasteRunChecks, 'pulse', () => a.rerunAll(),
      { class: 'btn primary', 'data-key': 'explain-run-checks', 'data-action': 'rerun-all', disabled: s.phase === 'running' }))
    : undefined;
  const parts: (HTMLElement | undefined)[] = [understood, tellApart, runChecks];
  const head = parts.filter((e): e is HTMLElement => e !== undefined);
  if (s.explain.causes.length === 0) return [...head, h('p', { class: 'empty' }, t.pasteNoMatch), ...(diagnose ? [diagnose] : [])];
  return [
    ...head,
    h('ol', { class: 'causes' }, ...s.explain.causes.map((c, i) => h('li', {},
      renderCause(c, i === 0, s, t, a, 'explain'),
      c.matched?.length ? h('p', { class: 'matched hint' }, h('span', {}, `${t.pasteMatched}: `),
        ...c.matched.flatMap((m, j) => [j ? ', ' : '', h('q', {}, m)])) : undefined))),
    ...(diagnose ? [diagnose] : []),
  ];
}
