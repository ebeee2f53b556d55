// The CLI as a function of (argv, io) → exit code, so tests run it in-process.
import { pulledByLines } from './render-pullers';
import { parseCli, imageOfTyped, HELP, UsageError, type DiagnoseArgs } from './args';
import { referenceFromFile, type SourceLocation } from './reference-source';
import { readSourceFile } from './source-file';
import * as l10n from '@vscode/l10n';
import { useLanguage } from '../core/text/l10n';
import { localeFromEnv } from './locale';
import { makeStyle, textRenderer } from './render-text';
import { toSarif } from './render-sarif';
import { diagnose } from '../core/engine/diagnose';
import { allChecks } from '../core/checks/index';
import { traceTimeline } from './trace';
import { DEFAULT_BUDGET_MS } from '../core/engine/runner';
import { environmentFromProcess } from '../core/engine/process-env';
import { RegistryInputError } from '../core/registry/target';
import { EXPOSED_TOKEN_USER } from '../core/acr/token-flow';
import { parseRegistryAndImage, TargetInputError, type IdentitySpec } from '../core/registry/image-reference';
import { credentialKindOf, unresolvedIdentity, withTarget } from '../core/engine/target';
import type { ExplicitCredentials } from '../core/engine/environment';
import { explainText } from '../core/explain';
import { getCause, docsUrl, type Locale } from '../core/catalogue/index';
import { localizeWithoutValues } from '../core/catalogue/without-values';
import { armAccessFromEnvironment } from '../core/azure/credential';
import { redact } from '../core/text/redact';
import { stripControlCharsDeep, terminalText } from '../core/text/control-chars';
import type { DiagnosisReport, EngineEvent } from '../core/engine/types';
import pkg from '../../package.json';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whole stdin as text (only read when asked for: explain without text, --password-stdin). */
  readStdin: () => Promise<string>;
  stdinIsTty: boolean;
  colour: boolean;
  signal?: AbortSignal;
  /** `env` is this node process's own start-up environment, so Node already trusts its NODE_EXTRA_CA_CERTS. */
  nodeTrustsExtraCa?: boolean;
  /** Where relative paths (--from) start; the process's own by default. */
  cwd?: string;
  /** Every engine event as it happens, in any format (the MCP server's progress notifications). */
  onEngineEvent?: (event: EngineEvent) => void;
}

export const EXIT = { healthy: 0, causes: 1, couldNotRun: 2 } as const;

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const locale = localeFromEnv(rawIo.env);
  useLanguage(locale);
  // Everything printed passes here: no terminal escape from the network or a paste reaches the
  // terminal, only the CLI's own colours (stdout, when colour is on).
  const io: CliIo = { ...rawIo, stdout: (s) => rawIo.stdout(terminalText(s, rawIo.colour)), stderr: (s) => rawIo.stderr(terminalText(s, false)) };
  try {
    const args = parseCli(argv);
    if (args.command === 'help') { io.stdout(HELP[locale]); return 0; }
    if (args.command === 'version') { io.stdout(`${pkg.version}\n`); return 0; }
    if (args.command === 'explain') return await explainCommand(args.text, args.format, io, locale);
    return await diagnoseCommand(args as DiagnoseArgs, io, locale);
  } catch (e) {
    const msg = e instanceof UsageError || e instanceof RegistryInputError || e instanceof TargetInputError ? e.message : `internal error: ${(e as Error)?.stack ?? e}`;
    io.stderr(`${l10n.t('acr-doctor: {msg}', { msg: redact(msg) })}\n`);
    if (e instanceof UsageError || e instanceof TargetInputError) io.stderr('acr-doctor --help\n');
    return EXIT.couldNotRun;
  }
}

/** The caller's event listener, kept from throwing into the engine (a listener's bug is not the diagnosis's). */
function rawListener(io: CliIo): ((e: EngineEvent) => void) | undefined {
  const listener = io.onEngineEvent;
  if (!listener) return undefined;
  return (e) => { try { listener(e); } catch { /* the listener's own failure */ } };
}

function azureWanted(args: DiagnoseArgs, env: NodeJS.ProcessEnv): boolean {
  if (args.azure !== 'auto') return args.azure === 'on';
  // Only with an explicit sign-in: DefaultAzureCredential would probe IMDS and the CLI, which costs seconds.
  return !!(env.AZURE_CLIENT_ID && env.AZURE_TENANT_ID && env.AZURE_CLIENT_SECRET);
}

