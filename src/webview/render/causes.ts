// Ranked causes, the root cause first: explanation, the seed's section, and the quick fixes.
import type { CauseView, ReportState, ReportStrings } from '../../shared/report-protocol';
import type { ReportActions } from './actions';
import { button, h, icon } from './dom';

export function renderCauses(s: ReportState, t: ReportStrings, a: ReportActions): HTMLElement {
  const list = s.causes.length
    ? h('ol', { class: 'causes' }, ...s.causes.map((c, i) => h('li', {}, renderCause(c, i === 0, s, t, a, 'cause'))))
    : h('p', { class: 'empty' }, s.phase === 'done' ? t.noCauses : '');
  return h('section', { class: 'causes-section', 'aria-labelledby': 'causes-h' },
    h('h2', { id: 'causes-h' }, t.sectionCauses), list);
}

export function renderCause(c: CauseView, root: boolean, s: ReportState, t: ReportStrings, a: ReportActions, keyPrefix: string): HTMLElement {
  const fixes = c.fixes.filter((f) => f.kind !== 'openDocs');
  return h('article', { class: `cause ${c.status === 'fail' ? 'is-fail' : 'is-warn'}${root ? ' is-root' : ''}`, 'data-cause': c.causeId, 'aria-labelledby': `${keyPrefix}-${c.causeId}-h` },
    h('div', { class: 'cause-head' },
      icon(c.status === 'fail' ? 'error' : 'warning', c.status === 'fail' ? 'st-fail' : 'st-warn'),
      h('h3', { id: `${keyPrefix}-${c.causeId}-h` }, c.title),
      h('span', { class: `badge${root ? ' badge-root' : ''}` }, root ? t.rootCause : t.alsoCause),
    ),
    h('p', { class: 'explanation' }, c.explanation),
    h('p', { class: 'section-ref' }, icon('book'), h('span', {}, `${t.seedSection}: `), h('cite', {}, c.sectionTitle)),
    ...fixes.filter((f) => f.command).map((f) => h('div', { class: 'command' },
      h('div', { class: 'command-title' }, f.title),
      h('pre', {}, h('code', {}, f.command ?? '')),
    )),
    h('div', { class: 'actions' },
      button(t.openDocs, 'link-external', () => a.openDocs(c.causeId), { 'data-key': `${keyPrefix}-docs-${c.causeId}`, 'data-action': 'open-docs' }),
      ...fixes.filter((f) => f.command).map((f) => {
        const b: HTMLButtonElement = button(t.copyCommand, 'copy', () => a.copyCommand({ causeId: c.causeId, index: f.index }, b),
          { 'data-key': `${keyPrefix}-copy-${c.causeId}-${f.index}`, 'data-action': 'copy-command', 'aria-label': `${t.copyCommand}: ${f.title}` });
        return b;
      }),
      ...fixes.filter((f) => f.runnable).map((f) => {
        const b: HTMLButtonElement = button(`${t.runFix}: ${f.title}`, 'wrench', () => a.runFix({ causeId: c.causeId, index: f.index }, b), {
          class: 'btn primary', 'data-key': `${keyPrefix}-run-${c.causeId}-${f.index}`, 'data-action': 'run-fix',
          disabled: !s.trusted || s.phase === 'running', title: s.trusted ? undefined : t.untrusted,
        });
        return b;
      }),
    ),
    !s.trusted && fixes.some((f) => f.runnable) ? h('p', { class: 'hint' }, icon('shield'), h('span', {}, t.untrusted)) : undefined,
  );
}
