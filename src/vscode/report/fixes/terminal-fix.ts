// Client-side fixes (docker logout, …) run in a visible terminal: the user sees the exact
// command, its output, and can stop it. The confirmation has already shown the command.
// The terminal starts in the home folder, not the workspace: a shell (cmd.exe) that looks for
// `docker` in its current folder first would run one a cloned repository ships.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { FixExecution } from './fix-actions';

export function terminalFix(command: string, loginServer: string): FixExecution {
  return {
    describe: () => [vscode.l10n.t('Runs this command in a new terminal:'), command],
    run: async () => {
      const cwd = homeFolder();
      const env = process.platform === 'win32' ? { NoDefaultCurrentDirectoryInExePath: '1' } : undefined;
      const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('ACR Doctor: {0}', loginServer), cwd, env });
      terminal.show(true);
      terminal.sendText(command, true);
      return `sent to terminal: ${command}`;
    },
  };
}

/** The home folder when it exists (else the terminal's default). Not core/docker's: activation loads this file. */
function homeFolder(): string | undefined {
  try { const home = os.homedir(); return home && fs.statSync(home).isDirectory() ? home : undefined; } catch { return undefined; }
}
