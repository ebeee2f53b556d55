// The host's copy of one report: engine events in, a ReportState out. The webview only
// mirrors it, so export, the problems view and restore all read from here. No `vscode`.
import type { DiagnosisReport, EngineEvent, Finding } from '../../core/engine/types';
import type { CauseView, CheckView, FixOutcomeView, ReportState, TargetView } from '../../shared/report-protocol';
import { REPORT_STATE_VERSION } from '../../shared/report-protocol';
import type { ViewContext } from './view-context';
import type { ExplainSummary } from './catalogue-adapter';
import { causeView, checkView, provisionalCauses, type CauseInput } from './view-model';

export class ReportModel {
  private findings = new Map<string, Finding>();
  private titles = new Map<string, string>();
  private order: { id: string; area: Finding['area']; title: string }[] = [];
  private rankedCauses: CauseInput[] | undefined;
  private startedAtMs = 0;
  private report: DiagnosisReport | undefined;
  private current: ReportState;
  /**
   * Each finding's view as last built: a run rebuilds the list on every finding, and building a view
   * (localising, redacting its message and evidence) for every check each time made it quadratic.
   */
  private views = new WeakMap<Finding, { blockedTitle: string | undefined; view: CheckView }>();

  constructor(loginServer: string, private ctx: ViewContext, trusted: boolean, identity?: string) {
    this.current = { version: REPORT_STATE_VERSION, loginServer, identity, phase: 'idle', elapsedMs: 0, checks: [], causes: [], trusted };
  }

  get state(): ReportState { return this.current; }
  get lastReport(): DiagnosisReport | undefined { return this.report; }

  /** The causes currently shown, with their resolved fixes (for running/copying one by index). */
  causeInput(causeId: string): CauseInput | undefined {
    return this.causeInputs().find((c) => c.causeId === causeId) ?? this.explainInputs.find((c) => c.causeId === causeId);
  }

  /** The cause is shown only because pasted text matched it: its fix values come from that text. */
  fromPastedText(causeId: string): boolean {
    return !this.causeInputs().some((c) => c.causeId === causeId) && this.explainInputs.some((c) => c.causeId === causeId);
  }

  setContext(ctx: ViewContext): void { this.ctx = ctx; this.views = new WeakMap(); this.rebuild(); }
  setTrusted(trusted: boolean): void { this.current = { ...this.current, trusted }; }
  setIdentity(identity: string | undefined): void { this.current = { ...this.current, identity }; }
  setTarget(target: TargetView | undefined): void { this.current = { ...this.current, target }; }
  private explainInputs: CauseInput[] = [];
  /** Causes matched from pasted text; their fixes can be copied and run like the diagnosis's. */
  setExplain(input: string, causes: CauseInput[], registry?: string, summary: ExplainSummary = {}): void {
    this.explainInputs = causes;
    const views = causes.map((c) => causeView(c, this.ctx, this.params())).filter((c): c is CauseView => c !== undefined);
    const lang = this.ctx.lang;
    const tellApart = summary.tellApart?.map((t) => ({ causeId: t.causeId, title: this.ctx.getCause(t.causeId)?.title[lang] ?? t.causeId, check: t.check[lang] }));
    this.current = { ...this.current, explain: {
      input, causes: views, ...(registry ? { registry } : {}),
      ...(summary.understood ? { understood: summary.understood[lang] } : {}), ...(tellApart?.length ? { tellApart, bareSignal: summary.bareSignal ?? '401' } : {}),
    } };
  }
  setLastFix(lastFix: FixOutcomeView | undefined): void { this.current = { ...this.current, lastFix }; }
  fail(message: string): void { this.current = { ...this.current, phase: 'failed', error: this.ctx.redact(message) }; }

  elapsed(nowMs: number): number { return this.current.phase === 'running' ? nowMs - this.startedAtMs : this.current.elapsedMs; }

