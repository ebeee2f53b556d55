// The rows under "Pulled by": the registry's pullers assessed once (the engine area's
// assessPullers, as the Azure sign-in of the tree) and kept until a refresh of the registry.
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { engineArea } from '../lazy/engine';
import { azureAccessFor } from '../report/azure-access';
import { parseRegistryInput } from '../../core/registry/target';
import type { ErrorElement, InfoElement, PulledByElement, PullerElement, TreeElement } from './elements';

export class PulledByLister {
  private readonly lists = new Map<string, Promise<TreeElement[]>>();

  constructor(private readonly ctx: Ctx) {}

  children(el: PulledByElement, signal: AbortSignal): Promise<TreeElement[]> {
    const key = el.registry.registry.loginServer.toLowerCase();
    let list = this.lists.get(key);
    if (!list) {
      list = this.load(el, signal).catch((err: unknown) => [this.error(el, err)]);
      this.lists.set(key, list);
    }
    return list;
  }

  forget(loginServer?: string): void {
    if (loginServer) this.lists.delete(loginServer.toLowerCase()); else this.lists.clear();
  }

  private async load(el: PulledByElement, signal: AbortSignal): Promise<TreeElement[]> {
    const r = el.registry.registry;
    const azure = await azureAccessFor(this.ctx, parseRegistryInput(r.loginServer));
    if (!azure) return [{ kind: 'info', id: `info:pulledBy:signIn:${r.loginServer}`, label: vscode.l10n.t('Sign in to Azure to see what pulls from this registry') } satisfies InfoElement];
    const area = engineArea();
    const a = await area.assessPullers(azure, r.id ?? r.loginServer, { signal });
    const rows: TreeElement[] = a.verdicts.map((v) => ({
      kind: 'puller', registry: el.registry, serviceId: v.puller.id, name: v.puller.name, what: area.pullerKindLabel(v.puller),
      health: area.verdictWord(v), causeId: v.problems[0]?.causeId, ...(v.puller.kind === 'aks' ? { aks: true } : {}),
    }) satisfies PullerElement);
    const more = a.unjudged.length + (a.truncated ? 1 : 0);
    if (more) rows.push({ kind: 'info', id: `info:pulledBy:more:${r.loginServer}`, label: vscode.l10n.t('{0} more not judged here: run acr-doctor diagnose {1} --pulled-by', String(a.unjudged.length || '1000+'), r.loginServer) } satisfies InfoElement);
    if (!rows.length) rows.push({ kind: 'info', id: `info:pulledBy:none:${r.loginServer}`, label: vscode.l10n.t('No Azure resource pulls from this registry') } satisfies InfoElement);
    return rows;
  }

  private error(el: PulledByElement, err: unknown): ErrorElement {
    const msg = err instanceof Error ? err.message : String(err);
    this.ctx.log.warn(`registries tree: pulled by ${el.registry.registry.loginServer}: ${msg}`);
    return { kind: 'error', id: `error:pulledBy:${el.registry.registry.loginServer}`, message: vscode.l10n.t('Could not list what pulls from this registry'), detail: msg, parent: el };
  }
}
