// The webview's handle on its host. acquireVsCodeApi may be called once per page.
import type { ReportState } from '../../shared/report-protocol';

/** What the webview keeps across reloads besides the host's state: UI-only choices. */
export interface UiState {
  openEvidence: string[];
  pasteText: string;
}

export interface PersistedState {
  state: ReportState;
  ui: UiState;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscodeApi: VsCodeApi = acquireVsCodeApi();
