// A "Diagnose pull/push of <image>" lens above each Azure registry reference: the diagnosis it
// starts carries the image the line names, and push when the file pushes it.
import * as vscode from 'vscode';
import { fileKindOf, findRegistryReferences, loginServerOf } from '../../core/references';
import { targetOfReference } from './problem-entries';
import { pushedImages } from './pushed-images';

export class ReferenceLenses implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const text = doc.getText();
    if (!fileKindOf(doc.uri.path, text)) return [];
    const pushed = pushedImages(text);
    const lenses: vscode.CodeLens[] = [];
    for (const ref of findRegistryReferences(doc.uri.path, text)) {
      const loginServer = loginServerOf(ref);
      if (!loginServer) continue;
      const { image, operation } = targetOfReference(ref, pushed);
      const range = new vscode.Range(ref.range.line, ref.range.start, ref.range.line, ref.range.end);
      const title = !image ? vscode.l10n.t('ACR Doctor: diagnose {0}', loginServer)
        : operation === 'push' ? vscode.l10n.t('ACR Doctor: diagnose push of {0}', image)
          : vscode.l10n.t('ACR Doctor: diagnose pull of {0}', image);
      lenses.push(new vscode.CodeLens(range, { title, command: 'acrDoctor.diagnose', arguments: [{ registry: loginServer, ...(image ? { image } : {}), operation }] }));
    }
    return lenses;
  }
}