async function diagnoseCommand(typedArgs: DiagnoseArgs, io: CliIo, locale: Locale): Promise<number> {
  let args = typedArgs;
  let source: SourceLocation | undefined;
  if (args.from !== undefined) {
    const file = await readSourceFile(args.from, io.cwd ?? process.cwd());
    const found = referenceFromFile(file.uri, file.text, args.registry || undefined);
    source = found.location;
    if (!args.registry) args = { ...args, registry: found.target, image: imageOfTyped(found.target) };
  }
  const processEnv = environmentFromProcess(io.env, { resolve: args.resolve, repository: args.repository, pullTest: args.pullTest, client: args.client, nodeTrustsExtraCa: io.nodeTrustsExtraCa });
  for (const w of processEnv.warnings) io.stderr(`acr-doctor: ${w}\n`);
  const wantAzure = azureWanted(args, io.env);
  const who = args.identity?.kind;
  if ((who === 'azure' || who === 'aks' || who === 'mi' || who === 'service' || args.pulledBy) && !wantAzure) {
    throw new UsageError(`${who ? `--identity ${who}` : '--pulled-by'} is judged through Azure: set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or pass --azure to use your Azure sign-in)`);
  }
  const env = withTarget(processEnv.env, { image: args.image, operation: args.operation, identity: args.identity });
  if (args.pulledBy) env.pulledBy = true;
  if (wantAzure) {
    const a = armAccessFromEnvironment(io.env, { extraCaPem: env.extraCaPem });
    env.azure = { credential: a.credential, armEndpoint: a.armEndpoint, armScope: a.armScope, tenantId: a.tenantId, subscriptionId: a.subscriptionId, ...(a.allowCustomEndpointAudience ? { allowCustomEndpointAudience: true } : {}) };
  }
  if (args.identity && credentialKindOf(args.identity.kind)) {
    if (io.stdinIsTty) throw new UsageError(`--identity ${args.identity.kind} reads its secret from stdin: pipe it, e.g. printf %s "$SECRET" | acr-doctor diagnose … --identity ${args.identity.kind}${args.identity.kind === 'sp' ? ':<client-id>' : args.identity.kind === 'token' ? ':<name>' : ''}`);
    const password = (await io.readStdin()).replace(/\r?\n$/, '');
    if (!password) throw new UsageError(`--identity ${args.identity.kind}: stdin held no secret`);
    env.credentials = identityCredentials(args.identity, args.username, password, args.registry);
  } else if (args.username) {
    const password = args.passwordStdin ? (await io.readStdin()).replace(/\r?\n$/, '') : '';
    env.credentials = { kind: credentialKind(args.username, password, args.registry), username: args.username, password };
  }
  const budgetMs = args.timeoutMs ?? DEFAULT_BUDGET_MS;
  const style = makeStyle(io.colour && args.format === 'text');
  const render = args.format === 'text' ? textRenderer(io.stdout, style, locale, budgetMs / 1000) : undefined;
  const listener = rawListener(io);
  const onEvent = render && listener ? (e: EngineEvent) => { render(e); listener(e); } : render ?? listener;
  // A longer budget than the default is for a slow link: give each check proportionally longer too.
  const deadlineScale = Math.max(1, budgetMs / DEFAULT_BUDGET_MS);
  const runStartedAtMs = performance.now(); // since node started
  const report: DiagnosisReport = await diagnose(args.registry, env, { budgetMs, deadlineScale, onEvent, signal: io.signal, checks: args.only ?? 'all' });
  if (io.env.ACR_DOCTOR_TRACE && io.env.ACR_DOCTOR_TRACE !== '0') io.stderr(traceTimeline(report, allChecks(report.target, env), runStartedAtMs));
  if (args.pulledBy && args.format === 'text') io.stdout(`\n${pulledByLines(report, locale).join('\n')}\n`);
  if (args.format === 'json') io.stdout(`${JSON.stringify({ ...report, causes: report.causes.map((c) => ({ ...c, ...causeDocs(c.causeId, locale) })) }, null, 2)}\n`);
  if (args.format === 'sarif') io.stdout(`${JSON.stringify(toSarif(report, pkg.version, locale, source), null, 2)}\n`);
  // An identity Azure cannot find (a cluster or managed identity by a wrong name) is bad input.
  const unresolved = unresolvedIdentity(report);
  if (unresolved) { io.stderr(`${l10n.t('acr-doctor: {msg}', { msg: redact(unresolved) })}\n`); return EXIT.couldNotRun; }
  return exitCodeOf(report);
}

/** The credentials an identity with a secret is tried with: its user name is known from the identity (admin: the registry's name). */
export function identityCredentials(identity: IdentitySpec, username: string | undefined, password: string, registry: string): ExplicitCredentials {
  switch (identity.kind) {
    case 'sp': return { kind: 'servicePrincipal', username: identity.clientId ?? username ?? '', password };
    case 'token': return { kind: 'repositoryToken', username: identity.name ?? username ?? '', password };
    case 'exposed-token': return { kind: 'exposedToken', username: EXPOSED_TOKEN_USER, password };
    case 'admin': {
      let name = '';
      try { name = parseRegistryAndImage(registry).registry.name; } catch { /* the diagnosis reports the bad name */ }
      return { kind: 'admin', username: name, password };
    }
    default: throw new UsageError(`--identity ${identity.kind} takes no secret`);
  }
}

