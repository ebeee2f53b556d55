// Language model tools (agent mode): acrDoctor_diagnose and acrDoctor_explain, declared in
// package.json `languageModelTools`. The diagnosis is the report's own source (same sign-in, same
// engine); the answer is core's agent answer. A tool never runs a fix, never takes a secret, and
// asks before it contacts a registry.
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { engineArea } from '../lazy/engine';
import { defaultDiagnosisSource } from '../report/engine-source';
import { languageOf } from '../report/view-context';
import { defaultTarget } from '../report/target/diagnosis-target';
import { redact } from '../../core/text/redact';
import { progressReporter, type ToolProgress } from './tool-progress';

export const DIAGNOSE_TOOL = 'acrDoctor_diagnose';
export const EXPLAIN_TOOL = 'acrDoctor_explain';

const locale = () => languageOf(vscode.env.language).lang;
const result = (text: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);

/** A wrong input fails the call with the reason (the model reads it and can correct itself). */
function refused(e: unknown): never {
  throw new Error(redact(e instanceof Error ? e.message : String(e)));
}

/** The tools by name; dist/extension.js registers stand-ins that hand each call to these. */
export function agentTools(ctx: Ctx): Map<string, vscode.LanguageModelTool<unknown>> {
  const tools = new Map<string, vscode.LanguageModelTool<unknown>>();
  tools.set(DIAGNOSE_TOOL, {
    prepareInvocation(options) {
      let what: string;
      try { what = engineArea().diagnoseInput(options.input).reference; } catch (e) { refused(e); }
      return {
        invocationMessage: vscode.l10n.t('Diagnosing {0}…', what),
        confirmationMessages: {
          title: vscode.l10n.t('Diagnose {0}?', what),
          message: new vscode.MarkdownString(vscode.l10n.t('ACR Doctor will contact {0} and, with your Azure sign-in, Azure Resource Manager to find out why it cannot be used. It changes nothing.', what)),
        },
      };
    },
    // `progress` is passed by hosts with tool progress (a proposed API elsewhere): each finished
    // check moves the chat's progress line; older hosts show the invocation message alone.
    async invoke(options, token, progress?: ToolProgress) {
      const area = engineArea();
      let input;
      try { input = area.diagnoseInput(options.input); } catch (e) { refused(e); }
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      try {
        const report = await defaultDiagnosisSource(ctx).run({
          target: input.target.registry, signal: controller.signal, onEvent: progressReporter(progress, (done, total, title) => vscode.l10n.t('{0} of {1} checks done: {2}', done, total, title)),
          subject: defaultTarget(input.target.image, input.operation, input.identity ? { kind: input.identity } : undefined),
        });
        const answer = area.answerFromReport(report, locale());
        const open = `command:acrDoctor.diagnose?${encodeURIComponent(JSON.stringify([input.target.registry.loginServer]))}`;
        return result(`${area.answerMarkdown(answer, locale())}\n\n[${vscode.l10n.t('Open the full report')}](${open})`);
      } finally {
        sub.dispose();
      }
    },
  });
  tools.set(EXPLAIN_TOOL, {
    invoke(options) {
      const area = engineArea();
      let text: string;
      try { text = area.explainInput(options.input); } catch (e) { refused(e); }
      return result(area.answerMarkdown(area.answerFromExplain(area.explainText(text), locale()), locale()));
    },
  });
  return tools;
}

export function agentToolsFeature(ctx: Ctx): void {
  // Older hosts without the stable tools API simply have no tools. With a shell (the bundled
  // extension) the stand-ins registered at activation already answer.
  if (ctx.shell || typeof vscode.lm?.registerTool !== 'function') return;
  for (const [name, tool] of agentTools(ctx)) ctx.register(vscode.lm.registerTool(name, tool));
}
