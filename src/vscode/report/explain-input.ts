// What "Explain an error" may take from the clipboard, and when it may look. No `vscode`: the
// browser's clipboard asks (or refuses with a sticky notification), so it is read only on a click.

/** Longest clipboard text offered in the input box (longer is a log, pasted by hand). */
export const MAX_CLIPBOARD_OFFER = 4000;

/** Desktop VS Code reads its clipboard without a prompt; VS Code for the Web has to ask the browser. */
export function clipboardReadsSilently(uiKind: 'desktop' | 'web'): boolean {
  return uiKind === 'desktop';
}

/** Clipboard text worth pre-filling unasked: short and error-like; anything else stays out of the box. */
export function clipboardOffer(clip: unknown): string | undefined {
  if (typeof clip !== 'string') return undefined;
  const text = clip.trim();
  if (!text || text.length > MAX_CLIPBOARD_OFFER) return undefined;
  return /error|denied|unauthorized|timeout|timed out|refused|forbidden|lookup|x509|no such host|eof|manifest|toomanyrequests/i.test(text) ? text : undefined;
}

/** The login server named in an error, else undefined (the report's registry or a placeholder is used). */
export function namedLoginServer(text: string): string | undefined {
  for (const m of text.matchAll(/\b([a-z0-9]{5,50}\.azurecr\.(?:io|cn|us))\b/gi)) {
    const before = m.index ? text[m.index - 1] : '';
    if (before !== '.' && before !== '-') return m[1].toLowerCase();
  }
  return undefined;
}
