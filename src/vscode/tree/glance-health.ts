// Health at a glance: a light probe (DNS, TLS, anonymous /v2/, src/core/net/light-probe.ts) for each
// registry row the tree draws, a few at a time, kept for minutes; off with
// `acrDoctor.registries.quickCheck`. A diagnosis's verdict, when there is one, stays in front.
import * as vscode from 'vscode';
import { environmentFromProcess } from '../../core/engine/process-env';
import type { LightHealth, LightProbeResult } from '../../core/net/light-probe';
import { LightProbeQueue } from '../../core/net/light-probe-queue';
import { engineArea } from '../lazy/engine';

export const QUICK_CHECK_SETTING = 'registries.quickCheck';
const CONCURRENCY = 3;
const TTL_MS = 5 * 60_000;

export class GlanceHealth implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the login server of each new answer. */
  readonly onDidChange = this.changed.event;
  private readonly queue: LightProbeQueue;
  private readonly config: vscode.Disposable;

  constructor(log: vscode.LogOutputChannel, probe?: (loginServer: string) => Promise<LightProbeResult>) {
    this.queue = new LightProbeQueue({
      concurrency: CONCURRENCY, ttlMs: TTL_MS,
      probe: probe ?? ((loginServer) => {
        const { env } = environmentFromProcess(process.env);
        return engineArea().lightProbe(loginServer, { resolve: env.resolve, proxy: env.proxy, extraCaPem: env.extraCaPem });
      }),
      onResult: (loginServer, r) => {
        log.info(`quick check of ${loginServer}: ${r.health} (${r.detail})`);
        this.changed.fire(loginServer);
      },
    });
    this.config = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`acrDoctor.${QUICK_CHECK_SETTING}`) && !this.enabled) this.queue.clear();
    });
  }

  get enabled(): boolean {
    return vscode.workspace.getConfiguration('acrDoctor').get<boolean>(QUICK_CHECK_SETTING, true) !== false;
  }

  /** The row is drawn: probe it unless a fresh answer is kept (or the setting is off). */
  request(loginServer: string): void {
    if (this.enabled) this.queue.request(loginServer);
  }

  get(loginServer: string): LightProbeResult | undefined {
    return this.enabled ? this.queue.get(loginServer) : undefined;
  }

  idle(): Promise<void> { return this.queue.idle(); }

  /** Refresh: the next drawing probes again. */
  clear(): void { this.queue.clear(); }

  dispose(): void { this.changed.dispose(); this.config.dispose(); }
}

export function glanceLabel(health: LightHealth | undefined): string {
  switch (health) {
    case 'reachable': return vscode.l10n.t('reachable');
    case 'refused': return vscode.l10n.t('refused');
    case 'unreachable': return vscode.l10n.t('unreachable');
    default: return vscode.l10n.t('not yet known');
  }
}

/** The tooltip's line: which check it shows (not a diagnosis) and when it ran. */
export function glanceTooltipLine(result: LightProbeResult | undefined): string {
  if (!result) return vscode.l10n.t('Quick check (DNS, TLS, /v2/, no sign-in): not yet known');
  return vscode.l10n.t('Quick check (DNS, TLS, /v2/, no sign-in) at {0}: {1}. Not a diagnosis: Diagnose tells why a login, pull or push fails.',
    new Date(result.at).toLocaleTimeString(vscode.env.language), glanceLabel(result.health));
}

const GLANCE_COLOURS: Record<LightHealth, string> = {
  reachable: 'testing.iconPassed', refused: 'list.warningForeground', unreachable: 'list.errorForeground',
};

/** Icons apart from a diagnosis's pass / warning / error, so the two cannot be mistaken. */
export function glanceIcon(health: LightHealth | undefined): vscode.ThemeIcon {
  switch (health) {
    case 'reachable': return new vscode.ThemeIcon('radio-tower', new vscode.ThemeColor(GLANCE_COLOURS.reachable));
    case 'refused': return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor(GLANCE_COLOURS.refused));
    case 'unreachable': return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor(GLANCE_COLOURS.unreachable));
    default: return new vscode.ThemeIcon('package');
  }
}

export function glanceDecoration(result: LightProbeResult): vscode.FileDecoration {
  const badge = result.health === 'reachable' ? '●' : result.health === 'refused' ? '⊘' : '○';
  return new vscode.FileDecoration(badge, glanceTooltipLine(result), new vscode.ThemeColor(GLANCE_COLOURS[result.health]));
}
