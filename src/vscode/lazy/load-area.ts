// Loads one lazily bundled area. A missing or broken bundle (a damaged install) becomes an error
// that names the part and what to do, rather than "Cannot find module './azure.js'".
import * as vscode from 'vscode';

/** `bundle`: the file, as the user would find it in the installed extension (dist/azure.js). */
export function loadArea<T>(bundle: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(vscode.l10n.t('ACR Doctor could not load {0} ({1}). Reinstall the extension.', bundle, why), { cause: error });
  }
}
