// One section per area ("Login", "Network"): each check with its status icon, timing,
// message, evidence (collapsible) and a re-run button.
import type { CheckView, ReportState, ReportStrings } from '../../shared/report-protocol';
import type { ReportActions } from './actions';
import { button, h, icon, srOnly } from './dom';
import { formatMs, statusIcon, statusWord } from './status';

export function renderChecks(area: 'login' | 'network', s: ReportState, t: ReportStrings, a: ReportActions, open: Set<string>): HTMLElement | undefined {
  const checks = s.checks.filter((c) => c.area === area);
  if (checks.length === 0) return undefined;
  const heading = area === 'login' ? t.sectionLogin : t.sectionNetwork;
  return h('section', { class: 'checks-section', 'aria-labelledby': `${area}-h` },
    h('h2', { id: `${area}-h` }, heading),
    h('ul', { class: 'checks' }, ...checks.map((c) => renderCheck(c, s, t, a, open))));
}

export function renderCheck(c: CheckView, s: ReportState, t: ReportStrings, a: ReportActions, open: Set<string>): HTMLElement {
  const st = statusIcon(c.status, s.phase === 'running');
  const li = h('li', { class: `check is-${c.status}`, id: `check-${c.id}`, 'data-check': c.id, 'data-status': c.status },
    h('div', { class: 'check-row' },
      icon(st.name, st.cls),
      srOnly(`${statusWord(c.status, t)}: `),
      h('span', { class: 'check-title' }, c.title),
      h('span', { class: 'check-time' }, formatMs(c.durationMs, t)),
      s.phase !== 'running'
        ? button(t.rerunCheck, 'debug-rerun', () => a.rerunCheck(c.id), { class: 'btn icon-only', 'aria-label': `${t.rerunCheck}: ${c.title}`, title: t.rerunCheck, 'data-key': `rerun-${c.id}` })
        : undefined,
    ),
    // A skip names the check that blocked it; its message would only repeat that.
    c.message && !c.blockedBy ? h('p', { class: 'check-message' }, c.message) : undefined,
    c.blockedBy ? h('p', { class: 'check-blocked' }, `${t.blockedBy}: ${c.blockedBy}`) : undefined,
  );
  if (c.evidence.length) {
    const details = h('details', { class: 'evidence', open: open.has(c.id) },
      h('summary', { 'data-key': `evidence-${c.id}` }, t.evidence),
      h('dl', {}, ...c.evidence.flatMap((e) => [h('dt', {}, e.key), h('dd', {}, h('code', {}, e.value))])));
    details.addEventListener('toggle', () => a.toggleEvidence(c.id, details.open));
    li.append(details);
  }
  return li;
}
