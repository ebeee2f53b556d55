// "Show the CLI's help": the CLI that ships with the extension (dist/cli.js), its --help in the
// UI's language and how to run it from a terminal, in an editor (works in VS Code for the Web too).
import * as vscode from 'vscode';
import { HELP } from '../../cli/args';
import type { Ctx } from '../context';

export const showCliHelp = (ctx: Ctx) => async (): Promise<vscode.TextDocument> => {
  const lang = /^nl\b/i.test(vscode.env.language) ? 'nl' : 'en';
  const cli = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'cli.js').fsPath;
  const run = vscode.l10n.t('Run it in a terminal: node "{0}" --help (or npx acr-doctor --help where it is installed from npm)', cli);
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `${run}\n\n${HELP[lang]}` });
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
};
