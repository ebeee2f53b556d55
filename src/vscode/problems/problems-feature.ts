// Starts the problems view and its code actions (listed in src/vscode/features.ts).
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { causeDocsUrl, findCause } from '../report/catalogue-adapter';
import { ReportService } from '../report/report-service';
import { languageOf } from '../report/view-context';
import { RegistryCodeActions } from './code-actions';
import { RegistryProblems } from './registry-problems';
import { ReferenceLenses } from './reference-lenses';
import { KnownRegistryNames } from './known-registry-names';

/** Files that can hold registry references (the scan itself decides by name and content). */
const SELECTOR: vscode.DocumentSelector = [
  { pattern: '**/{Dockerfile,Containerfile,*.dockerfile,*.containerfile,Dockerfile.*,Dockerfile-*}' },
  { language: 'dockerfile' },
  { language: 'yaml' },
  { language: 'dockercompose' },
  { pattern: '**/*.{yml,yaml}' },
];

const byCtx = new WeakMap<Ctx, RegistryProblems>();

export function registryProblemsOf(ctx: Ctx): RegistryProblems | undefined {
  return byCtx.get(ctx);
}

export function registryProblemsFeature(ctx: Ctx): void {
  const service = ReportService.of(ctx);
  // Listed on the first file that needs it (never at activation), again when the tree changes.
  const known = new KnownRegistryNames(ctx, () => problems.refreshAll());
  const lang = () => languageOf(vscode.env.language);
  const problems = ctx.register(new RegistryProblems(service.store, () => ({
    lang: lang().lang,
    getCause: findCause,
    docsUrl: (cause) => causeDocsUrl(cause, lang().docsLocale),
    latest: (loginServer) => service.store.latest(loginServer),
  }), () => known.get()));
  byCtx.set(ctx, problems);
  ctx.register(vscode.languages.registerCodeActionsProvider(SELECTOR,
    new RegistryCodeActions(problems, service.store, () => lang().lang,
      (fix) => service.canRunFix(fix)),
    { providedCodeActionKinds: RegistryCodeActions.kinds }));
  ctx.register(vscode.languages.registerCodeLensProvider(SELECTOR, new ReferenceLenses()));
}
