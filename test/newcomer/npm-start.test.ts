// What a newcomer does first: a fresh clone of the checked-out commit (ignored folders absent), then
// `npm start`, the URL in a real browser, and Ctrl-C. The npm and code-server caches are hard-linked
// from this checkout so the run stays within minutes; everything else is built in the clone.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { getScenario } from '../../sandbox/scenarios';
import { launchChromium } from '../harness/browser';
import { repoRoot, screenshotsDir } from '../harness/paths';
import { expandUntilRegistries, openAcrDoctorContainer, treeRows } from '../harness/registries-view';

// Its own namespace, so the check can tell that npm start removed what it made.
const NETNS = 'acrnewcomer';

function namespaces(): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').map((l) => l.split(/\s+/)[0]).filter(Boolean);
}
function namespacePids(): number[] {
  try { return execFileSync('ip', ['netns', 'pids', NETNS], { encoding: 'utf8' }).split(/\s+/).filter(Boolean).map(Number); } catch { return []; }
}
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
/** Processes whose command line or working folder is inside `dir`. */
function processesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      if (cmd.includes(dir) || cwd.startsWith(dir)) found.push(`${pid} ${cmd.slice(0, 120)}`);
    } catch { /* gone, or not ours to read */ }
  }
  return found;
}

describe('npm start on a fresh clone (newcomer)', function () {
  const mixed = getScenario('mixed')!.info;
  let clone: string;
  let start: ChildProcess | undefined;
  let output = '';
  let browser: Browser | undefined;
  let url: string | undefined;
  let pidsInside: number[] = [];
  let mountsBefore = new Set<string>();

  before(function () {
    if (process.getuid?.() !== 0) throw new Error('npm start needs root (network namespace, dockerd): run npm test as root');
    if (namespaces().includes(NETNS)) execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'sandbox.mjs'), 'teardown'], { env: { ...process.env, ACR_SANDBOX_NETNS: NETNS } });
    clone = fs.mkdtempSync(path.join(os.tmpdir(), 'acr-doctor-newcomer-'));
    execFileSync('git', ['clone', '--quiet', '--no-local', repoRoot, clone]);
    execFileSync('git', ['-C', clone, 'checkout', '--quiet', '--detach', execFileSync('git', ['-C', repoRoot, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()]);
    for (const ignored of ['dist', 'artifacts', 'node_modules', '.cache']) assert.ok(!fs.existsSync(path.join(clone, ignored)), `${ignored} in a fresh clone`);
    // The caches a newcomer would download: hard links, so nothing is fetched and nothing copied.
    for (const cache of ['node_modules', '.cache']) if (fs.existsSync(path.join(repoRoot, cache))) execFileSync('cp', ['-al', path.join(repoRoot, cache), path.join(clone, cache)]);
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    if (start && start.exitCode === null && start.signalCode === null) { try { process.kill(-start.pid!, 'SIGKILL'); } catch { /* gone */ } }
    for (const pid of pidsInside) if (alive(pid)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    if (namespaces().includes(NETNS)) execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'sandbox.mjs'), 'teardown'], { env: { ...process.env, ACR_SANDBOX_NETNS: NETNS } });
    if (clone) fs.rmSync(clone, { recursive: true, force: true });
  });

  it('prints the URL', async function () {
    this.timeout(8 * 60_000);
    mountsBefore = new Set(fs.readFileSync('/proc/mounts', 'utf8').split('\n'));
    // A terminal's Ctrl-C goes to the foreground process group: npm start gets its own group here.
    start = spawn('npm', ['start', '--', '--port', '0'], { cwd: clone, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ACR_SANDBOX_NETNS: NETNS } });
    const collect = (chunk: Buffer) => { output += chunk.toString(); };
    start.stdout!.on('data', collect);
    start.stderr!.on('data', collect);
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 7 minutes; output:\n${output.slice(-3000)}`)), 7 * 60_000);
      const look = () => {
        const m = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m.exec(output);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      };
      start!.stdout!.on('data', look);
      start!.once('exit', (code) => { clearTimeout(timer); reject(new Error(`npm start exited (${code}) before printing the URL:\n${output.slice(-3000)}`)); });
    });
    assert.match(output, new RegExp(`scenario mixed: ${mixed.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), 'the banner is the scenario\'s description');
    pidsInside = namespacePids();
    assert.ok(pidsInside.length > 0, `nothing runs in namespace ${NETNS}`);
  });

  it('the browser shows every registry the scenario puts in ARM', async function () {
    this.timeout(4 * 60_000);
    assert.ok(url, 'no URL');
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await openAcrDoctorContainer(page);
    const names = mixed.shows!.map((p) => p.registry);
    const missing = await expandUntilRegistries(page, names);
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, 'newcomer-npm-start.png') });
    assert.deepEqual(missing, [], `not in the tree: ${missing.join(', ')}; rows: ${await treeRows(page)}`);
    await browser.close();
    browser = undefined;
  });

  it('Ctrl-C stops it and leaves nothing running: no process, no namespace, no mount', async function () {
    this.timeout(3 * 60_000);
    assert.ok(start, 'npm start did not run');
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => start!.once('exit', (code, signal) => resolve({ code, signal })));
    process.kill(-start.pid!, 'SIGINT');
    const { code, signal } = await exited;
    // npm passes the Ctrl-C on and ends by it itself; start.mjs exits 0 once it has cleaned up.
    assert.ok(code === 0 || signal === 'SIGINT', `npm start ended with ${code ?? signal} after Ctrl-C:\n${output.slice(-2000)}`);
    const afterStop = output.slice(output.lastIndexOf('stopping'));
    assert.ok(output.includes('stopping'), 'npm start did not say it was stopping');
    assert.doesNotMatch(afterStop, /npm start:|cleanup:|Error/, 'stopping reported a problem');
    // The namespace's processes may take a moment to be reaped after the launcher returns.
    const deadline = Date.now() + 20_000;
    let left = pidsInside.filter(alive);
    while (left.length && Date.now() < deadline) { await new Promise((r) => setTimeout(r, 500)); left = pidsInside.filter(alive); }
    assert.deepEqual(left, [], `still running from the namespace: ${left.join(', ')}`);
    assert.deepEqual(processesUnder(clone), [], 'processes of the clone are still running');
    assert.ok(!namespaces().includes(NETNS), `namespace ${NETNS} is left behind`);
    assert.ok(!fs.existsSync(`/etc/netns/${NETNS}`), `/etc/netns/${NETNS} is left behind`);
    // New mounts of the namespace, the clone or a sandbox world's folder (/tmp/acrsbx-*).
    const mounts = fs.readFileSync('/proc/mounts', 'utf8').split('\n').filter((l) => !mountsBefore.has(l) && (l.includes(NETNS) || l.includes(clone) || l.includes('acrsbx-')));
    assert.deepEqual(mounts, [], 'mounts left behind');
  });
});
