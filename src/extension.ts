// Only wiring: one context, the features, the command table. On failure show the error and rethrow
// (VS Code would otherwise stay silent).
import * as vscode from 'vscode';
import { Ctx } from './vscode/context';
import { commands } from './vscode/commands';
import { features } from './vscode/features';
import { registriesApi, type RegistriesApi } from './vscode/tree/registries-api';
import { reportApi, type ReportApi } from './vscode/report/report-api';

/** What other extensions and the extension-host tests get from `activate()`. */
export interface AcrDoctorApi {
  registries: RegistriesApi;
  report: ReportApi;
}

export async function activate(extension: vscode.ExtensionContext): Promise<AcrDoctorApi> {
  const ctx = new Ctx(extension, vscode.window.createOutputChannel('ACR Doctor', { log: true }));
  extension.subscriptions.push(ctx);
  try {
    for (const { id, create } of commands) ctx.register(vscode.commands.registerCommand(id, create(ctx)));
    for (const feature of features) await feature.activate(ctx);
    return { registries: registriesApi(ctx), report: reportApi(ctx) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.error(`activation failed: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('ACR Doctor could not start: {0}', message));
    throw error;
  }
}

export function deactivate(): void {
  // Everything is disposed through extension.subscriptions.
}
