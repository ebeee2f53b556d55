// The fault matrix: for every sandbox scenario (and the named combinations), run the real CLI
// (dist/cli.js) as the sandbox's user and record the expected cause, the cause ranked first, the
// other causes and the time; optionally what `az acr check-health` says in the same scenario.
// Used by `npm run matrix` (scripts/matrix.mjs), the matrix integration test and the bench.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScenarioInfo } from '../../../sandbox/types';
import type { CauseId } from '../../../src/core/catalogue/types';
import type { SandboxWorld } from '../../../sandbox/world';
import { COMBINATIONS, scenarioNames } from '../../../sandbox/scenarios/index';
import type { DiagnosisReport } from '../../../src/core/engine/types';
import { ROOT } from './root';
import { runProc, type ProcResult } from './run-proc';
import { azAgrees, azCheckHealth, azVerdict, type AzSession, type CheckHealthResult } from './az-check-health';

export { repoRoot, ROOT } from './root';
export { runProc, type ProcResult } from './run-proc';
export { azVerdict } from './az-check-health';

/** The bundled CLI (ACR_DOCTOR_CLI: a private copy, when others rebuild dist/ meanwhile). */
export const CLI = process.env.ACR_DOCTOR_CLI ?? path.join(ROOT, 'dist', 'cli.js');

export interface MatrixRow {
  scenario: string;
  expected: string | null;
  alsoExpected: string[];
  first: string | null;
  others: string[];
  /** Wall time of the CLI process, ms. */
  ms: number;
  /** The engine's own durationMs. */
  engineMs?: number;
  exitCode: number | null;
  /** Checks that failed (for 'healthy'). */
  failures: string[];
  ok: boolean;
  why?: string;
  checkHealthCode?: string;
  /** az acr check-health (signed in to the sandbox): its error codes, its time. */
  checkHealth?: CheckHealthResult;
  report?: DiagnosisReport;
  stderr?: string;
}

export function allScenarios(): string[] {
  return [...scenarioNames(), ...COMBINATIONS];
}

/** The CLI arguments a user in this scenario would type. */
export function cliArgs(w: SandboxWorld, info: ScenarioInfo, format: '--json' | '--sarif' | 'text' = '--json'): { args: string[]; input?: string } {
  const registry = info.input ?? (info.registry === 'contoso' ? w.loginServer : `${info.registry}.azurecr.io`);
  // A generous budget: the matrix judges what is found, not how fast (that is npm run bench's job),
  // and a loaded 2-core machine must not turn a slow check into a missing cause.
  // A scenario about an image names it after the registry, as the user types it; the others test with hello.
  const args = ['diagnose', info.image ? `${registry}/${info.image}` : registry, ...(format === 'text' ? [] : [format]), ...(info.image ? [] : ['--repository', 'hello']), '--timeout', process.env.MATRIX_TIMEOUT_S ?? '20'];
  if (info.operation) args.push('--operation', info.operation);
  if (info.identity) args.push('--identity', info.identity);
  if (info.pulledBy) args.push('--pulled-by');
  if (info.client) args.push('--client', info.client);
  // A login scenario that does not involve the user's Azure sign-in is run as a user who has none
  // (e.g. a logged-out anonymous pull), as the login tests do; network scenarios keep the sign-in
  // (the blob and data-endpoint probes need some credential).
  if ((!info.usesArm && info.seed === 'troubleshoot-login') || info.noAzure) args.push('--no-azure');
  // check-health's DOCKER_PULL_ERROR step is the CLI's opt-in pull test.
  if (info.checkHealthCode === 'DOCKER_PULL_ERROR') args.push('--pull-test');
  let input: string | undefined;
  // An identity with a secret reads it from stdin by itself; other credentials go with --username.
  const secretIdentity = /^(sp|admin|token|exposed-token)(:|$)/.test(info.identity ?? '');
  if (info.credentials && secretIdentity) input = `${info.credentials.password}\n`;
  else if (info.credentials) { args.push('--username', info.credentials.username, '--password-stdin'); input = `${info.credentials.password}\n`; }
  return { args, input };
}

