// Figures from the REAL VS Code extension host (issue #8): code-server 4.100.3 started by the test
// harness (test/harness/extensionHost.ts) with ACR Doctor laid out as its .vsix holds it (production
// bundle) and a probe as the extension-tests entry (bench/extension-host-probe.ts, bundled here).
//   1. activation: VS Code's own figure, "Activation: N ms" in Developer: Show Running Extensions
//      (the host's code loading + activate() call times, read from the workbench page), plus the
//      host's perf marks willActivateExtension → didActivateExtension (activate() until it resolved),
//      activated by its own activation event (onStartupFinished).
//   2. memory: the extensionHost process of that code-server, /proc/<pid>/status, sampled from
//      outside before and after one diagnosis of the sandbox registry run through the extension's
//      command; the kernel's peak (VmHWM) is reset (clear_refs 5) just before the diagnosis, so
//      the peak after it is the diagnosis's own.
// code-server, Chromium and the temporary files are gone when this returns.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { SandboxWorld } from '../sandbox/world';
import { runCommand } from '../test/e2e/report-helpers';
import type { CodeServer } from '../test/harness/codeServer';
import { runInExtensionHost } from '../test/harness/extensionHost';
import { PROBE_MARKER, type ProbeMessage } from './extension-host-protocol';
import { productionBundles } from './bundle';
import { fmtMs, repoRoot, type Figure } from './figure';

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

export async function benchExtensionHost(world: SandboxWorld, log: (s: string) => void = () => undefined): Promise<Figure[]> {
  const activationFigure = 'extension activation in the real extension host (VS Code\'s figure)';
  const memoryFigure = 'extension host peak RSS during a diagnosis';
  const failed = (why: string): Figure[] => [
    { figure: activationFigure, value: 'not measured', note: why.slice(0, 160) },
    { figure: memoryFigure, value: 'not measured', note: why.slice(0, 160) },
  ];
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    log('[bench] building dist/ for the extension host …');
    if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) return failed('node scripts/build.mjs failed');
  }
  await world.apply('healthy');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-exthost-bench-'));
  try {
    const { extensionPath, probeDir } = await productionExtension(dir);
    let server: CodeServer | undefined;
    let page: Page | undefined;
    let shownMs: number | undefined;
    let activated: Extract<ProbeMessage, { phase: 'activated' }> | undefined;
    let diagnosed: Extract<ProbeMessage, { phase: 'diagnosed' }> | undefined;
    let before: ProcStatus | undefined;
    let after: ProcStatus | undefined;
    const problems: string[] = [];
    const onProbe = (m: ProbeMessage) => {
      if (m.phase === 'error') { problems.push(`probe: ${m.message}`); return; }
      const wrong = notTheExtensionHost(m.pid, server);
      if (wrong) problems.push(wrong);
      if (m.phase === 'activated') {
        activated = m;
        void (async () => {
          try {
            shownMs = await runningExtensionsActivationMs(page!, EXTENSION_ID);
          } catch (e) {
            problems.push(`Running Extensions: ${(e as Error).message.split('\n')[0]}`);
            if (process.env.ACR_DOCTOR_VERBOSE) await page?.screenshot({ path: path.join(os.tmpdir(), 'acrdoc-bench-running-extensions.png') }).catch(() => undefined);
          }
          try {
            if (!wrong) {
              before = procStatus(m.pid);
              fs.writeFileSync(`/proc/${m.pid}/clear_refs`, '5'); // peak RSS := current RSS
            }
          } catch (e) {
            problems.push(`memory before: ${(e as Error).message}`);
          } finally {
            fs.writeFileSync(path.join(dir, 'go'), '');
          }
        })();
      } else {
        diagnosed = m;
        if (process.env.ACR_DOCTOR_VERBOSE) log(`[bench] failing checks in the extension host: ${m.failing.join(' | ') || 'none'}`);
        try {
          if (!wrong) after = procStatus(m.pid);
        } catch (e) {
          problems.push(`memory after: ${(e as Error).message}`);
        } finally {
          fs.writeFileSync(path.join(dir, 'sampled'), '');
        }
      }
    };
    log('[bench] real extension host: code-server + Chromium, activation and a diagnosis …');
    const code = await runInExtensionHost({
      testsPath: probeDir,
      extensionPath,
      env: { ...world.clientEnv(), ACR_DOCTOR_BENCH_PROBE_DIR: dir, ACR_DOCTOR_BENCH_LOGIN_SERVER: world.loginServer },
      logName: 'code-server-bench',
      timeoutMs: 8 * 60_000,
      onServer: (s) => { server = s; },
      onPage: (p) => { page = p; },
      onLine: (line) => {
        const at = line.indexOf(PROBE_MARKER);
        if (at < 0) return;
        try { onProbe(JSON.parse(line.slice(at + PROBE_MARKER.length)) as ProbeMessage); } catch (e) { problems.push(`probe line: ${(e as Error).message}`); }
      },
    });
    if (code !== 0) problems.push(`the extension host exited with ${code}`);
    const note = problems.length ? `; ${problems.join('; ')}` : '';
    const figures: Figure[] = [];
    if (shownMs !== undefined) {
      figures.push({
        figure: activationFigure, value: fmtMs(shownMs), goal: '< 50 ms', met: shownMs < 50 && !problems.length,
        note: `"Activation" in Developer: Show Running Extensions (load the production dist/extension.js + activate() call; azure.js/engine.js load later, on first use), code-server 4.100.3; ${activated?.activatedByProbe ? 'activated by the probe' : 'activated by onStartupFinished'}${activated?.activationMs !== undefined ? `; activate() until its promise resolved ${fmtMs(activated.activationMs)} (extension host marks)` : ''}${note}`,
      });
    } else {
      figures.push({ figure: activationFigure, value: 'not measured', note: `${activated ? 'Running Extensions was not read' : 'the probe did not report'}${note}` });
    }
    if (before && after && diagnosed) {
      figures.push({
        figure: memoryFigure, value: mb(after.hwmKb),
        note: `extensionHost pid /proc status: VmRSS ${mb(before.rssKb)} before (peak since start ${mb(before.hwmKb)}), ${mb(after.rssKb)} after; VmHWM reset before acrDoctor.diagnose ${world.loginServer} (${diagnosed.state}, ${diagnosed.checks} checks, ${diagnosed.causes.length ? diagnosed.causes.join(', ') : 'no cause'}, ${fmtMs(diagnosed.ms)})${note}`,
      });
    } else {
      figures.push({ figure: memoryFigure, value: 'not measured', note: `${diagnosed ? 'the extension host process could not be read' : 'no diagnosis reported'}${note}` });
    }
    return figures;
  } catch (e) {
    return failed((e as Error).message);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
