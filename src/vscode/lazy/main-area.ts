// The rest of the extension (dist/main.js): the context, the command handlers, the features (tree,
// report, problems, agent tools) and the exported API. dist/extension.js, which activation loads,
// registers stand-ins for commands, the registries views, the report's serializer and the agent
// tools, and loads this bundle on their first use or in the quiet after start-up (../../extension.ts).
import * as vscode from 'vscode';
import { Ctx, type Shell } from '../context';
import { commands } from '../commands';
import { features } from '../features';
import { registriesApi, type RegistriesApi } from '../tree/registries-api';
import { reportApi, type ReportApi } from '../report/report-api';
import { ReportService } from '../report/report-service';
import { registryServices } from '../tree/registry-services';
import { agentTools } from '../lm/agent-tools';

export interface MainArea {
  /** Settles when every feature has started (a failure rejects it, after it was shown and logged). */
  readonly ready: Promise<void>;
  run(command: string, args: unknown[]): Promise<unknown>;
  revive(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
  tree: vscode.TreeDataProvider<unknown>;
  /** The tree's root rows are a finished listing of the signed-in account's tenants. */
  treeListed(): boolean;
  tools: ReadonlyMap<string, vscode.LanguageModelTool<unknown>>;
  api: { registries: RegistriesApi; report: ReportApi };
}

export function activateMain(extension: vscode.ExtensionContext, shell: Shell): MainArea {
  const ctx = new Ctx(extension, vscode.window.createOutputChannel('ACR Doctor', { log: true }), shell);
  extension.subscriptions.push(ctx);
  const handlers = new Map(commands.map(({ id, create }) => [id as string, create(ctx)]));
  const ready = (async () => {
    for (const feature of features) await feature.activate(ctx);
  })().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.error(`activation failed: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('ACR Doctor could not start: {0}', message));
    throw error;
  });
  return {
    ready,
    run: async (command, args) => {
      const handler = handlers.get(command);
      if (!handler) throw new Error(`ACR Doctor has no command ${command}`);
      await ready;
      return handler(...args);
    },
    revive: (panel, state) => ReportService.of(ctx).revive(panel, state),
    tree: registryServices(ctx).provider,
    treeListed: () => registryServices(ctx).model.loadedTenants() !== undefined,
    tools: agentTools(ctx),
    api: { registries: registriesApi(ctx), report: reportApi(ctx) },
  };
}