/** 1 when causes were found; 2 when the budget ran out before every check finished (not healthy); else 0. */
export function exitCodeOf(report: Pick<DiagnosisReport, 'causes' | 'budgetExceeded'>): number {
  if (report.causes.length) return EXIT.causes;
  return report.budgetExceeded ? EXIT.couldNotRun : EXIT.healthy;
}

/**
 * What kind of credential a user name + password pair is, as docker login would be given it: the
 * login checks explain a refusal per kind (admin user disabled, service principal secret, a token
 * from `az acr login --expose-token` used with another user name); 'basic' when it cannot be told.
 */
export function credentialKind(username: string, password: string, registry: string): 'exposedToken' | 'admin' | 'servicePrincipal' | 'repositoryToken' | 'basic' {
  if (username === EXPOSED_TOKEN_USER || /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(password.trim())) return 'exposedToken';
  let name: string | undefined;
  try { name = parseRegistryAndImage(registry).registry.name; } catch { /* diagnose reports the bad name */ }
  if (name && username.toLowerCase() === name) return 'admin';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(username)) return 'servicePrincipal';
  // ACR takes user name + password only from those three and from repository-scoped tokens (named).
  return /^[a-zA-Z0-9-]{5,50}$/.test(username) ? 'repositoryToken' : 'basic';
}

/** Where a cause is documented (in the locale), for `diagnose --json` readers as for explain's. */
function causeDocs(causeId: string, locale: Locale) {
  const c = getCause(causeId);
  if (!c) return {};
  return { docsUrl: docsUrl(c, locale), seed: c.seed, section: c.section, sectionTitle: c.sectionTitle[locale], ...(c.checkHealthCode ? { checkHealthCode: c.checkHealthCode } : {}) };
}

/** What `explain --json` readers look up per cause: its words, docs link (in the locale), seed section, check-health code. */
export function explainedCause(causeId: string, locale: Locale, params: Record<string, string>) {
  const c = getCause(causeId);
  if (!c) return {};
  return {
    title: localizeWithoutValues(c.title, locale, params), explanation: localizeWithoutValues(c.explanation, locale, params),
    ...causeDocs(causeId, locale),
  };
}

async function explainCommand(text: string | undefined, format: 'text' | 'json', io: CliIo, locale: Locale): Promise<number> {
  let input = text;
  if (input === undefined || input === '-') {
    if (io.stdinIsTty) throw new UsageError(l10n.t('give the error text as an argument or on stdin'));
    input = await io.readStdin();
  }
  const r = stripControlCharsDeep(explainText(input));
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ ...r, matches: r.matches.map((m) => ({ ...m, ...explainedCause(m.causeId, locale, r.params) })) }, null, 2)}\n`);
    return 0;
  }
  const style = makeStyle(io.colour);
  if (r.understood) io.stdout(`${style.dim(`${l10n.t('Read from the text')}:`)} ${r.understood[locale]}\n\n`);
  if (!r.matches.length) {
    io.stdout(`${l10n.t('No known cause matches this text.')}\n`);
  } else {
    io.stdout(`${style.bold(l10n.t('Possible causes, most likely first'))}\n`);
    r.matches.slice(0, 5).forEach((m, i) => {
      const c = getCause(m.causeId);
      io.stdout(`\n${i + 1}. ${style.bold(c ? localizeWithoutValues(c.title, locale, r.params) : m.causeId)} ${style.dim(`[${m.causeId}]`)}\n`);
      io.stdout(style.dim(`   ${l10n.t('matched')}: ${m.matched.map((s) => `"${s}"`).join(', ')}\n`));
      if (c) {
        io.stdout(`   ${localizeWithoutValues(c.explanation, locale, r.params)}\n`);
        io.stdout(style.dim(`   ${l10n.t('Docs section')}: ${c.sectionTitle[locale]}${c.checkHealthCode ? ` · check-health ${c.checkHealthCode}` : ''}\n`));
        io.stdout(`   ${style.cyan('→')} ${docsUrl(c, locale)}\n`);
      }
    });
  }
  for (const n of r.localizedNotes) io.stdout(`\n${n[locale]}\n`);
  if (r.bareUnauthorized?.length) {
    io.stdout(`\n${style.bold(l10n.t('What tells these causes apart'))}\n`);
    for (const b of r.bareUnauthorized) {
      const c = getCause(b.causeId);
      io.stdout(`  - ${c ? localizeWithoutValues(c.title, locale, r.params) : b.causeId}: ${b.check[locale]}\n`);
    }
    io.stdout(`${style.cyan('→')} ${l10n.t('acr-doctor diagnose {registry} runs these checks.', { registry: r.reading.host ?? l10n.t('<registry>') })}\n`);
  }
  return 0;
}
