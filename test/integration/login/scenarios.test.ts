// Each login scenario of the sandbox → the expected cause ranked first, through the real dockerd,
// the real registry behind the ACR-like token front, and the sandbox's Entra/ARM with the real
// Azure SDK clients. The diagnosis runs in a child process acting as the user (the world's
// clientEnv); its JSON output is scanned for every secret the world issued.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { DiagnosisReport } from '../../../src/core/engine/types';
import type { SandboxWorld } from '../../../sandbox/world';
import { getWorld } from '../sandbox/shared-world';

// The fault matrix (test/integration/matrix) asserts every scenario's cause through the real CLI;
// this in-process loop (which can pass the principal id explicitly) runs when asked:
// LOGIN_SCENARIOS=a,b or LOGIN_SCENARIOS=all.
const ALL_LOGIN_SCENARIOS = [
  'docker-daemon-down', 'docker-version-old', 'docker-config-malformed',
  'name-upper-case', 'name-missing-suffix', 'name-resource-name-vs-login-server', 'name-wrong-cloud-suffix', 'name-registry-not-found',
  'wrong-password', 'admin-disabled', 'sp-wrong-secret', 'exposed-token-username',
  'stale-credential-anonymous-pull', 'anonymous-pull-disabled', 'aad-exchange-failed', 'access-token-failed', 'aad-audience-policy-disabled',
  'missing-acrpull', 'missing-acrpush', 'missing-reader', 'missing-reader-assignments-readable', 'group-role-propagation', 'abac-mode', 'repo-token-scope', 'role-propagation', 'aks-kubelet-missing-acrpull',
  'aad-token-expired', 'sp-secret-expired', 'repo-token-password-expired', 'repo-token-disabled',
];
const wantedLogin = process.env.LOGIN_SCENARIOS;
const SCENARIOS = !wantedLogin ? [] : wantedLogin === 'all' ? ALL_LOGIN_SCENARIOS : wantedLogin.split(',');

function diagnose(w: SandboxWorld, params: Record<string, unknown>): Promise<{ report: DiagnosisReport; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'run-diagnosis.ts')], {
      env: { ...w.clientEnv(), ACRDOC_TEST: JSON.stringify(params) }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = ''; let stderr = '';
    child.stdout.on('data', (b) => { stdout += b; });
    child.stderr.on('data', (b) => { stderr += b; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) { reject(new Error(`diagnosis exited ${code}: ${stderr.slice(0, 2000)}`)); return; }
      try { resolve({ report: JSON.parse(stdout) as DiagnosisReport, stdout, stderr }); } catch (e) { reject(new Error(`not JSON: ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`)); }
    });
  });
}

function summary(r: DiagnosisReport): string {
  return JSON.stringify({
    causes: r.causes.map((c) => `${c.causeId}(${c.checkIds.join(',')})`),
    findings: r.findings.filter((f) => f.status !== 'pass').map((f) => `${f.checkId}: ${f.status} ${f.causeId ?? ''} ${f.message}`),
    gaps: r.findings.find((f) => f.checkId === 'login.registry')?.evidence.gaps,
  }, null, 1);
}

describe('login scenarios (integration)', function () {
  this.timeout(120000);
  let w: SandboxWorld;
  before(async () => { w = await getWorld(); });

  for (const name of SCENARIOS) {
    it(`${name}: the expected cause is ranked first and no secret leaks (integration)`, async () => {
      const info = await w.apply(name);
      const { report, stdout, stderr } = await diagnose(w, {
        input: info.input ?? (info.registry === 'contoso' ? w.loginServer : `${info.registry}.azurecr.io`),
        usesArm: info.usesArm, credentials: info.credentials, operation: info.operation, principalId: w.azure.principalId,
      });
      assert.ok(report.causes.length > 0, `no cause found\n${summary(report)}`);
      assert.equal(report.causes[0].causeId, info.expectedCause, summary(report));
      for (const s of w.secrets()) {
        assert.ok(!stdout.includes(s), `a secret of the world (${s.slice(0, 4)}…) appears in the JSON report`);
        assert.ok(!stderr.includes(s), 'a secret appears on stderr');
      }
    });
  }

  it('healthy: no login check fails (integration)', async () => {
    const info = await w.apply('healthy');
    const { report } = await diagnose(w, { input: w.loginServer, usesArm: true, operation: 'push', principalId: w.azure.principalId });
    const bad = report.findings.filter((f) => f.status === 'fail');
    assert.deepEqual(bad.map((f) => `${f.checkId}: ${f.message}`), [], info.name);
    assert.ok(report.findings.some((f) => f.checkId === 'login.credentials.aad' && f.status === 'pass'), summary(report));
    assert.ok(report.findings.some((f) => f.checkId === 'login.authz.aad' && f.status === 'pass'), summary(report));
  });

  it('pull test through the real dockerd, as check-health: mcr.microsoft.com/mcr/hello-world pulls when healthy; the daemon\'s own reason when it cannot (integration)', async () => {
    await w.apply('healthy');
    const ok = await diagnose(w, { input: w.loginServer, usesArm: false, repository: 'hello:v1', pullTest: true, operation: 'pull',
      credentials: { kind: 'servicePrincipal', username: w.azure.clientId, password: w.azure.clientSecret } });
    assert.ok(!ok.stdout.includes(w.azure.clientSecret), 'the secret leaks into the report');
    const pulled = ok.report.findings.find((f) => f.checkId === 'login.docker.pull');
    assert.equal(pulled?.status, 'pass', summary(ok.report));
    assert.equal(pulled?.evidence.image, 'mcr.microsoft.com/mcr/hello-world:latest');
    assert.deepEqual(ok.report.causes, [], summary(ok.report));
    // The registry's own refusal is the login checks' business, not the pull test's.
    await w.apply('anonymous-pull-disabled');
    const refused = await diagnose(w, { input: w.loginServer, usesArm: false, repository: 'hello:v1', pullTest: true, operation: 'pull' });
    assert.equal(refused.report.findings.find((x) => x.checkId === 'login.docker.pull')?.status, 'pass', summary(refused.report));
    assert.equal(refused.report.causes[0].causeId, 'credentials.anonymous-pull-disabled', summary(refused.report));
    // The injected fault: mcr.microsoft.com does not resolve for the daemon (a login, as in the matrix).
    await w.apply('docker-pull-failed');
    const broken = await diagnose(w, { input: w.loginServer, usesArm: false, repository: 'hello:v1', pullTest: true });
    const f = broken.report.findings.find((x) => x.checkId === 'login.docker.pull');
    assert.equal(f?.status, 'fail', summary(broken.report));
    assert.equal(f?.causeId, 'docker.pull-failed');
    assert.match(f.message, /mcr\.microsoft\.com.*(no such host|server misbehaving|lookup)/i);
    assert.doesNotMatch(f.message, /unauthorized|authentication required|not found: manifest unknown/i);
    assert.equal(broken.report.causes[0].causeId, 'docker.pull-failed', summary(broken.report));
  });
});
