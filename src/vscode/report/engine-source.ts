// The report's diagnosis source in the extension: the engine's `diagnose` with the client
// environment of VS Code's process and the Azure sign-in the tree uses (tenant and subscription
// from the tree when it knows the registry).
import * as vscode from 'vscode';
import { environmentFromProcess } from '../../core/engine/process-env';
import { parseClientTool } from '../../core/engine/client-choice';
import type { ClientTool } from '../../core/engine/environment';
import { redact } from '../../core/text/redact';
import type { Ctx } from '../context';
import { engineArea } from '../lazy/engine';
import { registryServices } from '../tree/registry-services';
import { azureAccessFor } from './azure-access';
import type { DiagnosisSource } from './diagnosis-source';
import { IdentitySecrets } from './target/identity-secrets';

/**
 * The report streams every finding as it comes, so it can give a slow machine or network more
 * time than the CLI's default 6 s before checks are cut off.
 */
const REPORT_BUDGET_MS = 20_000;

export function defaultDiagnosisSource(ctx: Ctx): DiagnosisSource {
  return {
    async run(req) {
      const { env, warnings } = environmentFromProcess(process.env, { client: clientSetting(ctx) });
      for (const w of warnings) ctx.log.warn(redact(`diagnosis environment: ${w}`));
      const trace = req.trace;
      env.azure = await azureAccessFor(ctx, req.target, env.extraCaPem, trace).catch((err) => {
        ctx.log.warn(redact(`diagnosis without Azure (ARM checks skipped): ${err instanceof Error ? err.message : String(err)}`));
        return undefined;
      });
      // What the header names: the image (its repository for the scope checks), the operation, the
      // identity, and that identity's secret from SecretStorage when it has one.
      const subject = req.subject;
      if (subject) {
        if (subject.image) { env.image = subject.image; env.repository = subject.image.repository; }
        env.operation = subject.operation;
        env.identity = subject.identity;
        env.credentials = await new IdentitySecrets(ctx.extension.secrets).credentials(req.target.loginServer, subject.identity);
        if (needsSecret(subject.identity.kind) && !env.credentials) {
          ctx.log.warn(`diagnosis of ${req.target.loginServer}: no stored secret for the identity ${subject.identity.kind}; choose it again in the report's header`);
        }
      }
      const engine = trace ? await trace.span('load engine.js', () => engineArea()) : engineArea();
      if (trace) trace.engineStartMs = trace.now();
      const report = await engine.diagnose(req.target, env, { signal: req.signal, onEvent: req.onEvent, only: req.onlyChecks, budgetMs: REPORT_BUDGET_MS });
      trace?.spans.push({ phase: 'engine run', startMs: trace.engineStartMs!, endMs: trace.now() });
      return report;
    },
    async identity() {
      const session = await registryServices(ctx).sessions.get();
      return session && (await session.isSignedIn()) ? session.accountLabel() : undefined;
    },
  };
}

/** acrDoctor.client: a known client, or undefined for auto (a wrong value is logged, not fatal). */
export function clientSetting(ctx: Ctx): ClientTool | undefined {
  const raw = vscode.workspace.getConfiguration('acrDoctor').get<string>('client');
  const { tool, problem } = parseClientTool(raw);
  if (problem) ctx.log.warn(`acrDoctor.client: ${problem}`);
  return tool;
}

function needsSecret(kind: string): boolean {
  return kind === 'sp' || kind === 'admin' || kind === 'token' || kind === 'exposed-token';
}
