// `npm run corpus`: for every scenario, every client this machine runs performs the operation the
// scenario breaks, and each failure's words are written (redacted) with the scenario's cause to
// test/data/explain-corpus/<client>/<scenario>.json. A client that fails in the healthy world is
// left out (its failure says something about this machine, not the scenario); what happened per
// scenario and client goes to test/data/explain-corpus/recorded.json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SandboxWorld } from '../../../sandbox/world';
import type { ScenarioInfo } from '../../../sandbox/types';
import { acceptableFor, CORPUS_DIR, corpusText, entryFile, type CorpusEntry, type CorpusOperation } from '../../support/explain-corpus';
import { CLIENTS, type ClientContext, type CorpusClient, type Who } from './clients';
import { seedHello } from '../matrix/fault-matrix';

/** Per scenario and client: 'text' (recorded), 'ok' (the client succeeded) or why it was not run. */
export type Outcome = 'text' | 'ok' | `skipped: ${string}`;

function readConfig(w: SandboxWorld): { raw: string; auths: number } {
  const raw = fs.readFileSync(path.join(w.dockerConfigDir, 'config.json'), 'utf8');
  try { return { raw, auths: Object.keys((JSON.parse(raw) as { auths?: object }).auths ?? {}).length }; } catch { return { raw, auths: -1 }; }
}

/** Who the user is in the scenario, for clients that take user name and password or a stored login. */
export function whoFor(w: SandboxWorld, info: ScenarioInfo): Who | undefined {
  if (info.credentials) return { kind: 'explicit', username: info.credentials.username, password: info.credentials.password };
  // A kubelet's or managed identity's sign-in cannot be made from this machine.
  if (/^(aks|mi):/.test(info.identity ?? '')) return undefined;
  if (readConfig(w).auths !== 0) return { kind: 'stored' };
  // Logged out only where the scenario is about pulling without a login; elsewhere the user has signed in.
  if (/^credentials\.anonymous-pull/.test(info.expectedCause ?? '')) return { kind: 'anonymous' };
  return { kind: 'explicit', username: w.azure.clientId, password: w.azure.clientSecret };
}

/**
 * Scenarios whose fault a client never meets, so its failure there says something about the sandbox,
 * not the fault: curl and az acr repository never read docker's config.json; az resolves a resource
 * name to its login server through ARM (the sandbox only lacks DNS for the real one); az fetches no blob.
 */
const DATA_ENDPOINT = ['network.data-endpoint-blocked', 'network.replica-data-endpoint-blocked', 'network.private-endpoint-data-dns-missing'];
const NOT_MET: Record<string, string[]> = {
  curl: ['docker.config-malformed'],
  // ctr and an SDK program take the credential on their own command line or code, not from docker's config; ctr is not docker's CLI.
  ctr: ['docker.config-malformed', 'docker.cli-missing', 'client.wsl-integration-off'],
  'ctr-hosts-dir': ['docker.config-malformed', 'docker.cli-missing', 'client.wsl-integration-off'],
  // dockerode reads DOCKER_HOST, never docker's contexts.
  dockerode: ['docker.config-malformed', 'client.docker-context-unreachable'],
  // docker-py reads DOCKER_HOST too, and takes the credential from the program, not from docker's config.
  'docker-py': ['docker.config-malformed', 'client.docker-context-unreachable'],
  'azure-sdk-js': ['docker.config-malformed'],
  // az acr login and repository list never fetch a blob, so never reach a data endpoint.
  'az-acr-repository': ['docker.config-malformed', 'name.resource-name-vs-login-server', ...DATA_ENDPOINT],
  'az-acr-login': ['name.resource-name-vs-login-server', ...DATA_ENDPOINT],
};

/**
 * The operations a client performs in a scenario: the scenario's own (a login scenario's user logs
 * in, then pulls: a daemon that is down or a data endpoint that is blocked shows only then); az's
 * subcommands always run theirs.
 */
function operationsFor(client: CorpusClient, op: CorpusOperation): CorpusOperation[] {
  if (client.name.startsWith('az-')) return client.operations;
  const ops: CorpusOperation[] = op === 'login' ? ['login', 'pull'] : [op];
  return ops.filter((o) => client.operations.includes(o));
}

export interface RecordSummary {
  scenarios: string[];
  outcomes: Record<string, Record<string, Outcome>>;
  clients: Record<string, string>;
  written: number;
}

