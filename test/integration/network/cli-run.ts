// Run the real CLI (src/cli/main.ts through tsx) as the user of the sandbox: the world's clientEnv
// (DOCKER_HOST, DOCKER_CONFIG, NODE_EXTRA_CA_CERTS, AZURE_*, proxy variables of the scenario).
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { DiagnosisReport } from '../../../src/core/engine/types';

const ROOT = path.resolve(__dirname, '../../..');

export interface CliResult { code: number | null; stdout: string; stderr: string; wallMs: number }

export function runCli(env: NodeJS.ProcessEnv, args: string[], timeoutMs = 90000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = ''; let stderr = '';
    child.stdout.on('data', (b) => { stdout += b; });
    child.stderr.on('data', (b) => { stderr += b; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr, wallMs: Date.now() - t0 }); });
  });
}

export async function diagnoseJson(env: NodeJS.ProcessEnv, registry: string, extra: string[] = []): Promise<CliResult & { report: DiagnosisReport }> {
  const r = await runCli(env, ['diagnose', registry, '--json', ...extra]);
  let report: DiagnosisReport;
  try { report = JSON.parse(r.stdout) as DiagnosisReport; } catch { throw new Error(`CLI exit ${r.code}, not JSON:\n${r.stdout.slice(0, 800)}\n${r.stderr.slice(0, 1500)}`); }
  return { ...r, report };
}

export function summary(r: DiagnosisReport): string {
  return JSON.stringify({
    causes: r.causes.map((c) => `${c.rank}. ${c.causeId} (${c.status}; ${c.checkIds.join(',')})`),
    findings: r.findings.filter((f) => f.status !== 'pass').map((f) => `${f.checkId}: ${f.status} ${f.causeId ?? ''} — ${f.message}`),
    durationMs: r.durationMs,
  }, null, 1);
}
