// The peer, for real: Debian's azure-cli signed in to the sandbox's Entra/ARM simulator and
// `az acr check-health -n <name> --ignore-errors --yes` run as the sandbox's user. Used by the fault
// matrix (`npm run matrix`), the bench (bench/diagnosis.ts) and test/integration/matrix/az-check-health.test.ts.
//
// Per world, once: a private AZURE_CONFIG_DIR inside the world's temp dir (gone when the world
// stops), `az cloud register` of a custom cloud whose ARM is the simulator (az reads the login
// endpoint and the token audience from ARM's /metadata/endpoints), `az cloud set`, then
// `az login --service-principal` as the sandbox's service principal. MSAL-python then asks
// login.microsoftonline.com (the simulator, in the namespace) for instance discovery, the tenant's
// openid-configuration and a token; az lists GET /subscriptions. check-health finds the registry
// through ARM's generic resource list, GETs it for the login server, and runs the challenge,
// /oauth2/exchange and /oauth2/token itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SandboxWorld } from '../../../sandbox/world';
import { runProc, type ProcResult } from './run-proc';

export const AZ_CLOUD = 'AcrSandbox';

export interface AzSession {
  configDir: string;
  signedIn: boolean;
  /** Wall time of cloud register + set + login, ms. */
  loginMs: number;
  /** Why signing in failed (secrets scrubbed). */
  loginError?: string;
  /** What the simulator answered while az signed in: `<status> <method> <host><path>`. */
  simulatorCalls: string[];
}

export interface CheckHealthResult {
  /** The check-health error codes that say something about the registry or the client. */
  codes: string[];
  /** HELM_/NOTARY_COMMAND_ERROR when helm or notary is not installed on this machine (not a finding). */
  toolCodes: string[];
  /** `<step> : OK` lines check-health printed, in order. */
  passed: string[];
  ms: number;
  exitCode: number | null;
  /** Killed at the time limit (check-health sets no request timeouts: a black hole hangs it). */
  killed: boolean;
  signedIn: boolean;
  /** Last lines of its output (secrets scrubbed). */
  tail: string;
  /** Why az itself failed (non-zero exit, not killed): its last `ERROR:` line that is not a check-health code. */
  failure?: string;
}

/** The az on this machine, or undefined (then there is no check-health column). */
export function azBinary(): string | undefined {
  for (const d of (process.env.PATH ?? '/usr/bin:/bin').split(':').concat('/usr/bin')) {
    const p = path.join(d, 'az');
    try { fs.accessSync(p, fs.constants.X_OK); return p; } catch { /* next */ }
  }
  return undefined;
}

function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(':').some((d) => { try { fs.accessSync(path.join(d, name), fs.constants.X_OK); return true; } catch { return false; } });
}

function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('<redacted>');
  return out;
}

function azEnv(w: SandboxWorld, configDir: string, base: NodeJS.ProcessEnv = w.clientEnv()): NodeJS.ProcessEnv {
  return {
    ...base,
    AZURE_CONFIG_DIR: configDir,
    REQUESTS_CA_BUNDLE: w.caFile,
    AZURE_CORE_COLLECT_TELEMETRY: 'no',
    AZURE_CORE_NO_COLOR: '1',
    AZURE_CORE_ONLY_SHOW_ERRORS: 'no',
    AZURE_CORE_SURVEY_MESSAGE: 'no',
  };
}

const sessions = new WeakMap<SandboxWorld, Promise<AzSession>>();

/** Sign az in to the world's simulator once per world (later calls return the same session). */
export function azSignIn(w: SandboxWorld): Promise<AzSession> {
  let s = sessions.get(w);
  if (!s) { s = signIn(w); sessions.set(w, s); }
  return s;
}

async function signIn(w: SandboxWorld): Promise<AzSession> {
  const az = azBinary();
  const configDir = fs.mkdtempSync(path.join(w.dir, 'az-config-'));
  if (!az) return { configDir, signedIn: false, loginMs: 0, loginError: 'az is not installed (Debian package azure-cli)', simulatorCalls: [] };
  // Sign in with the network the way a healthy world has it: no client proxy of a scenario.
  const env = azEnv(w, configDir);
  for (const k of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) delete env[k];
  const a = w.azure;
  const first = w.arm.calls.length;
  const calls = () => w.arm.calls.slice(first).map((c) => `${c.status} ${c.method} ${c.host}${c.path}`);
  const t0 = performance.now();
  const steps: [string, string[]][] = [
    ['cloud register', ['cloud', 'register', '-n', AZ_CLOUD, '--endpoint-resource-manager', a.armEndpoint, '--endpoint-active-directory', a.authorityHost, '--suffix-acr-login-server-endpoint', '.azurecr.io', '-o', 'none']],
    ['cloud set', ['cloud', 'set', '-n', AZ_CLOUD, '-o', 'none']],
    // az takes the secret only as an argument; the process lives in the namespace for a second.
    // --password=…: a secret may begin with '-' (base64url), which az would read as an option.
    ['login', ['login', '--service-principal', '-u', a.clientId, `--password=${a.clientSecret}`, '--tenant', a.tenantId, '-o', 'none']],
  ];
  for (const [what, args] of steps) {
    const r = await runProc(az, args, env, { timeoutMs: 60_000 });
    if (r.code !== 0) {
      return { configDir, signedIn: false, loginMs: performance.now() - t0, loginError: `az ${what} failed (exit ${r.code}): ${scrub(`${r.stderr}${r.stdout}`, w.secrets()).trim().slice(0, 500)}`, simulatorCalls: calls() };
    }
  }
  return { configDir, signedIn: true, loginMs: performance.now() - t0, simulatorCalls: calls() };
}

