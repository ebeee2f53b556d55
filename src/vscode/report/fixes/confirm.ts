// The modal that stands between a click and a change. Only the extension-host test run
// (ExtensionMode.Test, where nobody can press a modal's button) may answer it with a stub.
import * as vscode from 'vscode';

export const TEST_CONFIRM_ENV = 'ACR_DOCTOR_TEST_CONFIRM';

export async function confirmChange(mode: vscode.ExtensionMode, log: vscode.LogOutputChannel, title: string, detail: string, runLabel: string): Promise<boolean> {
  const stub = process.env[TEST_CONFIRM_ENV];
  if (mode === vscode.ExtensionMode.Test && (stub === 'yes' || stub === 'no')) {
    log.info(`fix confirmation answered "${stub}" by the test stub: ${title}`);
    return stub === 'yes';
  }
  const answer = await vscode.window.showWarningMessage(title, { modal: true, detail }, runLabel);
  return answer === runLabel;
}
