// Figures from the REAL VS Code extension host (issue #8): code-server 4.100.3 started by the test
// harness (test/harness/extension-host.ts) with ACR Doctor laid out as its .vsix holds it (production
// bundle) and a probe as the extension-tests entry (bench/extension-host-probe.ts, bundled here).
//   1. activation: VS Code's own figure, "Activation: N ms" in Developer: Show Running Extensions
//      (the host's code loading + activate() call times, read from the workbench page), plus the
//      host's perf marks willActivateExtension → didActivateExtension (activate() until it resolved),
//      activated by its own activation event (onStartupFinished); bench/activation-breakdown.ts splits
//      it into the extension's own part and the wait for the extensions loaded ahead of it in its batch.
//   2. two diagnoses of the sandbox registry through the extension's command: the first of the
//      session and a second after its report was closed, each with the host's trace (bundle loads,
//      sign-in, ARM lookups, webview start, first finding posted, every check) in ACR_DOCTOR_TRACE's
//      format, held against the CLI's whole process on the same world (measured here, same run).
//   3. memory: the extensionHost process of that code-server, /proc/<pid>/status, sampled from
//      outside before the first diagnosis (the registries view shown, as a user clicks Diagnose
//      there), right after it, and after its report was closed; the
//      kernel's peak (VmHWM) is reset (clear_refs 5) just before it, so the peak is the diagnosis's own.
// code-server, Chromium and the temporary files are gone when this returns.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { SandboxWorld } from '../sandbox/world';
import { runCommand } from '../test/e2e/report-helpers';
import type { CodeServer } from '../test/harness/code-server';
import { runInExtensionHost } from '../test/harness/extension-host';
import { PROBE_MARKER, type ProbeMessage } from './extension-host-protocol';
import { productionBundles } from './bundle';
import { fmtMs, repoRoot, type Figure } from './figure';
import { benchCliHealthy, CLI_HEALTHY_FIGURE } from './extension-host-cli';
import { criticalPath } from './diagnosis';
import { firstFindingMs, hostPhasesLine, hostTraceText } from './extension-host-trace';
import { watchShownFindings, webviewPhasesLine, type WebviewTimeline } from './extension-host-shown';
import { activationBreakdown, codeLoads, describeBreakdown } from './activation-breakdown';

const ROOT = repoRoot();
const EXTENSION_ID = 'acr-doctor.acr-doctor';

interface ProcStatus { rssKb: number; hwmKb: number }

function procStatus(pid: number): ProcStatus {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

/** Why `pid` is not the extension host of `server` (undefined when it is). */
function notTheExtensionHost(pid: number, server: CodeServer | undefined): string | undefined {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    if (!/extensionHost/.test(cmdline)) return `pid ${pid} is not an extension host (${cmdline.slice(0, 80)})`;
    // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; code-server leads its own process group.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    if (server?.pid !== undefined && pgrp !== server.pid) return `pid ${pid} belongs to process group ${pgrp}, not code-server's ${server.pid}`;
    return undefined;
  } catch (e) {
    return `pid ${pid}: ${(e as Error).message}`;
  }
}

/**
 * VS Code's own activation figure, as "Developer: Show Running Extensions" shows it for the
 * extension: "Activation: N ms" = code loading (requiring dist/extension.js) + the activate() call.
 */
async function runningExtensionsActivationMs(page: Page, extensionId: string): Promise<number> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: new RegExp(`${extensionId}|ACR Doctor`, 'i') }).first();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const text = (await row.locator('.activation-time').textContent({ timeout: 60_000 })) ?? '';
    const m = /(\d+)\s*ms/.exec(text);
    if (m) return Number(m[1]);
    if (Date.now() > deadline) throw new Error(`Running Extensions shows "${text}" for ${extensionId}`);
    await page.waitForTimeout(200);
  }
}

