// "Explain an error": an input box at once (the clipboard only pre-fills it where reading needs no
// prompt, or on the box's paste button), then the answer in the report's explain view: causes,
// what matched, fixes, "Diagnose <registry>". "Explain an Error (Quick List)" keeps the quick pick.
import * as vscode from 'vscode';
import { parseRegistryInput, type RegistryTarget } from '../../core/registry/target';
import { MAX_PASTED_CHARS } from '../../shared/report-protocol';
import type { Ctx } from '../context';
import { clipboardOffer, clipboardReadsSilently, namedLoginServer } from '../report/explain-input';
import { ReportService } from '../report/report-service';

const PLACEHOLDER_REGISTRY = 'myregistry';

export const explainError = (ctx: Ctx) => async (text?: unknown): Promise<string[]> => {
  const service = ReportService.of(ctx);
  // Called with text (tests, other extensions): the cause ids, nothing shown.
  if (typeof text === 'string') return service.explain(text, targetFor(text, service)).map((c) => c.causeId);
  const input = await askForError();
  if (!input?.trim()) return [];
  const panel = service.open(targetFor(input, service));
  panel.showExplain(input);
  return panel.state.explain?.causes.map((c) => c.causeId) ?? [];
};

export const explainErrorQuick = (ctx: Ctx) => async (): Promise<string[]> => {
  const service = ReportService.of(ctx);
  const input = await askForError();
  if (!input?.trim()) return [];
  const causes = service.explain(input, targetFor(input, service));
  if (causes.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No known cause matches this text.'));
    return [];
  }
  const vc = service.viewContext();
  const pick = await vscode.window.showQuickPick(causes.map((c) => {
    const cause = vc.getCause(c.causeId);
    return { label: cause?.title[vc.lang] ?? c.causeId, detail: cause?.explanation[vc.lang], causeId: c.causeId };
  }), { title: vscode.l10n.t('Likely causes (choose one to open its docs)'), matchOnDetail: true });
  if (pick) await vscode.commands.executeCommand('acrDoctor.openCauseDocs', pick.causeId);
  return causes.map((c) => c.causeId);
};

/** The registry the text names, else the report in front, else a placeholder name for the fixes. */
function targetFor(text: string, service: ReportService): RegistryTarget {
  const named = namedLoginServer(text);
  if (named) return parseRegistryInput(named);
  return service.activePanel()?.target ?? parseRegistryInput(PLACEHOLDER_REGISTRY);
}

function askForError(): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = vscode.l10n.t('Paste an error');
  box.prompt = vscode.l10n.t('Paste the output of docker or az; ACR Doctor names the likely causes.');
  box.ignoreFocusOut = true;
  const pasteButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('clippy'), tooltip: vscode.l10n.t('Paste from the clipboard') };
  box.buttons = [pasteButton];
  let filled = '';
  const fill = (value: string) => { filled = value.slice(0, MAX_PASTED_CHARS); box.value = filled; };
  // A refused or failed read stays silent: the box is open and a paste by keyboard works.
  const readClipboard = () => Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
  return new Promise<string | undefined>((resolve) => {
    let done = false;
    const finish = (v: string | undefined) => { if (!done) { done = true; resolve(v); } };
    box.onDidTriggerButton((b) => {
      if (b !== pasteButton) return;
      void readClipboard().then((clip) => { if (!done && clip.trim()) fill(clip); });
    });
    box.onDidAccept(() => { finish(box.value); box.hide(); });
    box.onDidHide(() => { finish(undefined); box.dispose(); });
    box.show();
    if (clipboardReadsSilently(vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop')) {
      void readClipboard().then((clip) => {
        const offer = clipboardOffer(clip);
        // Only into an untouched box: never over what the user typed meanwhile.
        if (offer && !done && box.value === filled) fill(offer);
      });
    }
  });
}
