// `npm start`'s default world promises, in its banner, what each registry shows: hold it to that.
// Every registry it names is in ARM for the signed-in principal (the tree lists it: the newcomer
// check sees it in the browser), and Diagnose ranks the named cause first.
import { strict as assert } from 'node:assert';
import type { SandboxWorld } from '../../../sandbox/world';
import type { DiagnosisReport } from '../../../src/core/engine/types';
import { CLI, runProc } from '../matrix/fault-matrix';
import { getSeededWorld } from './shared-world';

describe("the mixed scenario's banner (integration)", function () {
  this.timeout(180_000);
  let w: SandboxWorld;
  before(async () => { w = await getSeededWorld(); });

  it('names each registry it promises, with what it says of it', async () => {
    const info = await w.apply('mixed');
    assert.ok(info.shows?.length, 'mixed lists what it shows');
    for (const p of info.shows) assert.ok(info.description.includes(p.says), `the banner leaves out: ${p.says}`);
    assert.deepEqual(info.shows.map((p) => p.registry), ['contoso', 'fabrikam', 'northwind']);
  });

  it('every registry it names is readable in ARM by the signed-in principal (in its own tenant)', async () => {
    const info = await w.apply('mixed');
    const { armAccessChecker } = await import('../../../sandbox/arm/state');
    for (const p of info.shows!) {
      const reg = w.state.registries.find((r) => r.arm.name === p.registry);
      assert.ok(reg, `${p.registry} is not in ARM`);
      const sub = w.state.subscriptions.find((s) => reg.arm.id.toLowerCase().startsWith(s.id.toLowerCase()))!;
      const principal = w.state.servicePrincipals.find((s) => s.appId === w.azure.clientId && s.tenantId === sub.tenantId)!;
      assert.ok(armAccessChecker(w.state, principal.objectId)(reg.arm.id, 'Microsoft.ContainerRegistry/registries/read'), `${p.registry} is not readable by the service principal`);
    }
  });

  for (const registry of ['contoso', 'fabrikam', 'northwind']) {
    it(`Diagnose ${registry} reports what the banner says`, async () => {
      const info = await w.apply('mixed');
      const p = info.shows!.find((x) => x.registry === registry)!;
      const reg = w.state.registries.find((r) => r.arm.name === registry)!;
      const tenant = w.state.subscriptions.find((s) => reg.arm.id.toLowerCase().startsWith(s.id.toLowerCase()))!.tenantId;
      const args = ['diagnose', `${registry}.azurecr.io`, '--json', '--timeout', '20'];
      if (p.repository) args.push('--repository', p.repository);
      if (p.operation) args.push('--operation', p.operation);
      // As the tree does: signed in to the registry's own tenant.
      const r = await runProc(process.execPath, [CLI, ...args], { ...w.clientEnv(), AZURE_TENANT_ID: tenant }, { timeoutMs: 60_000 });
      const report = JSON.parse(r.stdout) as DiagnosisReport;
      const failing = report.causes.filter((c) => c.status === 'fail').map((c) => c.causeId);
      if (p.expectedCause === null) assert.deepEqual(failing, [], `${registry}: expected healthy, got ${failing.join(', ')}`);
      else assert.equal(report.causes[0]?.causeId, p.expectedCause, `${registry}: ranked first ${report.causes[0]?.causeId ?? 'nothing'} (${report.causes.map((c) => c.causeId).join(', ')})`);
    });
  }
});
