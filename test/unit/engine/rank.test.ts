import { strict as assert } from 'node:assert';
import { runDiagnosis } from '../../../src/core/engine/runner';
import type { Check } from '../../../src/core/engine/types';
import { testCheck, type TestCheckFields } from '../../support/check-context';
import type { CauseId } from '../../../src/core/catalogue/types';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';
import { getCause } from '../../../src/core/catalogue/index';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { msg } from '../../../src/core/text/message';

const target = parseRegistryInput('contoso.azurecr.io');
const env: DiagnoseEnvironment = { proxy: {}, dockerConfigDir: '/nonexistent', now: () => new Date() };
const check = (id: string, status: 'pass' | 'warn' | 'fail', causeId: CauseId | undefined, links: Pick<TestCheckFields, 'needs' | 'after' | 'awaits'> = {}): Check =>
  testCheck(id, async () => ({ status, message: msg(id), causeId }), { timeoutMs: 1000, ...links });

describe('engine: ranking failures and warnings', () => {
  it('a warning tied to no failure ranks after the failure, whatever its layer', async () => {
    // The reviewer's case: a Standard-SKU note (layer 30) beside a refused password (layer 50).
    assert.ok(getCause('network.sku-no-network-rules')!.layer < getCause('credentials.invalid')!.layer);
    const r = await runDiagnosis([
      check('net.arm', 'pass', undefined),
      check('net.arm.sku', 'warn', 'network.sku-no-network-rules', { needs: ['net.arm'] }),
      check('login.explicit', 'fail', 'credentials.invalid'),
    ], target, env, { causeOf: getCause });
    assert.deepEqual(r.causes.map((c) => `${c.causeId} ${c.status}`), ['credentials.invalid fail', 'network.sku-no-network-rules warn']);
  });

  it('a warning from a check that a failing check ran after keeps its layer order', async () => {
    const r = await runDiagnosis([
      check('net.proxy', 'warn', 'network.daemon-proxy-missing'),
      check('login.explicit', 'fail', 'credentials.invalid', { after: ['net.proxy'] }),
    ], target, env, { causeOf: getCause });
    assert.deepEqual(r.causes.map((c) => c.causeId), ['network.daemon-proxy-missing', 'credentials.invalid']);
  });

  it('a warning that reads a failure and explains it keeps its layer order (wrong cloud suffix behind a DNS failure)', async () => {
    const r = await runDiagnosis([
      check('net.dns', 'fail', 'network.dns-resolution-failed'),
      check('login.name', 'warn', 'name.wrong-cloud-suffix', { after: ['net.dns'] }),
    ], target, env, { causeOf: getCause });
    assert.deepEqual(r.causes.map((c) => c.causeId), ['name.wrong-cloud-suffix', 'network.dns-resolution-failed']);
  });

  it('awaits ties a warning to a failure like after does', async () => {
    const r = await runDiagnosis([
      check('net.dns', 'fail', 'network.dns-resolution-failed'),
      check('login.name', 'warn', 'name.wrong-cloud-suffix', { awaits: ['net.dns'] }),
    ], target, env, { causeOf: getCause });
    assert.deepEqual(r.causes.map((c) => c.causeId), ['name.wrong-cloud-suffix', 'network.dns-resolution-failed']);
  });

  it('only warnings: layer order as before', async () => {
    const r = await runDiagnosis([
      check('login.name', 'warn', 'name.upper-case'),
      check('net.arm.sku', 'warn', 'network.sku-no-network-rules'),
    ], target, env, { causeOf: getCause });
    assert.deepEqual(r.causes.map((c) => c.causeId), ['name.upper-case', 'network.sku-no-network-rules']);
  });
});
