// The header: registry, identity, phase and elapsed time, and the run/export toolbar.
import type { ReportState, ReportStrings } from '../../shared/report-protocol';
import type { ReportActions } from './actions';
import { button, h, icon } from './dom';
import { formatMs } from './status';

export function renderHeader(s: ReportState, t: ReportStrings, a: ReportActions, targetForm?: HTMLElement): HTMLElement {
  const running = s.phase === 'running';
  const phase = running ? t.running : s.phase === 'failed' ? t.failed : s.phase === 'done' ? t.done : t.notStarted;
  const phaseIcon = running ? icon('loading', 'codicon-modifier-spin') : s.phase === 'failed' ? icon('error', 'st-fail') : s.phase === 'done' ? icon('check', 'st-pass') : icon('circle-large-outline');
  return h('header', { class: 'report-header' },
    h('h1', {}, h('span', { class: 'title-label' }, `${t.title}: `), h('span', { class: 'registry' }, s.loginServer)),
    h('div', { class: 'meta' },
      s.identity ? h('span', { class: 'meta-item' }, icon('account'), h('span', {}, `${t.identity}: ${s.identity}`)) : undefined,
      h('span', { class: 'meta-item' }, icon('watch'), h('span', {}, `${t.elapsed}: `), h('span', { id: 'elapsed', 'data-testid': 'elapsed' }, formatMs(s.elapsedMs, t))),
      h('span', { class: 'meta-item phase', 'data-testid': 'phase', 'data-phase': s.phase }, phaseIcon, h('span', {}, phase)),
    ),
    s.budgetExceeded ? h('p', { class: 'notice st-warn' }, icon('warning'), h('span', {}, t.budgetExceeded)) : undefined,
    s.error ? h('p', { class: 'notice st-fail', role: 'alert' }, icon('error'), h('span', {}, `${t.failed}: ${s.error}`)) : undefined,
    s.lastFix ? h('p', { class: `notice fix-${s.lastFix.outcome}`, 'data-testid': 'last-fix' },
      icon(s.lastFix.outcome === 'applied' ? 'check' : s.lastFix.outcome === 'failed' ? 'error' : 'circle-slash',
        s.lastFix.outcome === 'applied' ? 'st-pass' : s.lastFix.outcome === 'failed' ? 'st-fail' : 'st-skipped'),
      h('span', {}, s.lastFix.message)) : undefined,
    targetForm,
    h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t.title },
      running
        ? button(t.cancel, 'debug-stop', a.cancel, { 'data-key': 'cancel' })
        : button(t.rerunAll, 'debug-restart', a.rerunAll, { 'data-key': 'rerun-all', class: 'btn primary' }),
      button(t.exportMarkdown, 'markdown', () => a.exportAs('markdown'), { 'data-key': 'export-md', disabled: running }),
      button(t.exportJson, 'json', () => a.exportAs('json'), { 'data-key': 'export-json', disabled: running }),
    ),
  );
}
