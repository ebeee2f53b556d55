// Copy and Run for a cause's fixes, named by (causeId, index) from the webview and resolved
// against the host's own model, so the webview cannot make us run text of its choosing.
import * as vscode from 'vscode';
import type { ResolvedFix } from '../../../core/catalogue/types';
import type { RegistryTarget } from '../../../core/registry/target';
import type { FixRef } from '../../../shared/report-protocol';
import type { FixPanel, FixRunner } from '../report-host';
import type { ReportModel } from '../report-model';
import { affectedChecks } from './affected-checks';
import { confirmChange } from './confirm';
import type { FixActions } from './fix-actions';

export interface FixRunnerDeps {
  actions: FixActions;
  log: vscode.LogOutputChannel;
  mode: vscode.ExtensionMode;
  lang: () => 'en' | 'nl';
  redact(text: string): string;
  /** After a fix ran: e.g. forget cached ARM data. */
  onApplied?(target: RegistryTarget): void;
}

export class ReportFixRunner implements FixRunner {
  constructor(private readonly deps: FixRunnerDeps) {}

  async copy(_target: RegistryTarget, model: ReportModel, ref: FixRef): Promise<void> {
    const fix = resolve(model, ref);
    if (!fix.command) throw new Error(vscode.l10n.t('This fix has no command to copy.'));
    await vscode.env.clipboard.writeText(fix.command);
  }

  async run(panel: FixPanel, model: ReportModel, ref: FixRef): Promise<void> {
    const fix = resolve(model, ref);
    const title = fix.title[this.deps.lang()];
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Fixes can only run in a trusted workspace.'));
      throw new Error(vscode.l10n.t('Fixes can only run in a trusted workspace.'));
    }
    const plan = await this.deps.actions.plan(fix, panel.target);
    if (!plan) throw new Error(vscode.l10n.t('This fix cannot be run from here; copy its command instead.'));
    const detail = [...pastedWarning(model, ref, fix), ...plan.describe(), ...(fix.command ? ['', vscode.l10n.t('Equivalent command:'), fix.command] : [])].join('\n');
    const runLabel = vscode.l10n.t('Run fix');
    const ok = await confirmChange(this.deps.mode, this.deps.log, vscode.l10n.t('Run "{0}" on {1}?', title, panel.target.loginServer), detail, runLabel);
    if (!ok) {
      model.setLastFix({ causeId: ref.causeId, outcome: 'cancelled', message: vscode.l10n.t('Fix cancelled.') });
      panel.postState();
      return;
    }
    this.deps.log.info(`running fix "${fix.action ?? fix.kind}" for ${panel.target.loginServer}`);
    try {
      const done = await plan.run(AbortSignal.timeout(120_000));
      this.deps.log.info(`fix "${fix.action ?? fix.kind}" for ${panel.target.loginServer}: ${this.deps.redact(done)}`);
    } catch (err) {
      const message = this.deps.redact(err instanceof Error ? err.message : String(err));
      model.setLastFix({ causeId: ref.causeId, outcome: 'failed', message: vscode.l10n.t('The fix failed: {0}', message) });
      panel.postState();
      throw new Error(message);
    }
    this.deps.onApplied?.(panel.target);
    model.setLastFix({ causeId: ref.causeId, outcome: 'applied', message: vscode.l10n.t('Fix applied; re-running the affected checks.') });
    panel.postState();
    const cause = model.causeInput(ref.causeId);
    const findings = model.lastReport?.findings ?? [];
    await panel.rerunAfterFix(affectedChecks(cause?.checkIds ?? [], findings));
    // The notice said the checks are re-running: once they have, say so (unless a new run replaced it).
    if (model.state.lastFix?.outcome === 'applied' && model.state.lastFix.causeId === ref.causeId) {
      model.setLastFix({ causeId: ref.causeId, outcome: 'applied', message: vscode.l10n.t('Fix applied; the affected checks ran again.') });
      panel.postState();
    }
  }
}

/** A fix offered for pasted text takes its values from that text, which anyone may have written: say so first. */
function pastedWarning(model: Pick<ReportModel, 'fromPastedText'>, ref: FixRef, fix: ResolvedFix): string[] {
  if (!model.fromPastedText?.(ref.causeId)) return [];
  const ip = fix.params?.clientIp;
  return [ip
    ? vscode.l10n.t('The address {0} comes from the text you pasted, not from this machine\'s connection: allow it only if you know it is yours.', ip)
    : vscode.l10n.t('This fix comes from the text you pasted, not from a diagnosis of this machine: check its values before you run it.'), ''];
}

function resolve(model: ReportModel, ref: FixRef): ResolvedFix {
  const fix = model.causeInput(ref.causeId)?.fixes[ref.index];
  if (!fix) throw new Error(vscode.l10n.t('That fix is no longer offered; re-run the diagnosis.'));
  return fix;
}
