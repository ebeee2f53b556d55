// What the rendered controls can ask for; main.ts implements it with IPC calls.
import type { ExportFormat, FixRef } from '../../shared/report-protocol';

export interface ReportActions {
  openDocs(causeId: string): void;
  copyCommand(fix: FixRef, button: HTMLButtonElement): void;
  runFix(fix: FixRef, button: HTMLButtonElement): void;
  rerunCheck(checkId: string): void;
  rerunAll(): void;
  cancel(): void;
  exportAs(format: ExportFormat): void;
  explain(text: string, button: HTMLButtonElement): void;
  /** Diagnose the registry the pasted text named. */
  diagnoseNamed(): void;
  toggleEvidence(checkId: string, open: boolean): void;
  pasteChanged(text: string): void;
}
