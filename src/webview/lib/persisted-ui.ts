// What of the webview's UI choices is kept across reloads (VS Code stores it on disk): the pasted
// error text only redacted, since people paste logs with passwords and tokens in them.
import { redact } from '../../core/text/redact';
import type { UiState } from './vscode-api';

export function persistedUi(ui: Partial<UiState> | undefined): UiState {
  return { openEvidence: [...(ui?.openEvidence ?? [])], pasteText: redact(ui?.pasteText ?? '') };
}
