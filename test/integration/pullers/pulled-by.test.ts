// The CLI's --pulled-by and --identity service:<name> in the sandbox, as a user types them: the
// pullers listed with a verdict each (in English and Dutch), one named and its cause first, a name
// Azure does not know refused as bad input, and no secret of the world in what is printed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { SandboxWorld } from '../../../sandbox/world';
import type { DiagnosisReport } from '../../../src/core/engine/types';
import { getSeededWorld } from '../sandbox/shared-world';
import { CLI, ROOT, runProc } from '../matrix/fault-matrix';

describe('CLI --pulled-by and --identity service:<name> (integration)', function () {
  this.timeout(180_000);
  let w: SandboxWorld;
  before(async function () {
    this.timeout(300_000);
    if (!fs.existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    w = await getSeededWorld();
  });
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runProc(process.execPath, [CLI, 'diagnose', w.loginServer, '--timeout', '20', ...args], { ...w.clientEnv(), ...env }, { timeoutMs: 60_000 });

  it('lists one healthy puller of each kind, each "ok", and exits 0 (integration)', async () => {
    await w.apply('pullers-healthy');
    const r = await cli(['--pulled-by', '--repository', 'hello']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const block = r.stdout.slice(r.stdout.indexOf('Pulled by:'));
    for (const name of ['contoso-web (App Service app): ok', 'contoso-api (Container App): ok', 'contoso-jobs (container group): ok', 'contoso-ml (Machine Learning workspace): ok', 'contoso-aks (AKS cluster): ok']) assert.ok(block.includes(name), `${name} in\n${block}`);
    const nl = await cli(['--pulled-by', '--repository', 'hello'], { LANG: 'nl_NL.UTF-8' });
    assert.match(nl.stdout, /Opgehaald door:\n {2}contoso-api \(Container App\): in orde/);
  });

  it('names the one that cannot pull with its cause, and ranks that cause first (integration)', async () => {
    await w.apply('puller-admin-disabled');
    const r = await cli(['--pulled-by', '--json', '--repository', 'hello']);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as DiagnosisReport;
    assert.equal(report.causes[0].causeId, 'pullers.admin-user-disabled');
    const list = report.findings.find((f) => f.checkId === 'pullers.list')!;
    // The world's AKS cluster is listed too: its kubelet identity holds AcrPull.
    assert.deepEqual(list.evidence.pullers, ['contoso-api (Container App): fail, pullers.admin-user-disabled', 'contoso-aks (AKS cluster): ok']);
    const fixes = report.causes[0].fixes.map((f) => f.command ?? f.docsUrl ?? '');
    assert.ok(fixes.some((c) => c.includes('az containerapp registry set --name contoso-api') && c.includes('--identity system')), fixes.join('\n'));
    for (const s of w.secrets()) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), 'a secret of the world in the output');
  });

  it('--identity service:<name> judges that service; a name no resource has is bad input, exit 2 (integration)', async () => {
    await w.apply('puller-mi-no-acrpull');
    const r = await cli(['--identity', 'service:contoso-web', '--repository', 'hello']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /contoso-web pulls with its system-assigned managed identity \([0-9a-f-]{36}\), which holds no role on contoso/);
    const bad = await cli(['--identity', 'service:no-such-app', '--repository', 'hello']);
    assert.equal(bad.code, 2, bad.stdout + bad.stderr);
    assert.match(bad.stderr, /no-such-app/);
    const noAzure = await cli(['--pulled-by', '--no-azure']);
    assert.equal(noAzure.code, 2);
    assert.match(noAzure.stderr, /--pulled-by is judged through Azure/);
  });

  it('a sidecar and a stored app id are listed and judged in English and Dutch; the sidecar is named site/container (integration)', async () => {
    await w.apply('puller-sidecar-no-acrpull');
    const r = await cli(['--pulled-by', '--repository', 'hello']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const block = r.stdout.slice(r.stdout.indexOf('Pulled by:'));
    assert.match(block, /^ {2}contoso-web \(App Service app\): ok$/m, block);
    assert.match(block, /^ {2}contoso-web\/otel \(App Service sidecar\): cannot pull, pullers\.identity-missing-acrpull$/m, block);
    assert.match(r.stdout, /sidecar otel of App Service app contoso-web pulls with the user-assigned identity/);
    const nl = await cli(['--pulled-by', '--repository', 'hello'], { LANG: 'nl_NL.UTF-8' });
    assert.match(nl.stdout, /^ {2}contoso-web\/otel \(App Service-sidecar\): kan niet ophalen, pullers\.identity-missing-acrpull$/m);
    assert.match(nl.stdout, /sidecar otel van App Service-app contoso-web/);
    const one = await cli(['--identity', 'service:contoso-web/otel', '--json', '--repository', 'hello']);
    assert.equal((JSON.parse(one.stdout) as DiagnosisReport).causes[0].causeId, 'pullers.identity-missing-acrpull');
    await w.apply('puller-sp-no-acrpull');
    const sp = await cli(['--pulled-by', '--repository', 'hello']);
    assert.match(sp.stdout, /^ {2}contoso-api \(Container App\): cannot pull, pullers\.identity-missing-acrpull$/m, sp.stdout);
    assert.match(sp.stdout, /contoso-api pulls with the service principal [0-9a-f-]{36} \([0-9a-f-]{36}\), which holds no role on contoso/);
    for (const s2 of w.secrets()) assert.ok(!r.stdout.includes(s2) && !sp.stdout.includes(s2), 'a secret of the world in the output');
    if (process.env.ACR_DOCTOR_SHOW_OUTPUT) console.log(`${r.stdout}\n---\n${nl.stdout}\n---\n${sp.stdout}`);
  });
});
