// The world starts and stops cleanly: no orphan processes, no temp dirs, no listeners left.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startWorld } from '../../../sandbox/world';
import { getScenario, SCENARIOS } from '../../../sandbox/scenarios/index';
import { CAUSE_IDS } from '../../../src/core/catalogue/index';
import { stopSharedWorld } from './shared-world';

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

function listeners(): string {
  return execFileSync('ss', ['-Hltn'], { encoding: 'utf8' });
}

describe('sandbox world lifecycle (integration)', function () {
  this.timeout(120000);
  before(() => stopSharedWorld());

  it('starts, serves, and stops with no orphan processes, listeners or temp dirs', async () => {
    const w = await startWorld({ scenario: 'healthy' });
    const pids = w.pids();
    const dir = w.dir;
    assert.ok(pids.length >= 4, `dockerd, tinyproxy and two registries run: ${pids}`);
    assert.ok(pids.every(alive));
    assert.match(listeners(), /192\.0\.2\.20:443/);
    const containerd = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(dir) && l.includes('containerd'));
    assert.equal(containerd.length, 1, 'dockerd runs its own containerd');
    await w.stop();
    for (const p of pids) assert.equal(alive(p), false, `pid ${p} still alive`);
    assert.equal(fs.existsSync(dir), false, 'temp dir removed');
    assert.equal(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(dir)).length, 0, 'no process refers to the temp dir');
    assert.doesNotMatch(listeners(), /192\.0\.2\.\d+:(443|8888)/);
  });

  it('a world whose process is killed leaves no orphans, and the next start reaps its temp dir', async () => {
    const { spawn } = await import('node:child_process');
    const script = "const { startWorld } = require('./sandbox/world'); startWorld({ scenario: 'healthy' }).then((w) => console.log('READY ' + JSON.stringify({ pids: w.pids(), dir: w.dir })));";
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    const ready = await new Promise<{ pids: number[]; dir: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => { out += d; const m = /READY (.*)/.exec(out); if (m) resolve(JSON.parse(m[1])); });
      child.on('exit', (c) => reject(new Error(`world process exited ${c}: ${out}`)));
    });
    assert.ok(ready.pids.every(alive));
    child.kill('SIGKILL');
    const end = Date.now() + 20000;
    while (ready.pids.some(alive) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(ready.pids.filter(alive), [], 'children die with the world (parent-death signal)');
    assert.ok(fs.existsSync(ready.dir));
    const w = await startWorld({ scenario: 'healthy' });
    try {
      assert.equal(fs.existsSync(ready.dir), false, 'the dead world\'s temp dir was reaped');
      assert.match(listeners(), /192\.0\.2\.20:443/);
    } finally { await w.stop(); }
  });

  it('the launcher (npm run sandbox) starts a scenario, prints the client env, and cleans up on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['scripts/sandbox.mjs', '--scenario', 'throttled'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    const end = Date.now() + 90000;
    while (!out.includes('Ctrl-C to stop.') && Date.now() < end && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    assert.match(out, /scenario throttled: The registry answers 429/);
    assert.match(out, /expected cause: network\.throttled \(CONNECTIVITY_TOOMANYREQUESTS_ERROR\)/);
    assert.match(out, /DOCKER_HOST=unix:\/\/\S+\/docker\.sock/);
    assert.match(out, /AZURE_CLIENT_SECRET=<redacted>/);
    const dir = /DOCKER_CONFIG=(\/tmp\/acrsbx-[^/]+)\//.exec(out)![1];
    assert.ok(fs.existsSync(dir));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, out);
    assert.match(out, /sandbox stopped, temp files removed/);
    assert.equal(fs.existsSync(dir), false);
    assert.doesNotMatch(listeners(), /192\.0\.2\.20:443/);
  });

  it('a second world in the same namespace is refused with a clear message, the first keeps working', async () => {
    const w = await startWorld({ scenario: 'healthy' });
    try {
      await assert.rejects(() => startWorld({ scenario: 'healthy' }), /already in use in namespace .*ACR_SANDBOX_NETNS/);
      assert.match(listeners(), /192\.0\.2\.20:443/);
      const { dockerLogin } = await import('./run');
      const r = await dockerLogin(w.clientEnv(), w.loginServer, w.azure.clientId, w.azure.clientSecret);
      assert.match(r.out, /Login Succeeded/, 'dockerd still trusts the first world\'s CA');
    } finally { await w.stop(); }
  });

  it('refuses an unknown scenario with a clear message', async () => {
    await assert.rejects(() => startWorld({ scenario: 'no-such-scenario' }), /Unknown sandbox scenario 'no-such-scenario'/);
    assert.doesNotMatch(listeners(), /192\.0\.2\.20:443/, 'a failed start cleans up');
  });

  it('every scenario names a known cause, a seed section, and the causes cover the seeds', () => {
    const known = new Set<string>(CAUSE_IDS);
    const covered = new Set<string>();
    for (const s of SCENARIOS) {
      if (s.info.expectedCause) { assert.ok(known.has(s.info.expectedCause), s.info.name); covered.add(s.info.expectedCause); }
      if (s.info.seed !== 'none') assert.ok(s.info.section, `${s.info.name} has a section`);
    }
    assert.ok(covered.size >= 45, `scenarios cover ${covered.size} causes`);
    assert.ok(getScenario('client-proxy-broken+missing-acrpull'));
  });
});