export async function recordCorpus(w: SandboxWorld, names: string[], log: (s: string) => void = console.log, only?: string[]): Promise<RecordSummary> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acr-corpus-'));
  const clients: Record<string, string> = {};
  const usable: CorpusClient[] = [];
  try {
    // hello:v1 in the registry and docker logged in as the service principal (the healthy world).
    await seedHello(w);
    const info = w.scenario;
    const ctx: ClientContext = { w, info, dir };
    // skopeo makes the OCI layout the others load: prepare it first.
    const order = [...CLIENTS].sort((a, b) => Number(b.name === 'skopeo') - Number(a.name === 'skopeo'));
    for (const c of order) {
      // Re-recording some clients: skopeo still prepares the layout the others push from.
      if (only && !only.includes(c.name) && c.name !== 'skopeo') continue;
      const why = c.unavailable();
      if (why) { clients[c.name] = `unavailable: ${why}`; continue; }
      try {
        await c.prepare?.(ctx);
        clients[c.name] = (await c.version?.(ctx)) ?? 'available';
        usable.push(c);
      } catch (e) { clients[c.name] = `unavailable: ${String((e as Error).message ?? e).slice(0, 200)}`; }
    }
    // The healthy baseline: a client failing here is left out.
    for (const c of [...usable]) {
      const who = whoFor(w, info)!;
      for (const op of c.operations) {
        const runs = await c.run(ctx, op, w.loginServer, 'hello:v1', who);
        const bad = runs.find((r) => r.result.code !== 0);
        if (bad) {
          clients[c.name] = `unavailable: fails in the healthy world (${op}): ${corpusText(bad.result.stderr || bad.result.stdout, w.secrets(), [dir, w.dir]).slice(0, 200)}`;
          usable.splice(usable.indexOf(c), 1);
          break;
        }
      }
    }
    if (only) for (const c of [...usable]) if (!only.includes(c.name)) usable.splice(usable.indexOf(c), 1);
    for (const [n, v] of Object.entries(clients)) log(`[corpus] ${n.padEnd(18)} ${v}`);

    const outcomes: Record<string, Record<string, Outcome>> = {};
    let written = 0;
    for (const name of names) {
      const sc = await w.apply(name);
      const row: Record<string, Outcome> = {};
      outcomes[name] = row;
      if (!sc.expectedCause) { for (const c of usable) row[c.name] = 'skipped: no fault in this scenario'; continue; }
      const who = whoFor(w, sc);
      const registry = sc.input ?? (sc.registry === 'contoso' ? w.loginServer : `${sc.registry}.azurecr.io`);
      const image = sc.image ?? 'hello:v1';
      for (const c of usable) {
        const ops = operationsFor(c, sc.operation ?? 'login');
        const file = entryFile({ client: c.name, scenario: name, operation: ops[0] ?? 'login', source: 'recorded' });
        if (NOT_MET[c.name]?.includes(sc.expectedCause)) { row[c.name] = `skipped: ${c.name} never meets ${sc.expectedCause}`; fs.rmSync(file, { force: true }); continue; }
        if (!who) { row[c.name] = 'skipped: the scenario\'s identity cannot sign in from this machine'; fs.rmSync(file, { force: true }); continue; }
        const cannot = c.meets?.(who);
        if (cannot) { row[c.name] = `skipped: ${cannot}`; fs.rmSync(file, { force: true }); continue; }
        if (!ops.length) { row[c.name] = `skipped: ${c.name} does not ${sc.operation ?? 'login'}`; fs.rmSync(file, { force: true }); continue; }
        let failed: { op: CorpusOperation; command: string; code: number | null; text: string } | undefined;
        for (const op of ops) {
          let runs: Awaited<ReturnType<CorpusClient['run']>>;
          try { runs = await c.run({ w, info: sc, dir }, op, registry, image, who); } catch (e) {
            row[c.name] = `skipped: the recorder failed (${String((e as Error).message ?? e).slice(0, 120)})`;
            break;
          }
          const bad = runs.find((r) => r.result.code !== 0);
          if (bad) { failed = { op, command: bad.command, code: bad.result.code, text: `${bad.result.stderr}\n${bad.result.stdout}` }; break; }
        }
        if (row[c.name]) { fs.rmSync(file, { force: true }); continue; }
        // A client killed at the time limit printed nothing a user could paste (a progress table is nothing).
        if (failed && failed.code === null && !corpusText(failed.text, w.secrets(), [dir, w.dir])) { row[c.name] = 'skipped: hung without output until the time limit'; fs.rmSync(file, { force: true }); continue; }
        if (!failed) { row[c.name] = 'ok'; fs.rmSync(file, { force: true }); continue; }
        const text = corpusText(failed.text, w.secrets(), [dir, w.dir]);
        const entry: CorpusEntry = {
          client: c.name, operation: failed.op, scenario: name, expectedCause: sc.expectedCause, acceptable: acceptableFor(sc.expectedCause, failed.op),
          source: 'recorded', command: corpusText(failed.command, w.secrets(), [dir, w.dir]), exitCode: failed.code, clientVersion: clients[c.name],
          text: text || `(no output; exit ${failed.code})`,
        };
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, `${JSON.stringify(entry, null, 2)}\n`);
        row[c.name] = 'text';
        written++;
      }
      log(`[corpus] ${name.padEnd(38)} ${Object.entries(row).map(([k, v]) => `${k}:${v === 'text' ? 'TEXT' : v === 'ok' ? 'ok' : '-'}`).join(' ')}`);
    }
    return { scenarios: names, outcomes, clients, written };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** recorded.json: which client met which scenario and how (merged with an earlier run's other scenarios). */
export function writeSummary(s: RecordSummary): string {
  const file = path.join(CORPUS_DIR, 'recorded.json');
  let old: { clients?: Record<string, string>; outcomes?: Record<string, Record<string, Outcome>> } = {};
  try { old = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof old; } catch { /* first run */ }
  // Per scenario and client: a run of some scenarios or some clients keeps the others' outcomes.
  const outcomes = { ...(old.outcomes ?? {}) };
  for (const [scn, row] of Object.entries(s.outcomes)) outcomes[scn] = { ...(outcomes[scn] ?? {}), ...row };
  fs.mkdirSync(CORPUS_DIR, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ clients: { ...(old.clients ?? {}), ...s.clients }, outcomes }, null, 2)}\n`);
  return file;
}
