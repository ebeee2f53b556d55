// `acr-doctor mcp` as an MCP client runs it: the bin over stdio, the SDK's own client, the sandbox
// world behind it. The injected cause comes first in the answer; a hostile input is an error.
import { strict as assert } from 'node:assert';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { SandboxWorld } from '../../../sandbox/world';
import { CLI } from '../matrix/fault-matrix';
import { getSeededWorld } from '../sandbox/shared-world';

describe('acr-doctor mcp over stdio (integration)', function () {
  this.timeout(180_000);
  let w: SandboxWorld;
  let client: Client;
  before(async () => {
    w = await getSeededWorld();
    client = new Client({ name: 'integration', version: '1' });
    const env = Object.fromEntries(Object.entries(w.clientEnv()).filter((e): e is [string, string] => typeof e[1] === 'string'));
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], env, stderr: 'pipe' }));
  });
  after(async () => { await client?.close(); });

  const progress: { progress: number; total?: number; message?: string }[] = [];
  const call = async (args: Record<string, unknown>) => client.callTool({ name: 'diagnose', arguments: args }, undefined, { timeout: 120_000, onprogress: (p) => { progress.push(p); } });
  const causes = (r: Awaited<ReturnType<typeof call>>) => (r.structuredContent as { causes: { causeId: string }[] }).causes.map((c) => c.causeId);

  it('lists its two tools', async () => {
    assert.deepEqual((await client.listTools()).tools.map((t) => t.name).sort(), ['diagnose', 'explain']);
  });

  for (const [scenario, args, cause] of [
    ['missing-acrpull', { registry: 'contoso.azurecr.io/hello:v1', operation: 'pull' }, 'authz.missing-acrpull'],
    ['dns-missing', { registry: 'contoso.azurecr.io' }, 'network.dns-resolution-failed'],
    ['public-access-disabled', { registry: 'contoso' }, 'network.public-access-disabled'],
  ] as const) {
    it(`diagnose on ${scenario}: ${cause} first`, async () => {
      await w.apply(scenario);
      progress.length = 0;
      const r = await call(args);
      // The run streams: one notification per finished check, counting up to the run's checks.
      assert.ok(progress.length >= 3, `progress notifications: ${progress.length}`);
      assert.deepEqual(progress.map((p) => p.progress), progress.map((_p, i) => i + 1));
      assert.ok(progress.every((p) => p.total !== undefined && p.progress <= p.total && /: (pass|warn|fail|info|skipped)$/.test(p.message ?? '')), JSON.stringify(progress.slice(0, 3)));
      assert.equal(r.isError, undefined, JSON.stringify(r.content));
      assert.equal(causes(r)[0], cause, `answer: ${causes(r).join(', ')}`);
      const all = JSON.stringify(r);
      for (const secret of w.secrets()) assert.ok(!all.includes(secret), 'a sandbox secret reached the answer');
    });
  }

  it('healthy: says so', async () => {
    await w.apply('healthy');
    const r = await call({ registry: 'contoso.azurecr.io/hello:v1' });
    assert.equal((r.structuredContent as { healthy: boolean }).healthy, true, JSON.stringify(r.content));
  });

  it('a hostile input is an error answer and the server keeps serving', async () => {
    const r = await call({ registry: 'contoso.azurecr.io; rm -rf /' });
    assert.equal(r.isError, true);
    assert.deepEqual((await client.listTools()).tools.length, 2);
  });
});
