// Registry references in open Dockerfiles, compose files, Kubernetes manifests and workflows,
// as problems: checked by name at once, and against the latest diagnosis of their registry.
// Scans run after typing pauses (debounced per document) and are cheap line scans.
import * as vscode from 'vscode';
import { fileKindOf, findRegistryReferences } from '../../core/references';
import { Disposable } from '../lifecycle';
import type { DiagnosisStore } from '../report/diagnosis-store';
import { problemsFor, type ProblemContext, type ProblemEntry } from './problem-entries';
import { pushedImages } from './pushed-images';
import { hubImageCandidates, hubLookalikes, type HubLookalike } from './hub-lookalikes';

export const PROBLEM_SOURCE = 'ACR Doctor';
const DEBOUNCE_MS = 400;

/** What a code action needs to know about a diagnostic we made. */
export interface ProblemData { entry: ProblemEntry }

export class RegistryProblems extends Disposable {
  readonly collection = this._register(vscode.languages.createDiagnosticCollection('acrDoctor'));
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly entries = new WeakMap<vscode.Diagnostic, ProblemEntry>();

  private readonly lookalikes = new WeakMap<vscode.Diagnostic, HubLookalike & { loginServer: string }>();

  /**
   * `knownRegistries` names the registries the account can see (name → login server), or undefined
   * while they are not listed yet: it is asked only when a file has a Docker Hub-like image, and
   * `refreshAll` runs again when the list arrives.
   */
  constructor(private readonly store: DiagnosisStore, private readonly context: () => ProblemContext,
    private readonly knownRegistries?: () => ReadonlyMap<string, string> | undefined) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)));
    this._register(vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => { this.cancel(d.uri); this.collection.delete(d.uri); }));
    this._register(store.onDidChange(() => this.refreshAll()));
    this._register({ dispose: () => { for (const t of this.timers.values()) clearTimeout(t); this.timers.clear(); } });
    this.refreshAll();
  }

  /** The entry behind one of our diagnostics (for code actions). */
  entryOf(d: vscode.Diagnostic): ProblemEntry | undefined { return this.entries.get(d); }

  /** The Docker Hub look-alike behind one of our hints (for its code action). */
  lookalikeOf(d: vscode.Diagnostic): (HubLookalike & { loginServer: string }) | undefined { return this.lookalikes.get(d); }

  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /** Scans a document now (tests and the debounce timer call this). */
  scan(doc: vscode.TextDocument): vscode.Diagnostic[] {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return [];
    const path = doc.uri.path;
    const text = doc.getText();
    const kind = fileKindOf(path, text);
    if (!kind) { this.collection.delete(doc.uri); return []; }
    const diagnostics = problemsFor(findRegistryReferences(path, text), this.context(), pushedImages(text)).map((e) => this.toDiagnostic(e));
    const candidates = this.knownRegistries ? hubImageCandidates(kind, text) : [];
    const known = candidates.length ? this.knownRegistries?.() : undefined;
    if (known) diagnostics.push(...hubLookalikes(candidates, known).map((l) => this.lookalikeDiagnostic(l)));
    this.collection.set(doc.uri, diagnostics);
    return diagnostics;
  }

  private toDiagnostic(e: ProblemEntry): vscode.Diagnostic {
    const range = new vscode.Range(e.ref.range.line, e.ref.range.start, e.ref.range.line, e.ref.range.end);
    const message = e.fromDiagnosis
      ? vscode.l10n.t('{0}: {1} (latest diagnosis)', e.loginServer ?? e.ref.written, e.title)
      : e.suggestion
        ? vscode.l10n.t('{0}: {1}. Did you mean {2}?', e.ref.written, e.title, e.suggestion)
        : vscode.l10n.t('{0}: {1}', e.ref.written, e.title);
    const severity = e.severity === 'error' ? vscode.DiagnosticSeverity.Error
      : e.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
    const d = new vscode.Diagnostic(range, message, severity);
    d.source = PROBLEM_SOURCE;
    d.code = { value: e.causeId, target: vscode.Uri.parse(e.docsUrl, true) };
    this.entries.set(d, e);
    return d;
  }

  private lookalikeDiagnostic(l: HubLookalike & { loginServer: string }): vscode.Diagnostic {
    const d = new vscode.Diagnostic(new vscode.Range(l.line, l.start, l.line, l.end),
      vscode.l10n.t('Docker reads {0} as a Docker Hub image (docker.io/{0}); your registry {1} is {2}.', l.image, l.name, l.loginServer),
      vscode.DiagnosticSeverity.Information);
    d.source = PROBLEM_SOURCE;
    d.code = 'docker-hub-lookalike';
    this.lookalikes.set(d, l);
    return d;
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    const key = doc.uri.toString();
    this.cancel(doc.uri);
    // Even "now" goes through a timer: a scan never runs inside the typing event itself.
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) this.scan(doc);
    }, delay));
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t) { clearTimeout(t); this.timers.delete(key); }
  }
}