export async function runCliIn(w: SandboxWorld, info: ScenarioInfo, format: '--json' | '--sarif' | 'text' = '--json', extraEnv: NodeJS.ProcessEnv = {}): Promise<ProcResult> {
  const { args, input } = cliArgs(w, info, format);
  // A scenario about a second, unprivileged user runs the CLI as that user.
  const as = info.runAsUid !== undefined ? ['setpriv', `--reuid=${info.runAsUid}`, `--regid=${info.runAsUid}`, '--clear-groups', '--'] : [];
  const [cmd, ...pre] = as.length ? as : [process.execPath];
  const cli = as.length ? cliEveryoneCanRead() : CLI;
  return runProc(cmd, [...pre, ...(as.length ? [process.execPath] : []), cli, ...args], { ...w.clientEnv(), ...extraEnv }, { input, timeoutMs: 60_000 });
}

let sharedCli: string | undefined;

/**
 * The CLI's bundles (and the l10n bundles beside them) copied once to a folder every user may read:
 * a checkout under a private folder (mktemp -d is 0700) is out of the unprivileged user's reach.
 */
function cliEveryoneCanRead(): string {
  if (sharedCli) return sharedCli;
  const dir = fs.mkdtempSync(path.join('/tmp', 'acr-doctor-cli-'));
  const dist = path.dirname(CLI);
  fs.mkdirSync(path.join(dir, 'dist'));
  for (const f of ['cli.js', 'cli-main.js']) fs.copyFileSync(path.join(dist, f), path.join(dir, 'dist', f));
  fs.cpSync(path.join(dist, '..', 'l10n'), path.join(dir, 'l10n'), { recursive: true });
  fs.chmodSync(dir, 0o755);
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return (sharedCli = path.join(dir, 'dist', 'cli.js'));
}

/** Apply the scenario, run the CLI, judge the result. */
export async function runScenario(w: SandboxWorld, name: string, opts: { checkHealth?: boolean; keepReport?: boolean } = {}): Promise<MatrixRow> {
  const info = await w.apply(name);
  const r = await runCliIn(w, info);
  const row: MatrixRow = {
    scenario: name, expected: info.expectedCause, alsoExpected: info.alsoExpected ?? [], first: null, others: [],
    ms: Math.round(r.ms), exitCode: r.code, failures: [], ok: false, checkHealthCode: info.checkHealthCode,
  };
  let report: DiagnosisReport | undefined;
  try { report = JSON.parse(r.stdout) as DiagnosisReport; } catch { row.why = `the CLI printed no JSON (exit ${r.code}): ${r.stderr.slice(0, 300)}`; row.stderr = r.stderr; }
  if (report) {
    row.engineMs = report.durationMs;
    row.first = report.causes[0]?.causeId ?? null;
    row.others = report.causes.slice(1).map((c) => c.causeId);
    row.failures = report.findings.filter((f) => f.status === 'fail').map((f) => f.checkId);
    if (opts.keepReport) row.report = report;
    row.stderr = r.stderr;
    if (info.expectedCause === null) {
      row.ok = row.failures.length === 0 && report.causes.filter((c) => c.status === 'fail').length === 0 && r.code === 0;
      if (!row.ok) row.why = `expected no failure, got ${[...row.failures, ...report.causes.map((c) => c.causeId)].join(', ')} (exit ${r.code})`;
    } else if (!name.includes('+')) {
      row.ok = row.first === info.expectedCause && r.code === 1;
      if (!row.ok) row.why = row.first !== info.expectedCause ? `ranked first: ${row.first ?? 'nothing'}` : `exit ${r.code}`;
      else DETECTORS.set(name, report.causes[0].checkIds);
    } else {
      row.ok = await judgeCombination(w, name, info, report, row);
      if (row.ok && r.code !== 1) { row.ok = false; row.why = `exit ${r.code}`; }
    }
  }
  if (opts.checkHealth) row.checkHealth = await checkHealth(w, info);
  return row;
}

/**
 * scenario → the checks that reported its cause when it was the only fault (learnt from the single
 * rows). Keyed by scenario, not cause: one cause is found by different checks for different
 * identities (missing AcrPull: the Entra sign-in's, a service principal's, a managed identity's).
 */
const DETECTORS = new Map<string, string[]>();

