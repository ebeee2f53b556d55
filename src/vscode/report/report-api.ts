// What the extension exports about reports (`activate()`'s return value, `report`): other
// extensions and the extension-host tests read a report's state as the webview sees it, feed a
// panel a message exactly as its webview would, and scan a document for registry problems.
import type * as vscode from 'vscode';
import type { Ctx } from '../context';
import type { ReportState } from '../../shared/report-protocol';
import { registryProblemsOf } from '../problems/problems-feature';
import { ReportService } from './report-service';
import type { TraceSpan } from './host-trace';

export interface ReportSnapshot {
  state: ReportState;
  /** The webview's script ran (under the CSP) and completed the ready handshake. */
  webviewReady: boolean;
  /** Notifications posted to the webview since it was ready: full states and streamed checks. */
  posted: { states: number; checks: number };
  /** Webview messages ignored as malformed or unknown. */
  ignored: number;
  visible: boolean;
  /** Answers to requests the webview made: how many were refused, and the last refusal's text. */
  responses?: { ok: number; refused: number; lastError?: string };
  /** The host's phases of the last finished run (host-trace.ts), when its engine run began, and its start on the wall clock. */
  trace?: { spans: TraceSpan[]; engineStartMs?: number; epochMs?: number };
}

export interface ReportApi {
  snapshot(loginServer: string): ReportSnapshot | undefined;
  /** Hands a panel a message as if its webview had posted it; resolves once it is handled. */
  receive(loginServer: string, message: unknown): Promise<void>;
  /** Waits for the running diagnosis (or re-run) of a registry to end. */
  settled(loginServer: string): Promise<void>;
  /** Scans a document for registry problems now (no debounce) and returns them. */
  scanProblems(doc: vscode.TextDocument): vscode.Diagnostic[];
  /** Exports an open report to `uri` without a save dialog (the acrDoctor.exportReport command always asks). */
  exportTo(loginServer: string, format: 'markdown' | 'json', uri: vscode.Uri): Promise<vscode.Uri | undefined>;
}

export function reportApi(ctx: Ctx): ReportApi {
  const service = ReportService.of(ctx);
  return {
    snapshot: (loginServer) => service.panel(loginServer)?.snapshot(),
    receive: async (loginServer, message) => { await service.panel(loginServer)?.handleMessage(message); },
    settled: async (loginServer) => { await service.panel(loginServer)?.settled(); },
    scanProblems: (doc) => registryProblemsOf(ctx)?.scan(doc) ?? [],
    exportTo: async (loginServer, format, uri) => {
      const panel = service.panel(loginServer);
      return panel ? service.exportReport(panel.state, format, { to: uri }) : undefined;
    },
  };
}
