// A check's message as data: the English template is its id (the key of the l10n bundles, as
// `l10n.t` uses it) and the values that fill its {placeholders}. Front ends render it in their
// language (`renderMessage(m, l10n.t)`); quoted third-party text (docker's, Entra's, the registry's)
// is passed as a plain string param and never translated. A param may itself be a message (a reason).
declare const made: unique symbol;

/** undefined renders as the word, as a template literal did (`${undefined}`). */
export type MessageParam = string | number | boolean | undefined | Message;

export interface Message {
  /** The English wording with {name} placeholders; also the key in l10n/bundle.l10n*.json. */
  readonly id: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
  /** Type-only: a Message comes from `msg(...)`, so `npm run l10n:export` sees every id. */
  readonly [made]?: true;
}

/** Declares a message. The id must be a literal string at the call (the export reads it from the source). */
export function msg(id: string, params?: Record<string, MessageParam>): Message {
  return params ? { id, params } : { id };
}

/** Formats a template the way @vscode/l10n does: {name} → the value, an unknown name stays as written. */
export type Translate = (id: string, args: Record<string, string | number>) => string;

export const english: Translate = (id, args) => id.replace(/{([^}]+)}/g, (all, name: string) => {
  const v = args[name];
  return v === undefined ? all : String(v);
});

export function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';
}

/** The message in words: nested messages first, then the template through `t` (English by default). */
export function renderMessage(m: Message, t: Translate = english): string {
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) args[k] = isMessage(v) ? renderMessage(v, t) : typeof v === 'number' ? v : String(v);
  return t(m.id, args);
}

/** Joins messages with a separator as one message (a list of reasons, each localised on its own). */
export function joinMessages(parts: readonly Message[], separator = '; '): Message {
  if (parts.length === 1) return parts[0];
  const params: Record<string, Message> = {};
  const id = parts.map((p, i) => { params[`p${i}`] = p; return `{p${i}}`; }).join(separator);
  return { id, params };
}

/**
 * The same message with its id and every string param passed through `f` (redaction, control
 * characters); the id too, so a secret a check wrongly wrote into its wording is still caught.
 */
export function mapMessage(m: Message, f: (v: string) => string): Message {
  const id = f(m.id);
  if (!m.params) return { id };
  const params: Record<string, MessageParam> = {};
  for (const [k, v] of Object.entries(m.params)) params[k] = typeof v === 'string' ? f(v) : isMessage(v) ? mapMessage(v, f) : v;
  return { id, params };
}

/**
 * A sentence built elsewhere as English text (a helper's verdict, an error's message) carried as
 * a message. Its Dutch comes from the reasons' table until that helper returns a Message itself.
 */
export function prose(text: string): Message {
  return msg('{text}', { text });
}
