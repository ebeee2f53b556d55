// Colours a registry row by its last diagnosis (FileDecoration on the `acr-doctor:` resourceUri).
import * as vscode from 'vscode';
import { healthUri, loginServerOfHealthUri, type HealthStatus, type RegistryHealth } from './registry-health';
import { glanceDecoration, type GlanceHealth } from './glance-health';

const COLOURS: Record<HealthStatus, string> = {
  pass: 'testing.iconPassed',
  warn: 'list.warningForeground',
  fail: 'list.errorForeground',
};

export function healthLabel(status: HealthStatus): string {
  switch (status) {
    case 'pass': return vscode.l10n.t('Last diagnosis: no problems found');
    case 'warn': return vscode.l10n.t('Last diagnosis: warnings');
    case 'fail': return vscode.l10n.t('Last diagnosis: problems found');
  }
}

export class HealthDecorationProvider implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly listener: vscode.Disposable;

  private readonly glanceListener: vscode.Disposable | undefined;

  constructor(private readonly health: RegistryHealth, private readonly glance?: GlanceHealth) {
    this.listener = health.onDidChange((servers) => this.changed.fire(servers.map(healthUri)));
    this.glanceListener = glance?.onDidChange((server) => this.changed.fire([healthUri(server)]));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const server = loginServerOfHealthUri(uri);
    const status = server ? this.health.getHealth(server) : undefined;
    if (!status) {
      const glanced = server ? this.glance?.get(server) : undefined;
      return glanced ? glanceDecoration(glanced) : undefined;
    }
    const badge = status === 'pass' ? '✓' : status === 'warn' ? '!' : '✗';
    return new vscode.FileDecoration(badge, healthLabel(status), new vscode.ThemeColor(COLOURS[status]));
  }

  dispose(): void {
    this.listener.dispose();
    this.glanceListener?.dispose();
    this.changed.dispose();
  }
}

export function healthIcon(status: HealthStatus | undefined): vscode.ThemeIcon {
  switch (status) {
    case 'pass': return new vscode.ThemeIcon('pass', new vscode.ThemeColor(COLOURS.pass));
    case 'warn': return new vscode.ThemeIcon('warning', new vscode.ThemeColor(COLOURS.warn));
    case 'fail': return new vscode.ThemeIcon('error', new vscode.ThemeColor(COLOURS.fail));
    default: return new vscode.ThemeIcon('package');
  }
}
