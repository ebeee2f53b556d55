// Activation: stand-ins only. Every command, the registries views, the report's serializer and the
// agent tools are registered here and hand over to the rest of the extension (dist/main.js,
// ./vscode/lazy/main-area.ts), which loads on their first use or in the quiet after start-up, so
// activation evaluates a few KB instead of the whole extension.
import * as vscode from 'vscode';
import type { MainArea } from './vscode/lazy/main-area';
import { mainArea } from './vscode/lazy/main';
import { LateTreeProvider, type CachedRow } from './vscode/lazy/late-tree-provider';
import { REGISTRIES_VIEWS } from './vscode/view-ids';
import { contributed, REPORT_PANEL_TYPE } from './vscode/lazy/contributions';
import type { RegistriesApi } from './vscode/tree/registries-api';
import type { TreeElement } from './vscode/tree/elements';
import type { ReportApi } from './vscode/report/report-api';

/** What other extensions and the extension-host tests get from `activate()`. */
export interface AcrDoctorApi {
  registries: RegistriesApi;
  report: ReportApi;
}

/** The root rows of the last complete listing (late-tree-provider.ts), shown marked as cached while the tree loads. */
const LAST_LISTING_KEY = 'acrDoctor.tree.lastListing';

/** After this much quiet following start-up, the rest of the extension loads anyway (problems in open files, the tree's listeners). */
const IDLE_LOAD_MS = 1500;

export function activate(extension: vscode.ExtensionContext): AcrDoctorApi {
  let main: MainArea | undefined;
  const tree = new LateTreeProvider(() => load().tree, {
    read: () => extension.globalState.get<unknown>(LAST_LISTING_KEY) as CachedRow[] | undefined,
    write: (rows) => { void extension.globalState.update(LAST_LISTING_KEY, rows); },
    listed: () => main?.treeListed() ?? false,
  });
  extension.subscriptions.push(tree);
  const views = REGISTRIES_VIEWS.map((id) => vscode.window.createTreeView<unknown>(id, { treeDataProvider: tree, showCollapseAll: true }));
  extension.subscriptions.push(...views);
  function load(): MainArea {
    if (!main) {
      try {
        main = mainArea().activateMain(extension, { views });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(vscode.l10n.t('ACR Doctor could not start: {0}', message));
        throw error;
      }
    }
    return main;
  }
  for (const id of contributed(extension.extension.packageJSON, 'commands', 'command')) {
    extension.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => load().run(id, args)));
  }
  extension.subscriptions.push(vscode.window.registerWebviewPanelSerializer(REPORT_PANEL_TYPE, {
    deserializeWebviewPanel: (panel, state) => load().revive(panel, state),
  }));
  if (typeof vscode.lm?.registerTool === 'function') {
    for (const name of contributed(extension.extension.packageJSON, 'languageModelTools', 'name')) {
      const tool = () => { const t = load().tools.get(name); if (!t) throw new Error(`ACR Doctor has no tool ${name}`); return t; };
      extension.subscriptions.push(vscode.lm.registerTool<unknown>(name, {
        invoke: (options, token) => tool().invoke(options, token),
        prepareInvocation: (options, token) => tool().prepareInvocation?.(options, token),
      }));
    }
  }
  const idle = setTimeout(() => { try { load(); } catch { /* shown by load() */ } }, IDLE_LOAD_MS);
  extension.subscriptions.push({ dispose: () => clearTimeout(idle) });
  return {
    // The rows as the views get them (the registered provider, cached rows included), the rest from the tree.
    // Reading the rows does not load the rest first: VS Code asks the provider the same way.
    get registries(): RegistriesApi {
      const rest = () => load().api.registries;
      return {
        setHealth: (loginServer, status) => rest().setHealth(loginServer, status),
        decoration: (loginServer) => rest().decoration(loginServer),
        sessionKind: () => rest().sessionKind(),
        getChildren: async (element) => ((await tree.getChildren(element)) ?? []) as TreeElement[],
        getTreeItem: (element) => tree.getTreeItem(element) as vscode.TreeItem,
      };
    },
    get report() { return load().api.report; },
  };
}

export function deactivate(): void {
  // Everything is disposed through extension.subscriptions.
}
