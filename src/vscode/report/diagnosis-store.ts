// The latest diagnosis of each registry: read by the problems view and by panel restore,
// kept in workspaceState (already redacted by the engine) so a reload finds it again.
import * as vscode from 'vscode';
import type { DiagnosisReport } from '../../core/engine/types';

const KEY = 'acrDoctor.report.latest';
/** Enough for any real workspace; the oldest entries go first. */
const MAX_REGISTRIES = 25;

export class DiagnosisStore implements vscode.Disposable {
  private readonly reports = new Map<string, DiagnosisReport>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the login server whose latest diagnosis changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento?: vscode.Memento) {
    const saved = memento?.get<unknown>(KEY);
    if (Array.isArray(saved)) {
      for (const r of saved) if (looksLikeReport(r)) this.reports.set(r.target.loginServer, r);
    }
  }

  latest(loginServer: string): DiagnosisReport | undefined {
    return this.reports.get(loginServer.toLowerCase());
  }

  set(report: DiagnosisReport): void {
    const key = report.target.loginServer.toLowerCase();
    this.reports.delete(key);
    this.reports.set(key, report);
    while (this.reports.size > MAX_REGISTRIES) this.reports.delete(this.reports.keys().next().value as string);
    void this.memento?.update(KEY, [...this.reports.values()]);
    this.changed.fire(key);
  }

  dispose(): void { this.changed.dispose(); }
}

function looksLikeReport(r: unknown): r is DiagnosisReport {
  const x = r as DiagnosisReport;
  return !!x && typeof x === 'object' && typeof x.target?.loginServer === 'string' && Array.isArray(x.findings) && Array.isArray(x.causes);
}
