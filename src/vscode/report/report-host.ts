// What a report panel needs from the extension around it (the ReportService implements it).
import type * as vscode from 'vscode';
import type { DiagnosisReport } from '../../core/engine/types';
import type { RegistryTarget } from '../../core/registry/target';
import type { ExportFormat, FixRef, ReportState, ReportStrings } from '../../shared/report-protocol';
import type { DiagnosisSource } from './diagnosis-source';
import type { ReportModel } from './report-model';
import type { ViewContext } from './view-context';
import type { ExplainSummary } from './catalogue-adapter';
import type { CauseInput } from './view-model';
import type { IdentitySpec } from '../../core/registry/image-reference';
import type { ImageSuggestions } from '../../shared/report-protocol';

export interface FixPanel {
  readonly target: RegistryTarget;
  readonly reportModel: ReportModel;
  postState(): void;
  rerunAfterFix(checkIds: string[]): Promise<void>;
}

export interface FixRunner {
  copy(target: RegistryTarget, model: ReportModel, ref: FixRef): Promise<void>;
  run(panel: FixPanel, model: ReportModel, ref: FixRef): Promise<void>;
}

export interface ReportHost {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly source: DiagnosisSource;
  readonly fixes: FixRunner;
  viewContext(): ViewContext;
  strings(): ReportStrings;
  redact(text: string): string;
  /** Pasted error text → the causes it matches, fixes filled in for this registry. */
  explain(text: string, target: RegistryTarget): CauseInput[];
  /** What the pasted text says about itself, and for a bare "unauthorized" what tells its causes apart. */
  explainSummary?(text: string): ExplainSummary;
  exportReport(state: ReportState, format: ExportFormat): Promise<unknown>;
  /** A diagnosis ended: remember it (problems, tree health, restore). */
  reportFinished(target: RegistryTarget, report: DiagnosisReport): void;
  /** The header's "Diagnose as…": asks who (secrets into SecretStorage); undefined when cancelled. */
  pickIdentity(target: RegistryTarget, current: IdentitySpec): Promise<IdentitySpec | undefined>;
  /** Completions for the image field: repositories, or a repository's tags after ':'. */
  suggestImages(target: RegistryTarget, identity: IdentitySpec, text: string): Promise<ImageSuggestions>;
}
