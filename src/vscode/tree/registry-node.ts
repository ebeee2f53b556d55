import * as vscode from 'vscode';
import { describeRegistry, type RegistrySummary } from '../../core/registry/summary';
import type { RegistryElement } from './elements';
import { healthIcon, healthLabel } from './health-decorations';
import { healthUri, type HealthStatus } from './registry-health';
import { escape } from './tenant-node';
import type { LightProbeResult } from '../../core/net/light-probe';
import { glanceIcon, glanceTooltipLine } from './glance-health';

export class RegistryNode {
  /** Both kinds match `viewItem =~ /^acrDoctor\.registry/` (Diagnose); only manual ones can be removed. */
  static readonly contextValue = 'acrDoctor.registry.azure';
  static readonly contextValueManual = 'acrDoctor.registry.manual';

  static treeItem(el: RegistryElement, health: HealthStatus | undefined, glance?: LightProbeResult): vscode.TreeItem {
    const r = el.registry;
    const item = new vscode.TreeItem(r.name, vscode.TreeItemCollapsibleState.None);
    item.id = el.source === 'manual' ? `manual:${r.loginServer}` : `registry:${r.id ?? r.loginServer}`;
    item.description = el.source === 'manual' ? r.loginServer : describeRegistry(r);
    item.resourceUri = healthUri(r.loginServer);
    // A diagnosis's verdict outranks the quick check's.
    item.iconPath = health ? healthIcon(health) : glanceIcon(glance?.health);
    item.tooltip = registryTooltip(el, health, glance);
    item.contextValue = el.source === 'manual' ? RegistryNode.contextValueManual : RegistryNode.contextValue;
    return item;
  }
}

export function registryTooltip(el: RegistryElement, health: HealthStatus | undefined, glance?: LightProbeResult): vscode.MarkdownString {
  const r = el.registry;
  const lines: string[] = [`**${escape(r.name)}** — \`${r.loginServer}\``, ''];
  const row = (label: string, value: string) => lines.push(`- ${label}: ${value}`);
  if (el.source === 'manual') {
    lines.push(vscode.l10n.t('Added by name. Sign in to Azure to see its settings.'));
  } else {
    if (r.sku) row(vscode.l10n.t('SKU'), r.sku);
    if (r.location) row(vscode.l10n.t('Region'), r.location);
    row(vscode.l10n.t('Public network access'), onOff(r.publicNetworkAccess));
    row(vscode.l10n.t('Network default action'), r.networkDefaultAction ?? unknown());
    row(vscode.l10n.t('Private endpoints'), privateEndpoints(r));
    row(vscode.l10n.t('Admin user'), r.adminUserEnabled === undefined ? unknown()
      : r.adminUserEnabled ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled'));
    row(vscode.l10n.t('Replicas'), r.replicaRegions?.length ? r.replicaRegions.join(', ') : vscode.l10n.t('none'));
    if (r.resourceGroup) row(vscode.l10n.t('Resource group'), escape(r.resourceGroup));
  }
  if (health) lines.push('', healthLabel(health));
  if (glance || !health) lines.push('', glanceTooltipLine(glance));
  return new vscode.MarkdownString(lines.join('\n'));
}

function onOff(v: string | undefined): string {
  if (!v) return unknown();
  return v.toLowerCase() === 'enabled' ? vscode.l10n.t('enabled') : v.toLowerCase() === 'disabled' ? vscode.l10n.t('disabled') : v;
}

function privateEndpoints(r: RegistrySummary): string {
  if (!r.privateEndpoints) return unknown();
  if (!r.privateEndpoints.length) return vscode.l10n.t('none');
  return r.privateEndpoints.map((p) => `${escape(p.name)} (${p.status})`).join(', ');
}

function unknown(): string {
  return vscode.l10n.t('unknown');
}
