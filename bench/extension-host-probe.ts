// Runs INSIDE the real VS Code extension host (code-server), loaded as the extension-tests entry by
// bench/extension-host.ts (which bundles this file): reads VS Code's own activation marks for ACR
// Doctor, then diagnoses the sandbox registry twice through the extension's command (the first of
// the session, then again after its report was closed), reporting each run's host trace, while
// the bench samples this process's memory from outside (protocol: extension-host-protocol.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as inspector from 'node:inspector';
import * as vscode from 'vscode';
import type { AcrDoctorApi } from '../src/extension';
import { PROBE_MARKER, type ProbeMessage } from './extension-host-protocol';

const EXTENSION_ID = 'acr-doctor.acr-doctor';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the bench did not write ${path.basename(file)} within ${timeoutMs / 1000} s`);
    await sleep(20);
  }
}

/** The host's live JS heap after a full collection (what is retained, not what V8 has yet to collect). */
function heapAfterGc(): number | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
    return Math.round(process.memoryUsage().heapUsed / 1024);
  } catch { return undefined; }
}

/** Opens the registries view as a user does and reads its root rows as VS Code gets them. */
async function firstRows(api: AcrDoctorApi): Promise<{ firstRowsMs: number; rows: string[] }> {
  const v0 = Date.now();
  await vscode.commands.executeCommand('acrDoctor.registries.focus');
  const rows = await api.registries.getChildren();
  const firstRowsMs = Date.now() - v0;
  const kinds = await Promise.all(rows.map(async (r) => {
    const item = await api.registries.getTreeItem(r);
    return (r as { kind?: string }).kind ?? (typeof item.description === 'string' && item.description.includes(vscode.l10n.t('cached')) ? 'cached row' : 'row');
  }));
  return { firstRowsMs, rows: kinds };
}

/**
 * With ACR_DOCTOR_BENCH_CPU_PROFILE=<dir>: a V8 CPU profile of this host around `work`, written as
 * <dir>/<name>.cpuprofile (open it in Chrome DevTools or VS Code), so a slow phase names its functions.
 */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.ACR_DOCTOR_BENCH_CPU_PROFILE;
  if (!dir) return work();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try { return await work(); } finally {
    const { profile } = await post('Profiler.stop') as { profile: unknown };
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

interface PerfMark { name: string; startTime: number }
type Unseq<M> = M extends unknown ? Omit<M, 'seq'> : never;

export async function run(): Promise<void> {
  let seq = 0;
  const dir = process.env.ACR_DOCTOR_BENCH_PROBE_DIR;
  const say = (m: Unseq<ProbeMessage>) => console.log(PROBE_MARKER + JSON.stringify({ ...m, seq: ++seq }));
  /** Says `m` and waits until the bench has sampled memory for it. */
  const sayAndWait = async (m: Unseq<ProbeMessage>) => { say(m); await waitForFile(path.join(dir!, `ack-${seq}`), 60_000); };
  try {
    const loginServer = process.env.ACR_DOCTOR_BENCH_LOGIN_SERVER;
    if (!dir || !loginServer) throw new Error('ACR_DOCTOR_BENCH_PROBE_DIR and ACR_DOCTOR_BENCH_LOGIN_SERVER must be set');
    const ext = vscode.extensions.getExtension<AcrDoctorApi>(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
    // onStartupFinished activates it once the workbench is up: wait for VS Code to do it.
    const deadline = Date.now() + 120_000;
    while (!ext.isActive && Date.now() < deadline) await sleep(50);
    const activatedByProbe = !ext.isActive;
    const api = ext.isActive ? ext.exports : await ext.activate();
    const secondSession = path.join(dir, 'second-session');
    if (fs.existsSync(secondSession)) {
      // The window was reloaded (a new session of the same profile): the view's first rows are the
      // listing the first session kept, while the rest of the extension and azure.js load.
      seq = 1000;
      await sayAndWait({ phase: 'view', pid: process.pid, session: 2, ...await firstRows(api) });
      return;
    }
    // VS Code's own measurement: the extension host marks the start and end of every activation
    // (code/extHost/willActivateExtension/<id> … didActivateExtension/<id>: loading the bundle,
    // calling activate() and waiting for its promise) in its performance marks.
    const perf = (globalThis as { MonacoPerformanceMarks?: { getMarks(): PerfMark[] } }).MonacoPerformanceMarks;
    const marks = (perf?.getMarks() ?? []).filter((m) => m.name.endsWith(`/${EXTENSION_ID}`));
    const at = (kind: string) => marks.find((m) => m.name === `code/extHost/${kind}/${EXTENSION_ID}`)?.startTime;
    const will = at('willActivateExtension');
    const did = at('didActivateExtension');
    await sayAndWait({ phase: 'activated', pid: process.pid, activationMs: will !== undefined && did !== undefined ? did - will : undefined, activatedByProbe, marks: marks.map((m) => m.name),
      loadMarks: (perf?.getMarks() ?? []).filter((m) => /^code\/extHost\/(will|did)LoadExtensionCode\//.test(m.name)).map((m) => ({ name: m.name, startTime: m.startTime })) });

    // As a user does: open the registries view, see its rows, then (a moment later) click Diagnose.
    const first = await firstRows(api);
    await sleep(3000);
    await sayAndWait({ phase: 'view', pid: process.pid, session: 1, ...first });
    const diagnosed = async (runNo: number, ms: number) => {
      const snap = api.report.snapshot(loginServer);
      const state = snap?.state;
      await sayAndWait({
        phase: 'diagnosed', pid: process.pid, run: runNo, ms, state: state?.phase ?? 'no report', checks: state?.checks.length ?? 0,
        causes: (state?.causes ?? []).map((c) => c.causeId),
        failing: (state?.checks ?? []).filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.message}`.slice(0, 200)),
        spans: snap?.trace?.spans ?? [], engineStartMs: snap?.trace?.engineStartMs, traceEpochMs: snap?.trace?.epochMs,
        findings: (state?.checks ?? []).map((c) => ({ id: c.id, status: c.status, startedMs: c.startedMs, durationMs: c.durationMs })),
      });
    };
    for (const runNo of [1, 2]) {
      const t0 = Date.now();
      say({ phase: 'diagnosing', pid: process.pid, run: runNo, at: t0 });
      await profiled(`diagnosis-${runNo}`, async () => {
        await vscode.commands.executeCommand('acrDoctor.diagnose', loginServer);
        await api.report.settled(loginServer);
      });
      const ms = Date.now() - t0;
      // As a user would, look at the report before closing it: its webview shows what was found (the bench watches for that).
      for (const until = Date.now() + 10_000; !api.report.snapshot(loginServer)?.webviewReady && Date.now() < until;) await sleep(20);
      await sleep(300);
      await diagnosed(runNo, ms);
      if (runNo === 2) {
        // 3: "Run again" in the open report: no webview to start, so what is left is the engine in the host.
        const t3 = Date.now();
        await profiled('diagnosis-3', async () => {
          await api.report.receive(loginServer, { method: 'report/rerun', params: {} });
          await api.report.settled(loginServer); // receive() started the run before it resolved
        });
        await diagnosed(3, Date.now() - t3);
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await sleep(2000); // the webview's process and the panel's listeners go; V8 collects what they held
      await sayAndWait({ phase: 'closed', pid: process.pid, run: runNo });
    }
    // Scale: diagnoses one after another in this host, as a user going down a list of registries does;
    // the bench reads the host's memory after the first and after the last.
    const scaleRuns = Number(process.env.ACR_DOCTOR_BENCH_SCALE_RUNS ?? 100);
    const t5 = Date.now();
    for (let i = 1; i <= scaleRuns; i++) {
      await vscode.commands.executeCommand('acrDoctor.diagnose', loginServer);
      await api.report.settled(loginServer);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      if (i === 1 || i === scaleRuns) {
        await sleep(2000);
        const heapAfterGcKb = heapAfterGc();
        const snapshots = process.env.ACR_DOCTOR_BENCH_HEAP_SNAPSHOTS;
        if (snapshots) v8.writeHeapSnapshot(path.join(snapshots, `after-${i}.heapsnapshot`));
        await sayAndWait({ phase: 'scale', pid: process.pid, runs: i, ms: Date.now() - t5, heapAfterGcKb });
      }
    }
    if (process.env.ACR_DOCTOR_BENCH_SECOND_SESSION !== '0') {
      // A second session of this profile: its run() (this file again) measures the cached first rows.
      fs.writeFileSync(secondSession, '');
      // Closed, so that the next session's view opens when the probe opens it, as a user's click does.
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await sleep(500);
      await vscode.commands.executeCommand('workbench.action.reloadWindow');
      await new Promise(() => undefined); // this extension host ends with the reload
    }
  } catch (error) {
    say({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
