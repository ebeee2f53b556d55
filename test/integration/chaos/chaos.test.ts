// Chaos while a diagnosis runs: kill the dockerd, restart the registry, stop the proxy, make the
// ARM simulator answer 500 / 429 / slowly, drop TLS mid-handshake. Each run of the real CLI must
// end with a complete report whose findings name what happened, within the total budget, without
// an unhandled rejection or internal error, and leave no process behind.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import type { SandboxWorld } from '../../../sandbox/world';
import type { DiagnosisReport, Finding } from '../../../src/core/engine/types';
import { getSeededWorld } from '../sandbox/shared-world';
import { CLI, ROOT } from '../matrix/fault-matrix';
import { setNftRules } from '../../../sandbox/parts/nft';
import { IP } from '../../../sandbox/addresses';

const BUDGET_S = 6;

interface Run { code: number | null; stdout: string; stderr: string; wallMs: number; report: DiagnosisReport; leftover: number[] }

/** Processes still in the CLI's process group after it exited (helpers, docker CLI…). */
function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') out.push(Number(d));
    } catch { /* gone */ }
  }
  return out;
}

function runCli(w: SandboxWorld, args: string[], during: () => Promise<void> | void, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [CLI, 'diagnose', w.loginServer, '--json', '--repository', 'hello', '--timeout', String(BUDGET_S), ...args], { env: { ...w.clientEnv(), ...extraEnv }, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = ''; let stderr = '';
    child.stdout.on('data', (b) => { stdout += b; });
    child.stderr.on('data', (b) => { stderr += b; });
    const hard = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 60_000);
    Promise.resolve().then(during).catch((e) => { stderr += `\n[chaos hook failed: ${e}]`; });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(hard);
      const wallMs = Date.now() - t0;
      // Give stray children a moment to show themselves, then look.
      setTimeout(() => {
        const leftover = groupMembers(child.pid!);
        for (const p of leftover) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
        let report: DiagnosisReport;
        try { report = JSON.parse(stdout) as DiagnosisReport; } catch { reject(new Error(`no JSON report (exit ${code}):\n${stdout.slice(0, 500)}\n${stderr.slice(0, 1500)}`)); return; }
        resolve({ code, stdout, stderr, wallMs, report, leftover });
      }, 300);
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function describeRun(r: Run): string {
  return JSON.stringify({ code: r.code, wallMs: r.wallMs, durationMs: r.report.durationMs, causes: r.report.causes.map((c) => c.causeId), notPass: r.report.findings.filter((f) => f.status !== 'pass').map((f) => `${f.checkId}: ${f.status} — ${f.message.slice(0, 140)}`), stderr: r.stderr.slice(0, 500) }, null, 1);
}

/** What every chaos run must satisfy. */
function assertSurvived(r: Run, said: RegExp, checkIds?: RegExp): Finding[] {
  const d = describeRun(r);
  assert.ok(r.code === 0 || r.code === 1, `exit 0/1 (2 = could not run, crash), got ${r.code}\n${d}`);
  assert.doesNotMatch(r.stderr, /unhandled|internal error|UnhandledPromiseRejection|TypeError|ReferenceError/i, d);
  assert.ok(r.report.durationMs <= BUDGET_S * 1000 + 1500, `within the ${BUDGET_S} s budget (+ grace): ${r.report.durationMs} ms\n${d}`);
  assert.ok(r.wallMs <= BUDGET_S * 1000 + 15000, `the process ended in time: ${r.wallMs} ms\n${d}`);
  assert.deepEqual(r.leftover, [], `no process left behind\n${d}`);
  const ids = new Set(r.report.findings.map((f) => f.checkId));
  assert.equal(ids.size, r.report.findings.length, 'one finding per check');
  const naming = r.report.findings.filter((f) => f.status !== 'pass' && (!checkIds || checkIds.test(f.checkId)) && said.test(`${f.message} ${JSON.stringify(f.evidence)}`));
  assert.ok(naming.length > 0, `a finding names what happened (${said})\n${d}`);
  return naming;
}

describe('chaos during a diagnosis (integration)', function () {
  this.timeout(180_000);
  let w: SandboxWorld;
  before(async function () {
    this.timeout(300_000);
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built (npm test builds it first)');
    w = await getSeededWorld();
  });
  beforeEach(async () => { await w.apply('healthy'); });
  afterEach(async () => {
    // Put every part back for the next test (and the suites after this one).
    w.state.faults.arm = { kind: 'none' }; w.state.faults.entra = { kind: 'none' };
    w.arm.releaseHung();
    if (!w.parts.dockerd.running) await w.parts.dockerd.start();
    await w.parts.tinyproxy.start();
    for (const r of Object.values(w.parts.registries)) await r.start();
    await w.apply('healthy');
  });

  it('the dockerd is killed while the pull test runs (integration)', async () => {
    // The pull of mcr.microsoft.com/mcr/hello-world is over in a blink; drop the daemon's packets
    // to mcr so the pull is still waiting when the daemon dies (the world's own rules are none
    // in healthy, so clearing them afterwards restores it).
    setNftRules([{ kind: 'drop', address: IP.mcr, port: 443 }]);
    try {
      const r = await runCli(w, ['--pull-test', '--operation', 'pull'], async () => { await sleep(700); await w.parts.dockerd.stop(); });
      assertSurvived(r, /daemon|docker|EOF|socket|reset|closed|refused/i, /docker/);
    } finally {
      setNftRules([]);
    }
  });

  it('the registry is restarted during the run (integration)', async () => {
    const r = await runCli(w, [], async () => { await w.parts.registries.contoso.stop(); await sleep(2500); await w.parts.registries.contoso.start(); });
    assertSurvived(r, /50[0-9]|bad gateway|unavailable|refused|reset|registry|upstream|no answer/i);
  });

  it('the client\'s proxy stops during the run (integration)', async () => {
    await w.apply('daemon-proxy-missing'); // the client goes through the real tinyproxy
    const r = await runCli(w, [], async () => { await w.parts.tinyproxy.stop(); });
    const naming = assertSurvived(r, /proxy|refused|reset|EOF/i);
    assert.ok(naming.some((f) => /proxy/.test(f.checkId) || /proxy/i.test(f.message)), describeRun(r));
  });

  for (const [kind, said] of [['error500', /500|internal server error|server error/i], ['throttle', /429|throttl|too many/i], ['slow', /deadline|time|budget|slow|no answer|aborted|stopped/i]] as const) {
    it(`the ARM simulator answers ${kind} (integration)`, async () => {
      const r = await runCli(w, [], () => { w.state.faults.arm = kind === 'slow' ? { kind, delayMs: 8_000 } : { kind, retryAfterSeconds: 30 }; });
      const naming = assertSurvived(r, said);
      assert.ok(naming.some((f) => /arm|registry|azure|aks|role/i.test(`${f.checkId} ${f.message}`)), `the finding is about Azure\n${describeRun(r)}`);
    });
  }

  it('TLS is dropped mid-handshake (integration)', async () => {
    // A man in the middle on 127.0.0.1:443 of the namespace: passes the ClientHello to the real
    // front, forwards the first bytes of its answer, then cuts both sides.
    const cuts: number[] = [];
    const mitm = net.createServer((client) => {
      const upstream = net.connect(443, w.hosts[w.loginServer] ?? '192.0.2.20');
      let forwarded = 0;
      client.on('data', (d) => upstream.write(d));
      upstream.on('data', (d: Buffer) => {
        if (forwarded >= 200) return;
        client.write(d.subarray(0, 200 - forwarded));
        forwarded += Math.min(d.length, 200);
        if (forwarded >= 200) { cuts.push(Date.now()); client.destroy(); upstream.destroy(); }
      });
      for (const s of [client, upstream]) s.on('error', () => { client.destroy(); upstream.destroy(); });
    });
    await new Promise<void>((resolve, reject) => { mitm.once('error', reject); mitm.listen(443, '127.0.0.1', () => resolve()); });
    try {
      const r = await runCli(w, ['--resolve', `${w.loginServer}=127.0.0.1`, '--only', 'network'], () => undefined);
      assert.ok(cuts.length > 0, 'the handshake was really cut');
      assertSurvived(r, /tls|handshake|reset|EOF|closed|socket/i, /tls|tcp|challenge/);
    } finally {
      await new Promise<void>((r) => mitm.close(() => r()));
    }
  });
});