/**
 * The extension as the .vsix holds it (.vscodeignore: manifest, translations, media, dist/media,
 * dist/cli.js, dist/cli-main.js and the production bundles) in `dir`/extension; the probe in `dir`/probe.
 */
async function productionExtension(dir: string): Promise<{ extensionPath: string; probeDir: string }> {
  const ext = path.join(dir, 'extension');
  fs.mkdirSync(path.join(ext, 'dist'), { recursive: true });
  for (const f of fs.readdirSync(ROOT)) {
    if (/^(package\.json|package\.nls(\.[\w-]+)?\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(f)) fs.copyFileSync(path.join(ROOT, f), path.join(ext, f));
  }
  for (const d of ['l10n', 'media', path.join('dist', 'media')]) {
    if (fs.existsSync(path.join(ROOT, d))) fs.cpSync(path.join(ROOT, d), path.join(ext, d), { recursive: true, filter: (src) => !src.endsWith('.map') });
  }
  for (const f of ['cli.js', 'cli-main.js']) fs.symlinkSync(path.join(ROOT, 'dist', f), path.join(ext, 'dist', f));
  const probeDir = path.join(dir, 'probe');
  const error = await productionBundles(path.join(ext, 'dist'), [{ entry: 'bench/extension-host-probe.ts', outfile: path.join(probeDir, 'index.js') }]);
  if (error) throw new Error(error);
  return { extensionPath: ext, probeDir };
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

type Diagnosed = Extract<ProbeMessage, { phase: 'diagnosed' }>;

/**
 * `profile`: the world's latency profile. On loopback every row; on another profile (issue #20 §3:
 * warm runs ≤ 1.5× the critical path on `near`) only the diagnosis rows, named after the profile,
 * without the 100-diagnosis loop and the second session.
 */
export async function benchExtensionHost(world: SandboxWorld, log: (s: string) => void = () => undefined, profile = 'loopback'): Promise<Figure[]> {
  const full = profile === 'loopback';
  const warmFactor = full ? 2 : 1.5;
  const activationFigure = 'extension activation in the real extension host (VS Code\'s figure)';
  const firstFigure = 'real host: first diagnosis of a session vs the CLI\'s whole process';
  const secondFigure = 'real host: second diagnosis (same registry, report reopened) vs critical path';
  const findingFigure = 'real host: first streamed finding after Diagnose';
  const rerunFigure = 'real host: "Run again" in the open report (no webview start)';
  const memoryFigure = 'real host: extension host RSS before / peak during / after closing the report';
  const failed = (why: string): Figure[] => [activationFigure, firstFigure, secondFigure, findingFigure, memoryFigure]
    .map((figure) => ({ figure, value: 'not measured', note: why.slice(0, 160) }));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    log('[bench] building dist/ for the extension host …');
    if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) return failed('node scripts/build.mjs failed');
  }
  await world.apply('healthy');
  const { ms: cliMs, figures: cli } = await benchCliHealthy(world, log);
  const cp = await criticalPath(world);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-exthost-bench-'));
  try {
    const { extensionPath, probeDir } = await productionExtension(dir);
    let server: CodeServer | undefined;
    let page: Page | undefined;
    let shownMs: number | undefined;
    let activated: Extract<ProbeMessage, { phase: 'activated' }> | undefined;
    const diagnosed: Diagnosed[] = [];
    let view: Extract<ProbeMessage, { phase: 'view' }> | undefined;
    let viewCached: Extract<ProbeMessage, { phase: 'view' }> | undefined;
    const traces: string[] = [];
    const rss: { before?: ProcStatus; during?: ProcStatus; closed?: ProcStatus } = {};
    const scale: { runs: number; ms: number; rssKb: number; heapKb?: number }[] = [];
    const problems: string[] = [];
    // Diagnosis n's command (the probe's clock) and each report webview's boot up to its first shown finding (the page's).
    const diagnosing = new Map<number, number>();
    const timelines: WebviewTimeline[] = [];
    const ack = (seq: number) => fs.writeFileSync(path.join(dir, `ack-${seq}`), '');
    const onProbe = (m: ProbeMessage) => {
      if (m.phase === 'error') { problems.push(`probe: ${m.message}`); return; }
      const wrong = notTheExtensionHost(m.pid, server);
      if (wrong) problems.push(wrong);
      const sample = (what: string, then?: () => void): ProcStatus | undefined => {
        try { if (!wrong) { const s = procStatus(m.pid); then?.(); return s; } } catch (e) { problems.push(`memory ${what}: ${(e as Error).message}`); }
        return undefined;
      };
      if (m.phase === 'activated') {
        activated = m;
        void (async () => {
          try {
            shownMs = await runningExtensionsActivationMs(page!, EXTENSION_ID);
          } catch (e) {
            problems.push(`Running Extensions: ${(e as Error).message.split('\n')[0]}`);
            if (process.env.ACR_DOCTOR_VERBOSE) await page?.screenshot({ path: path.join(os.tmpdir(), 'acrdoc-bench-running-extensions.png') }).catch(() => undefined);
          }
          ack(m.seq);
        })();
      } else if (m.phase === 'view' && m.session === 2) {
        viewCached = m;
        ack(m.seq);
      } else if (m.phase === 'view') {
        view = m;
        // Just before the first diagnosis: peak RSS := current RSS, so the peak read after it is its own.
        rss.before = sample('before', () => fs.writeFileSync(`/proc/${m.pid}/clear_refs`, '5'));
        ack(m.seq);
      } else if (m.phase === 'diagnosed') {
        diagnosed.push(m);
        log(`[bench] diagnosis ${m.run} of the session: ${m.ms} ms (command → report settled), ${m.state}, ${m.checks} checks`);
        if (process.env.ACR_DOCTOR_VERBOSE) log(`[bench] failing checks in the extension host: ${m.failing.join(' | ') || 'none'}`);
        if (m.run === 1) rss.during = sample('during');
        ack(m.seq);
      } else if (m.phase === 'diagnosing') {
        diagnosing.set(m.run, m.at);
      } else if (m.phase === 'scale') {
        const s = sample(`after ${m.runs} diagnoses`);
        if (s) scale.push({ runs: m.runs, ms: m.ms, rssKb: s.rssKb, heapKb: m.heapAfterGcKb });
        ack(m.seq);
      } else {
        if (m.run === 1) rss.closed = sample('after closing');
        ack(m.seq);
      }
    };
    log('[bench] real extension host: code-server + Chromium, activation and two diagnoses …');
    const code = await runInExtensionHost({
      testsPath: probeDir,
      extensionPath,
      env: { ...world.clientEnv(), ACR_DOCTOR_BENCH_PROBE_DIR: dir, ACR_DOCTOR_BENCH_LOGIN_SERVER: world.loginServer, ...(full ? {} : { ACR_DOCTOR_BENCH_SCALE_RUNS: '0', ACR_DOCTOR_BENCH_SECOND_SESSION: '0' }) },
      logName: 'code-server-bench',
      // An experiment's workbench settings (e.g. {"http.proxySupport":"off"}), never in npm run bench.
      ...(process.env.ACR_DOCTOR_BENCH_HOST_SETTINGS ? { settings: JSON.parse(process.env.ACR_DOCTOR_BENCH_HOST_SETTINGS) as Record<string, unknown> } : {}),
      timeoutMs: 15 * 60_000,
      onServer: (s) => { server = s; },
      onPage: (p) => { page = p; watchShownFindings(p, (t) => timelines.push(t)).catch((e: Error) => problems.push(`watching the report: ${e.message}`)); },
      onLine: (line) => {
        const at = line.indexOf(PROBE_MARKER);
        if (at < 0) return;
        try { onProbe(JSON.parse(line.slice(at + PROBE_MARKER.length)) as ProbeMessage); } catch (e) { problems.push(`probe line: ${(e as Error).message}`); }
      },
    });
    if (code !== 0) problems.push(`the extension host exited with ${code}`);
    // Diagnosis n's webview: the first whose frame began after its command (and before n+1's).
    const timelineOf = (n: number) => {
      const from = diagnosing.get(n); const until = diagnosing.get(n + 1) ?? Infinity;
      return from === undefined ? undefined : timelines.filter((t) => t.frame >= from && t.frame < until).sort((a, b) => a.frame - b.frame)[0];
    };
    // Each run's trace with its command and its webview's boot (page moments as zero-length rows, on the
    // panel's clock through the trace's wall-clock start), so the first finding's wait names its phase.
    for (const m of diagnosed) {
      const title = `real host, diagnosis ${m.run} of the session: ${m.ms} ms (command → report settled), ${m.state}, ${m.checks} checks; ms since the panel was made`;
      const t = m.run === 3 ? undefined : timelineOf(m.run); const at = diagnosing.get(m.run); const zero = m.traceEpochMs;
      const row = (phase: string, v: number) => ({ phase, startMs: v - zero!, endMs: v - zero! });
      const page = t && zero !== undefined ? (Object.entries(t) as [string, number][]).filter(([k]) => k !== 'htmlChars').map(([k, v]) => row(`webview ${k}`, v)) : [];
      const command = at !== undefined && zero !== undefined && m.run !== 3 ? [row('command acrDoctor.diagnose', at)] : [];
      traces.push(hostTraceText(title, [...command, ...m.spans, ...page], m.engineStartMs, m.findings));
      log(traces.at(-1)!.trimEnd());
    }
    // The whole timelines beside the table, so a regression can be traced to its phase and check.
    const artifacts = process.env.ACR_DOCTOR_ARTIFACTS ?? path.join(ROOT, 'artifacts');
    fs.mkdirSync(artifacts, { recursive: true });
    fs.writeFileSync(path.join(artifacts, full ? 'extension-host-trace.txt' : `extension-host-trace-${profile}.txt`), traces.join('\n'));
    const note = problems.length ? `; ${problems.join('; ')}` : '';
    const figures: Figure[] = [...cli];
    if (shownMs !== undefined) {
      const breakdown = activated?.activationMs !== undefined ? activationBreakdown(shownMs, EXTENSION_ID, codeLoads(activated.loadMarks ?? []), activated.activationMs) : undefined;
      figures.push({
        figure: activationFigure, value: fmtMs(shownMs), goal: '< 30 ms', met: shownMs < 30 && !problems.length,
        note: `"Activation" in Developer: Show Running Extensions (load the production dist/extension.js + activate() call; azure.js/engine.js load later, on first use), code-server 4.100.3; ${activated?.activatedByProbe ? 'activated by the probe' : 'activated by onStartupFinished'}${activated?.activationMs !== undefined ? `; activate() until its promise resolved ${fmtMs(activated.activationMs)} (extension host marks)` : ''}${breakdown ? `; VS Code's figure = ${describeBreakdown(breakdown)}` : ''}${note}`,
      });
      // VS Code's figure counts the loading of the extensions ahead of this one in its batch: the part that is this extension's own, beside it.
      if (breakdown) {
        const own = breakdown.ownLoadMs + breakdown.activateMs;
        figures.push({ figure: 'extension activation in the real extension host, its own part', value: fmtMs(own), goal: '< 30 ms', met: own < 30 && !problems.length,
          note: `VS Code's figure (${fmtMs(shownMs)}) less the ${fmtMs(breakdown.waitedMs)} it spent loading the extensions ahead of it in the onStartupFinished batch: code/extHost/willLoadExtensionCode → didLoadExtensionCode (${fmtMs(breakdown.ownLoadMs)}) + activate() until resolved (${fmtMs(breakdown.activateMs)})${note}` });
      }
    } else {
      figures.push({ figure: activationFigure, value: 'not measured', note: `${activated ? 'Running Extensions was not read' : 'the probe did not report'}${note}` });
    }
    figures.push(view
      ? { figure: 'real host: registries view, first rows after opening it', value: fmtMs(view.firstRowsMs), goal: '< 100 ms', met: view.firstRowsMs < 100,
        note: `acrDoctor.registries.focus → the tree's root children (${view.rows.join(', ') || 'none'}), the first time (azure.js not loaded yet)${note}` }
      : { figure: 'real host: registries view, first rows after opening it', value: 'not measured', note: `the probe did not report${note}` });
    const cachedFigure = 'real host: registries view, first rows in a later session (cached listing)';
    figures.push(viewCached
      ? { figure: cachedFigure, value: fmtMs(viewCached.firstRowsMs), goal: '< 100 ms', met: viewCached.firstRowsMs < 100,
        note: `after a window reload of the same profile (workbench.action.reloadWindow: a new extension host), acrDoctor.registries.focus → the root rows (${viewCached.rows.join(', ') || 'none'}) kept from the first session's listing${note}` }
      : { figure: cachedFigure, value: 'not measured', note: `the reloaded window did not report${note}` });
    const [first, second, rerun] = [1, 2, 3].map((n) => diagnosed.find((d) => d.run === n));
    const verdict = (d: Diagnosed) => `${d.state}, ${d.checks} checks, ${d.causes.length ? d.causes.join(', ') : 'no cause'}`;
    if (first) {
      figures.push({
        figure: firstFigure, value: `${fmtMs(first.ms)} vs ${fmtMs(cliMs)}`, goal: '≤ the CLI', met: first.ms <= cliMs && !problems.length,
        note: `acrDoctor.diagnose ${world.loginServer} → report settled (${verdict(first)}); host phases (ms since the command): ${hostPhasesLine(first.spans)}; engine from ${Math.round(first.engineStartMs ?? NaN)} ms${note}`,
      });
    } else figures.push({ figure: firstFigure, value: 'not measured', note: `no diagnosis reported${note}` });
    if (second) {
      figures.push({
        figure: secondFigure, value: `${fmtMs(second.ms)} vs ${fmtMs(cp.ms)} = ${(second.ms / cp.ms).toFixed(2)}×`, goal: `≤ ${warmFactor}× (${profile}), < the first`, met: second.ms <= warmFactor * cp.ms && (!first || second.ms < first.ms) && !problems.length,
        note: `after the first report was closed (${verdict(second)}); host phases: ${hostPhasesLine(second.spans)}; critical path = the longest leg (${cp.longest}) of ${cp.describe}${note}`,
      });
    } else figures.push({ figure: secondFigure, value: 'not measured', note: `no second diagnosis reported${note}` });
    figures.push(rerun
      ? { figure: rerunFigure, value: `${fmtMs(rerun.ms)} vs ${fmtMs(cp.ms)} = ${(rerun.ms / cp.ms).toFixed(2)}×`, goal: `≤ ${warmFactor}× (${profile})`, met: rerun.ms <= warmFactor * cp.ms,
        note: `the webview's report/rerun message to the same panel (${verdict(rerun)}); host phases: ${hostPhasesLine(rerun.spans)}${note}` }
      : { figure: rerunFigure, value: 'not measured', note: `no re-run reported${note}` });
    const posted = (d?: Diagnosed) => d?.spans.find((s) => s.phase === 'first finding posted')?.startMs;
    // Shown: the first finished check painted in the visible frame of diagnosis n's webview.
    const shown = (n: number) => {
      const t = timelineOf(n); const from = diagnosing.get(n);
      return t?.finding === undefined || from === undefined ? undefined : t.finding - from;
    };
    const [s1, s2] = [shown(1), shown(2)];
    const ms = (v?: number) => (v === undefined ? '—' : fmtMs(v));
    const t1 = timelineOf(1);
    const panelMade = first?.traceEpochMs !== undefined && diagnosing.has(1) ? `panel made @${Math.round(first.traceEpochMs - diagnosing.get(1)!)}, ` : '';
    const boot = t1 ? `; webview (ms since the command): ${panelMade}${webviewPhasesLine(t1, diagnosing.get(1)!)}, page ${t1.htmlChars === undefined ? '—' : `${Math.round(t1.htmlChars / 1024)} K chars`}` : '';
    if (s1 !== undefined) {
      figures.push({
        figure: findingFigure, value: `${fmtMs(s1)} (first run), ${ms(s2)} (second)`, goal: '< 150 ms', met: s1 < 150 && !problems.length,
        note: `from the command to the report's webview painting its first finished check in its visible frame (seen from the page); the host posted it at ${ms(posted(first))} (first run), ${ms(posted(second))} (second); the engine finished its first check at ${Math.round(firstFindingMs(first?.engineStartMs, first?.findings ?? []) ?? NaN)} ms; webview ready (host) at ${Math.round(first?.spans.find((s) => s.phase === 'webview ready')?.startMs ?? NaN)} ms${boot}${note}`,
      });
    } else figures.push({ figure: findingFigure, value: 'not measured', note: `the report showed no finished check (host posted at ${ms(posted(first))})${boot}${note}` });
    if (rss.before && rss.during && rss.closed) {
      const growth = (rss.during.hwmKb - rss.before.rssKb) / 1024; const left = (rss.closed.rssKb - rss.before.rssKb) / 1024;
      figures.push({
        figure: memoryFigure, value: `${mb(rss.before.rssKb)} / ${mb(rss.during.hwmKb)} / ${mb(rss.closed.rssKb)}`, goal: 'growth ≤ 40 MB, after ≤ +10 MB',
        met: growth <= 40 && left <= 10 && !problems.length,
        note: `extensionHost pid /proc status: growth ${growth.toFixed(0)} MB, after closing ${left >= 0 ? '+' : ''}${left.toFixed(0)} MB (VmRSS after the diagnosis ${mb(rss.during.rssKb)}); VmHWM reset before the first acrDoctor.diagnose${note}`,
      });
    } else figures.push({ figure: memoryFigure, value: 'not measured', note: `${diagnosed.length ? 'the extension host process could not be read' : 'no diagnosis reported'}${note}` });
    const [one, last] = [scale[0], scale.length > 1 ? scale.at(-1) : undefined];
    figures.push(one && last
      ? { figure: `real host: ${last.runs} diagnoses one after another, RSS after 1 / after ${last.runs}`, value: `${mb(one.rssKb)} / ${mb(last.rssKb)}`, goal: 'no growth (≤ +10 MB)',
        met: (last.rssKb - one.rssKb) / 1024 <= 10 && !problems.length,
        note: `acrDoctor.diagnose ${world.loginServer}, report settled and closed each time, ${fmtMs(last.ms / last.runs)} a diagnosis on average; extensionHost VmRSS 2 s after the 1st and the last; JS heap after a full GC ${one.heapKb === undefined ? '—' : mb(one.heapKb)} / ${last.heapKb === undefined ? '—' : mb(last.heapKb)}${note}` }
      : { figure: 'real host: diagnoses one after another, RSS after 1 / after 100', value: 'not measured', note: `the probe did not report${note}` });
    if (full) return figures;
    // Another profile: the diagnoses in the host, held against that profile's CLI and critical path.
    const kept = new Set([CLI_HEALTHY_FIGURE, firstFigure, secondFigure, findingFigure, rerunFigure]);
    return figures.filter((f) => kept.has(f.figure)).map((f) => ({ ...f, figure: `${profile}, ${f.figure}` }));
  } catch (e) {
    return failed((e as Error).message);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
