// Client-side fixes (docker logout, …) run in a visible terminal: the user sees the exact
// command, its output, and can stop it. The confirmation has already shown the command.
import * as vscode from 'vscode';
import type { FixExecution } from './fix-actions';

export function terminalFix(command: string, loginServer: string): FixExecution {
  return {
    describe: () => [vscode.l10n.t('Runs this command in a new terminal:'), command],
    run: async () => {
      const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('ACR Doctor: {0}', loginServer) });
      terminal.show(true);
      terminal.sendText(command, true);
      return `sent to terminal: ${command}`;
    },
  };
}