/**
 * Two faults at once. Each cause is accounted for: reported, or — when the other fault stands in
 * front of it (a 403 before the password is tried, a dead proxy before the token flow) — every
 * check that detects it alone is skipped because of a check that reported the blocking cause.
 * A blocked cause never comes first; when both are reported, the first is one of the two.
 */
async function judgeCombination(w: SandboxWorld, name: string, info: ScenarioInfo, report: DiagnosisReport, row: MatrixRow): Promise<boolean> {
  const parts = name.split('+');
  const causes: CauseId[] = [info.expectedCause!, ...(info.alsoExpected ?? [])];
  for (let i = 0; i < parts.length; i++) {
    if (!DETECTORS.has(parts[i])) {
      const alone = await runScenario(w, parts[i]);
      if (!alone.ok) { row.why = `${parts[i]} alone is not diagnosed (${alone.why})`; return false; }
    }
  }
  const reported = new Set(report.causes.map((c) => c.causeId));
  const byCheck = new Map(report.findings.map((f) => [f.checkId, f]));
  const notes: string[] = [];
  for (const [i, c] of causes.entries()) {
    if (reported.has(c)) continue;
    const detectors = DETECTORS.get(parts[i]) ?? [];
    const blockers = detectors.map((id) => byCheck.get(id)?.blockedBy);
    // Blocked: each detecting check was skipped because a check failed (that failure is, or
    // leads to, the reported blocking cause).
    const blockedByReported = detectors.length > 0 && blockers.every((b) => b && (byCheck.get(b)?.status === 'fail' || report.causes.some((x) => x.checkIds.includes(b))));
    if (!blockedByReported) {
      row.why = `${c} neither reported nor blocked (its checks ${detectors.join(', ')}: ${detectors.map((id) => byCheck.get(id)?.status ?? 'absent').join(', ')})`;
      return false;
    }
    notes.push(`${c} blocked by ${[...new Set(blockers)].join(', ')}`);
  }
  if (!row.first || !(causes as string[]).includes(row.first)) { row.why = `ranked first: ${row.first ?? 'nothing'}`; return false; }
  if (notes.length) row.others = [...row.others, ...notes.map((n) => `(${n})`)];
  return true;
}

/** az acr check-health's hard limit per scenario in the matrix (it sets no request timeouts: a black hole hangs it). */
const AZ_LIMIT_MS = Number(process.env.MATRIX_AZ_TIMEOUT_S ?? 30) * 1000;

