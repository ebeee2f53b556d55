// "Diagnose registry": from a tree node, a Container Tools node, a problem's code action, or the
// command palette (a quick pick of known registries, or a name typed in). It also takes
// `{ registry, image?, operation?, identity? }`; "Diagnose pull" / "Diagnose push" are the same
// with the operation fixed (repository and tag nodes).
import * as vscode from 'vscode';
import type { Operation } from '../../core/registry/image-reference';
import { parseRegistryInput, RegistryInputError, type RegistryTarget } from '../../core/registry/target';
import type { Ctx } from '../context';
import { ReportService } from '../report/report-service';
import { registryServices } from '../tree/registry-services';
import { diagnoseArgs } from './diagnose-args';
import { completeIdentity } from '../report/target/identity-pick';

export const diagnose = (ctx: Ctx) => (arg?: unknown): Promise<void> => diagnoseWith(ctx, arg);
export const diagnosePull = (ctx: Ctx) => (arg?: unknown): Promise<void> => diagnoseWith(ctx, arg, 'pull');
export const diagnosePush = (ctx: Ctx) => (arg?: unknown): Promise<void> => diagnoseWith(ctx, arg, 'push');

async function diagnoseWith(ctx: Ctx, arg: unknown, operation?: Operation): Promise<void> {
  if (arg === undefined) {
    const target = await pickTarget(ctx);
    if (target) await ReportService.of(ctx).diagnose(target);
    return;
  }
  const parsed = diagnoseArgs(arg, operation);
  if (!parsed.ok) {
    ctx.log.warn(`diagnose: ${parsed.reason}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot diagnose this: {0}. Choose a registry from the list or type its name.', parsed.reason));
    return;
  }
  let subject = parsed.subject;
  if (subject?.identity) {
    // A named identity with a secret asks for it now (once; SecretStorage keeps it), so the run
    // tests that identity instead of reporting that its secret is missing.
    const identity = await completeIdentity(ctx, parsed.target.loginServer, subject.identity);
    if (!identity) return;
    subject = { ...subject, identity };
  }
  await ReportService.of(ctx).diagnose(parsed.target, subject);
}

async function pickTarget(ctx: Ctx): Promise<RegistryTarget | undefined> {
  const typeIn = vscode.l10n.t('$(edit) Enter a registry name or login server…');
  const known = await registryServices(ctx).model.allRegistries().catch(() => []);
  let input: string | undefined;
  if (known.length) {
    const items: vscode.QuickPickItem[] = [
      ...known.map((r) => ({ label: r.registry.loginServer, description: [r.registry.sku, r.registry.location].filter(Boolean).join(' · ') })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: typeIn, alwaysShow: true },
    ];
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Diagnose registry'), placeHolder: vscode.l10n.t('Choose a registry') });
    if (!pick) return undefined;
    if (pick.label !== typeIn) input = pick.label;
  }
  input ??= await vscode.window.showInputBox({
    title: vscode.l10n.t('Diagnose registry'),
    prompt: vscode.l10n.t('Resource name (contoso) or login server (contoso.azurecr.io)'),
    ignoreFocusOut: true,
    validateInput: (v) => {
      if (!v.trim()) return undefined;
      try { parseRegistryInput(v); return undefined; } catch (e) { return e instanceof RegistryInputError ? e.message : String(e); }
    },
  });
  if (!input?.trim()) return undefined;
  return parseRegistryInput(input);
}
