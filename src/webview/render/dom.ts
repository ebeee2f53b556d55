// A tiny element builder: text goes in through textContent only, never as HTML, so nothing
// in a finding (evidence from a hostile server, say) can become markup.
type Child = Node | string | undefined | false | null;
type Attrs = Record<string, string | boolean | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c !== undefined && c !== false && c !== null) el.append(c);
  return el;
}

/** A codicon, hidden from screen readers (the text next to it says the same). */
export function icon(name: string, extra = ''): HTMLElement {
  return h('span', { class: `codicon codicon-${name} ${extra}`.trim(), 'aria-hidden': 'true' });
}

/** Text only screen readers announce. */
export function srOnly(text: string): HTMLElement {
  return h('span', { class: 'sr-only' }, text);
}

export function button(label: string, iconName: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: 'btn', onclick: onClick, ...attrs }, icon(iconName), h('span', {}, label));
}