/** `az acr check-health -n <name> --ignore-errors --yes` as the same user, az signed in to the sandbox (once per world). */
export async function checkHealth(w: SandboxWorld, info: ScenarioInfo): Promise<CheckHealthResult> {
  const name = (info.input ?? info.registry).toLowerCase().split(/[./]/)[0];
  return azCheckHealth(w, name, { timeoutMs: AZ_LIMIT_MS });
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function matrixTable(rows: MatrixRow[], withCheckHealth: boolean): string[][] {
  const head = ['scenario', 'expected cause', 'ranked first', 'other causes', 'time', 'ok'];
  if (withCheckHealth) head.push('check-health code (expected)', 'az check-health said', 'az agrees', 'az time');
  const body = rows.map((r) => {
    const line = [r.scenario, r.expected ?? '(none)', r.first ?? '(none)', r.others.join(', ') || '-', `${(r.ms / 1000).toFixed(1)} s`, r.ok ? 'yes' : `NO: ${r.why ?? ''}`];
    if (withCheckHealth) line.push(r.checkHealthCode ?? '-', r.checkHealth ? azVerdict(r.checkHealth) : '-', r.checkHealth ? (azAgrees(r.checkHealthCode, r.checkHealth) ? 'yes' : 'no') : '-', r.checkHealth ? `${(r.checkHealth.ms / 1000).toFixed(1)} s` : '-');
    return line;
  });
  return [head, ...body];
}

/** What the az column rests on: sign-in, agreement with the documented codes, the time az took. */
export function azSummary(rows: MatrixRow[], session?: AzSession): string {
  const ran = rows.filter((r) => r.checkHealth);
  if (!ran.length) return '';
  const agree = ran.filter((r) => azAgrees(r.checkHealthCode, r.checkHealth!)).length;
  const hung = ran.filter((r) => r.checkHealth!.killed).map((r) => r.scenario);
  const azMs = ran.reduce((a, r) => a + r.checkHealth!.ms, 0);
  const tools = [...new Set(ran.flatMap((r) => r.checkHealth!.toolCodes))];
  return `az acr check-health (${session ? (session.signedIn ? `signed in to the sandbox's Entra/ARM simulator as its service principal in ${(session.loginMs / 1000).toFixed(1)} s` : `NOT signed in: ${session.loginError ?? ''}`) : 'az'}; ` +
    `\`--ignore-errors --yes\`, killed after ${AZ_LIMIT_MS / 1000} s) agrees with the documented check-health code (healthy: no code) in ${agree}/${ran.length} rows; ` +
    `${hung.length ? `it hung in ${hung.join(', ')}; ` : ''}it took ${(azMs / 1000).toFixed(1)} s in all.` +
    `${tools.length ? ` ${tools.join(' and ')} (helm/notary not installed on this machine) are left out of every cell.` : ''}`;
}

export function matrixMarkdown(rows: MatrixRow[], withCheckHealth: boolean, when = new Date(), session?: AzSession): string {
  const t = matrixTable(rows, withCheckHealth);
  const ok = rows.filter((r) => r.ok).length;
  const az = withCheckHealth ? azSummary(rows, session) : '';
  return [
    `# ACR Doctor fault matrix`, '',
    `${when.toISOString()} — ${ok}/${rows.length} scenarios diagnosed as expected (the injected cause ranked first; healthy without failure; combinations with both causes reported). ` +
    `Each row is one real \`acr-doctor diagnose … --json\` run against the sandbox (real dockerd, docker-registry, tinyproxy, TLS front, ARM simulator).`, '',
    ...(az ? [az, ''] : []),
    `| ${t[0].join(' | ')} |`, `|${t[0].map(() => '---').join('|')}|`,
    ...t.slice(1).map((l) => `| ${l.map(cell).join(' | ')} |`), '',
  ].join('\n');
}

export function matrixText(rows: MatrixRow[], withCheckHealth: boolean): string {
  const t = matrixTable(rows, withCheckHealth);
  const widths = t[0].map((_, i) => Math.min(60, Math.max(...t.map((r) => r[i].length))));
  return t.map((r) => r.map((c, i) => (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i]))).join('  ')).join('\n');
}

export function writeMatrixArtifacts(rows: MatrixRow[], withCheckHealth: boolean, session?: AzSession): string {
  const dir = path.join(process.env.ACR_DOCTOR_ARTIFACTS ?? path.join(ROOT, 'artifacts'));
  fs.mkdirSync(dir, { recursive: true });
  const md = path.join(dir, 'matrix.md');
  fs.writeFileSync(md, matrixMarkdown(rows, withCheckHealth, new Date(), session));
  fs.writeFileSync(path.join(dir, 'matrix.json'), JSON.stringify(rows.map(({ report: _r, stderr: _s, ...x }) => x), null, 2));
  return md;
}

/** Push `contoso.azurecr.io/hello:v1` (the image pull/push scenarios use), as the shared test world does. */
export async function seedHello(w: SandboxWorld): Promise<void> {
  await w.apply('healthy');
  const env = w.clientEnv();
  const login = await runProc('/usr/bin/docker', ['login', w.loginServer, '-u', w.azure.clientId, '--password-stdin'], env, { input: w.azure.clientSecret });
  if (login.code !== 0) throw new Error(`seeding: docker login failed: ${login.stderr}`);
  const dir = fs.mkdtempSync(path.join(w.dir, 'seed-'));
  fs.writeFileSync(path.join(dir, 'hello.txt'), 'hello from the sandbox\n');
  const tar = await runProc('tar', ['-C', dir, '-cf', path.join(dir, 'hello.tar'), 'hello.txt'], env);
  if (tar.code !== 0) throw new Error(`seeding: tar failed: ${tar.stderr}`);
  for (const args of [['import', path.join(dir, 'hello.tar'), `${w.loginServer}/hello:v1`], ['push', `${w.loginServer}/hello:v1`], ['rmi', `${w.loginServer}/hello:v1`]]) {
    const r = await runProc('/usr/bin/docker', args, env, { timeoutMs: 120_000 });
    if (r.code !== 0) throw new Error(`seeding: docker ${args[0]} failed: ${r.stderr}`);
  }
}
