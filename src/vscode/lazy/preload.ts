// The first diagnosis needs the engine area (dist/engine.js, a few hundred ms to evaluate on a busy
// machine) and the TLS trust its probes share. Once a registries view has shown its rows, the user
// is looking at a list and the host is idle: load them then, so "Diagnose" does not wait for them.
// Never at activation, never twice.
import type * as vscode from 'vscode';
import { environmentFromProcess } from '../../core/engine/process-env';
import { engineArea } from './engine';

/** After `afterMs` of quiet, evaluates the engine bundle; the returned disposable cancels a pending load. */
export function preloadEngineWhenIdle(log: Pick<vscode.LogOutputChannel, 'debug' | 'warn'>, afterMs = 1000): vscode.Disposable {
  const timer = setTimeout(() => {
    const t0 = performance.now();
    try {
      // The probes' TLS trust too: Node's roots plus NODE_EXTRA_CA_CERTS, parsed once per process
      // (with VS Code's system certificates added to it in the extension host: ~25 ms).
      engineArea().secureContextFor(environmentFromProcess(process.env).env.extraCaPem);
      log.debug(`engine area preloaded in ${Math.round(performance.now() - t0)} ms`);
    } catch (error) {
      // The diagnosis will say the same, with its own message, when it needs the engine.
      log.warn(`could not preload the engine area: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, afterMs);
  return { dispose: () => clearTimeout(timer) };
}