/** `az account show` in the session (what az believes it is signed in to). */
export async function azAccount(w: SandboxWorld): Promise<{ id?: string; tenantId?: string; environmentName?: string; user?: { name?: string; type?: string } }> {
  const s = await azSignIn(w);
  const r = await runProc(azBinary() ?? 'az', ['account', 'show', '-o', 'json'], azEnv(w, s.configDir), { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`az account show failed: ${scrub(r.stderr, w.secrets())}`);
  return JSON.parse(r.stdout) as { id?: string; tenantId?: string };
}

const TOOL_CODES: Record<string, string> = { HELM_COMMAND_ERROR: 'helm', NOTARY_COMMAND_ERROR: 'notary' };

/** The error codes of a check-health run (its `An error occurred: <CODE>` lines), in order. */
export function parseCheckHealthCodes(output: string): string[] {
  return [...new Set([...output.matchAll(/An error occurred: ([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]))];
}

/** Sign in (once per world), then run check-health for `registryName` in the world's current scenario. */
export async function azCheckHealth(w: SandboxWorld, registryName: string, opts: { timeoutMs?: number } = {}): Promise<CheckHealthResult> {
  const session = await azSignIn(w);
  const env = azEnv(w, session.configDir);
  const limit = opts.timeoutMs ?? 120_000;
  const r: ProcResult = await runProc(azBinary() ?? 'az', ['acr', 'check-health', '-n', registryName, '--ignore-errors', '--yes'], env, { timeoutMs: limit });
  const out = scrub(`${r.stdout}\n${r.stderr}`, w.secrets());
  const all = parseCheckHealthCodes(out);
  const toolCodes = all.filter((c) => TOOL_CODES[c] && !onPath(TOOL_CODES[c], env));
  return {
    codes: all.filter((c) => !toolCodes.includes(c)),
    toolCodes,
    passed: [...out.matchAll(/^WARNING: (.+?) : OK\s*$/gm)].map((m) => m[1]),
    ms: Math.round(r.ms),
    exitCode: r.code,
    killed: r.code === null || r.ms >= limit - 50,
    signedIn: session.signedIn,
    tail: out.trim().split('\n').filter((l) => l.trim()).slice(-6).join(' | ').slice(0, 600),
    failure: r.code !== 0 && r.code !== null ? azFailure(out) : undefined,
  };
}

/** az's own last error (e.g. `('Cannot connect to proxy.', …)` when ARM is behind a dead proxy). */
export function azFailure(output: string): string | undefined {
  const lines = output.split('\n').map((l) => /^ERROR: (.*)$/.exec(l.trim())?.[1]).filter((l): l is string => !!l && !/An error occurred: [A-Z_]+/.test(l));
  const last = lines[lines.length - 1]?.trim();
  return last ? last.slice(0, 120) : undefined;
}

/** One cell: az's codes, "no error", or where it hung. */
export function azVerdict(c: Pick<CheckHealthResult, 'codes' | 'killed' | 'passed' | 'exitCode' | 'ms'> & { signedIn?: boolean; tail?: string; failure?: string }): string {
  const who = c.signedIn === false ? ' (not signed in)' : '';
  if (!c.killed && c.failure) return `${c.codes.length ? `${c.codes.join(', ')}; then ` : ''}az failed (exit ${c.exitCode}): ${c.failure.slice(0, 70)}${who}`;
  if (c.killed) {
    const last = c.passed?.[c.passed.length - 1];
    return `${c.codes.length ? `${c.codes.join(', ')}; ` : ''}hung${last ? ` after "${last.replace(/ at IP .*/, '')}"` : ''}, killed at ${Math.round(c.ms / 1000)} s${who}`;
  }
  if (c.codes.length) return `${c.codes.join(', ')}${who}`;
  if (c.exitCode === 0) return `no error${who}`;
  const stop = /ERROR: ([^|]+)/.exec(c.tail ?? '')?.[1]?.trim();
  return `${stop ? `stopped: ${stop.slice(0, 60)}` : `exit ${c.exitCode}`}${who}`;
}

/** Whether az's verdict matches the scenario's documented check-health code (healthy: no code). */
export function azAgrees(expectedCode: string | undefined, c: Pick<CheckHealthResult, 'codes' | 'killed'>): boolean {
  if (c.killed) return false;
  return expectedCode ? c.codes.includes(expectedCode) : c.codes.length === 0;
}
