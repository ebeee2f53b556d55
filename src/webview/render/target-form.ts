// The header's "What are you trying to do?": image (with the registry's repositories and tags as
// completions), operation and identity. Built once and kept across re-renders, so what the user
// is typing survives the streamed updates; the host's state fills it only when it is not being edited.
import type { Operation } from '../../core/registry/image-reference';
import type { ReportState, ReportStrings } from '../../shared/report-protocol';
import { MAX_IMAGE_CHARS } from '../../shared/report-protocol';
import { button, h, icon } from './dom';

export interface TargetFormActions {
  /** Image text and operation chosen: the host parses the image and re-runs (resolves with its refusal, if any). */
  setTarget(image: string, operation: Operation): Promise<string | undefined>;
  pickIdentity(): Promise<string | undefined>;
  suggest(text: string): void;
}

export interface TargetForm {
  element: HTMLElement;
  update(state: ReportState): void;
  suggestions(text: string, items: string[], error?: string): void;
}

export function createTargetForm(t: ReportStrings, a: TargetFormActions): TargetForm {
  const image = h('input', {
    id: 'target-image', type: 'text', list: 'image-suggestions', autocomplete: 'off', spellcheck: 'false',
    maxlength: String(MAX_IMAGE_CHARS), placeholder: t.targetImagePlaceholder, 'data-key': 'target-image',
    'aria-describedby': 'target-error',
  });
  const list = h('datalist', { id: 'image-suggestions', 'data-testid': 'image-suggestions' });
  const operation = h('select', { id: 'target-operation', 'data-key': 'target-operation' },
    h('option', { value: 'login' }, t.operationLogin),
    h('option', { value: 'pull' }, t.operationPull),
    h('option', { value: 'push' }, t.operationPush));
  const identity = h('span', { id: 'target-identity', 'data-testid': 'target-identity' });
  const error = h('p', { id: 'target-error', class: 'notice st-fail', role: 'alert', hidden: true });
  let editing = false;

  const showError = (message: string | undefined) => {
    error.replaceChildren(...(message ? [icon('error'), h('span', {}, message)] : []));
    error.hidden = !message;
  };
  const submit = async () => {
    editing = false;
    showError(await a.setTarget(image.value.trim(), operation.value as Operation));
  };
  const apply = button(t.targetApply, 'play', () => void submit(), { 'data-key': 'target-apply', class: 'btn primary' });
  const change = button(t.changeIdentity, 'account', () => { void a.pickIdentity().then(showError); }, { 'data-key': 'change-identity' });

  let timer: ReturnType<typeof setTimeout> | undefined;
  image.addEventListener('input', () => {
    editing = true;
    clearTimeout(timer);
    timer = setTimeout(() => a.suggest(image.value), 250);
  });
  image.addEventListener('focus', () => a.suggest(image.value));
  image.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); void submit(); } });
  operation.addEventListener('change', () => void submit());

  const element = h('form', { class: 'target-form', 'aria-labelledby': 'target-legend', 'data-testid': 'target-form', onsubmit: (e: Event) => { e.preventDefault(); void submit(); } },
    h('div', { id: 'target-legend', class: 'target-legend' }, t.targetLegend),
    h('div', { class: 'target-fields' },
      h('label', { class: 'target-field target-image' }, h('span', { class: 'target-label' }, t.targetImage), image),
      h('label', { class: 'target-field' }, h('span', { class: 'target-label' }, t.targetOperation), operation),
      h('div', { class: 'target-field target-who' }, h('span', { class: 'target-label' }, t.targetIdentity),
        h('span', { class: 'target-who-row' }, icon('account'), identity, change)),
      h('div', { class: 'target-field target-go' }, apply)),
    list, error);

  return {
    element,
    update(s) {
      const target = s.target;
      if (!target) return;
      if (!editing && document.activeElement !== image) image.value = target.image ?? '';
      if (document.activeElement !== operation) operation.value = target.operation;
      identity.textContent = target.identityLabel;
      const running = s.phase === 'running';
      apply.disabled = running;
    },
    suggestions(text, items, err) {
      // An answer for what was typed before is still worth showing while nothing newer came.
      list.replaceChildren(...items.map((value) => h('option', { value })));
      if (err && text === image.value) list.dataset.error = err; else delete list.dataset.error;
    },
  };
}
