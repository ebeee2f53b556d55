// Helpers for the registries-tree tests: the extension's exported API (the same provider VS Code
// renders), labels, waiting, and settings that are put back after each suite.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcrDoctorApi } from '../../../src/extension';
import type { TreeElement } from '../../../src/vscode/tree/elements';

export const EXTENSION_ID = 'acr-doctor.acr-doctor';

export async function treeApi(): Promise<AcrDoctorApi['registries']> {
  const ext = vscode.extensions.getExtension<AcrDoctorApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.ok(api?.registries, 'activate() does not export the registries API');
  return api.registries;
}

export interface Row {
  element: TreeElement;
  item: vscode.TreeItem;
  label: string;
}

export function labelOf(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : l?.label ?? '';
}

export async function rows(api: AcrDoctorApi['registries'], parent?: TreeElement | Row): Promise<Row[]> {
  const el = parent && 'element' in parent ? parent.element : parent;
  const children = await api.getChildren(el);
  return children.map((element) => {
    const item = api.getTreeItem(element);
    return { element, item, label: labelOf(item) };
  });
}

export async function rowNamed(api: AcrDoctorApi['registries'], parent: TreeElement | Row | undefined, label: string): Promise<Row> {
  const list = await rows(api, parent);
  const found = list.find((r) => r.label === label);
  assert.ok(found, `no row "${label}" among [${list.map((r) => r.label).join(', ')}]`);
  return found;
}

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Root labels once they match `wanted` (the tree reloads asynchronously after settings change). */
export function rootLabels(api: AcrDoctorApi['registries'], wanted: (labels: string[]) => boolean, what: string): Promise<string[]> {
  return eventually(async () => {
    const labels = (await rows(api)).map((r) => r.label);
    return wanted(labels) ? labels : undefined;
  }, `${what} (root rows)`);
}

/** Sets user settings and remembers the old values for `restore()`. */
export class SettingsScope {
  private readonly saved: [string, string, unknown][] = [];

  async set(section: string, key: string, value: unknown): Promise<void> {
    const config = vscode.workspace.getConfiguration(section);
    this.saved.push([section, key, config.inspect(key)?.globalValue]);
    await config.update(key, value, vscode.ConfigurationTarget.Global);
  }

  async restore(): Promise<void> {
    for (const [section, key, value] of this.saved.reverse()) {
      await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
    }
    this.saved.length = 0;
  }
}

export function tooltipText(item: vscode.TreeItem): string {
  const t = item.tooltip;
  return typeof t === 'string' ? t : t?.value ?? '';
}