  /**
   * Applies one engine event. `partial` runs (re-running some checks) keep the other findings.
   * Returns the changed check for a finding, so the panel can post just that.
   */
  apply(e: EngineEvent, nowMs: number, partial = false): CheckView | undefined {
    switch (e.type) {
      case 'start': {
        this.startedAtMs = nowMs;
        if (!partial) { this.findings.clear(); this.order = []; this.rankedCauses = undefined; this.report = undefined; }
        for (const c of e.checks) {
          this.titles.set(c.id, c.title);
          if (!this.order.some((o) => o.id === c.id)) this.order.push(c);
          if (partial) this.findings.delete(c.id);
        }
        this.current = { ...this.current, phase: 'running', startedAt: new Date(nowMs).toISOString(), error: undefined, budgetExceeded: false };
        this.rebuild();
        return undefined;
      }
      case 'finding': {
        this.findings.set(e.finding.checkId, e.finding);
        if (!this.order.some((o) => o.id === e.finding.checkId)) this.order.push({ id: e.finding.checkId, area: e.finding.area, title: e.finding.title });
        if (!partial) this.rankedCauses = undefined;
        this.current = { ...this.current, elapsedMs: nowMs - this.startedAtMs };
        this.rebuild();
        return this.current.checks.find((c) => c.id === e.finding.checkId);
      }
      case 'done': {
        // A partial run's report covers only the re-run checks: rank the union ourselves.
        if (partial) {
          this.rankedCauses = undefined;
          // The stored report (tree badge, restore after reload) must not keep the causes the re-run cleared.
          const findings = [...this.findings.values()];
          this.report = this.report ? { ...this.report, findings, causes: provisionalCauses(findings, this.ctx) } : e.report;
        } else {
          this.report = e.report;
          this.rankedCauses = e.report.causes;
          for (const f of e.report.findings) this.findings.set(f.checkId, f);
        }
        this.current = { ...this.current, phase: 'done', elapsedMs: partial ? this.current.elapsedMs : e.report.durationMs, budgetExceeded: e.report.budgetExceeded };
        this.rebuild();
        return undefined;
      }
    }
  }

  /** Shows a stored report again (after a window reload): the events it would have streamed. */
  restoreReport(report: DiagnosisReport): void {
    const t0 = Date.parse(report.startedAt) || Date.now();
    this.apply({ type: 'start', target: report.target, checks: report.findings.map((f) => ({ id: f.checkId, area: f.area, title: f.title })) }, t0);
    for (const f of report.findings) this.apply({ type: 'finding', finding: f }, t0 + f.startedMs + f.durationMs);
    this.apply({ type: 'done', report }, t0 + report.durationMs);
    this.current = { ...this.current, startedAt: report.startedAt };
  }

  /** What the catalogue's texts may name: the registry as the run saw it. */
  private params(): Record<string, string> {
    const t = this.report?.target;
    return { loginServer: t?.loginServer ?? this.current.loginServer, registry: t?.name ?? this.current.loginServer.split('.')[0] ?? '' };
  }

  private causeInputs(): CauseInput[] {
    return this.rankedCauses ?? provisionalCauses([...this.findings.values()], this.ctx);
  }

  private rebuild(): void {
    const checks: CheckView[] = this.order.map((o) => {
      const f = this.findings.get(o.id);
      if (!f) return { id: o.id, area: o.area, title: this.ctx.checkTitle(o.id, o.title), status: 'pending', message: '', evidence: [] };
      const blockedTitle = f.blockedBy ? this.ctx.checkTitle(f.blockedBy, this.titles.get(f.blockedBy) ?? f.blockedBy) : undefined;
      const built = this.views.get(f);
      if (built && built.blockedTitle === blockedTitle) return built.view;
      const view = checkView(f, this.ctx, blockedTitle);
      this.views.set(f, { blockedTitle, view });
      return view;
    });
    const causes = this.causeInputs()
      .map((c) => causeView(c, this.ctx, this.params()))
      .filter((c): c is CauseView => c !== undefined)
      .sort((a, b) => a.rank - b.rank);
    this.current = { ...this.current, checks, causes };
  }
}
