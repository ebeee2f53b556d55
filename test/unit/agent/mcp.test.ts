import { strict as assert } from 'node:assert';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createMcpServer, diagnoseArgv, type McpDeps } from '../../../src/cli/mcp';
import { diagnoseInput } from '../../../src/core/agent/inputs';
import type { DiagnosisReport } from '../../../src/core/engine/types';
import { parseRegistryInput } from '../../../src/core/registry/target';

const SECRET = 'hunter2-very-secret-password';

/** A CLI stand-in that records what it was asked and answers with a report naming a cause. */
function fakeCli(calls: string[][]): McpDeps['runCli'] {
  return async (argv) => {
    calls.push(argv);
    const report: DiagnosisReport = {
      target: parseRegistryInput(argv[1].split('/')[0]), startedAt: new Date(0).toISOString(), durationMs: 5, budgetExceeded: false,
      findings: [{ checkId: 'login.authz', area: 'login', title: 'Authorisation', status: 'fail', message: `no pull right; password=${SECRET}`, causeId: 'authz.missing-acrpull', evidence: { detail: `Authorization: Basic ${Buffer.from(`u:${SECRET}`).toString('base64')}` }, fixes: [], startedMs: 0, durationMs: 1 }],
      causes: [{ causeId: 'authz.missing-acrpull', rank: 1, checkIds: ['login.authz'], status: 'fail', fixes: [{ kind: 'copyCommand', title: { en: 'Grant AcrPull', nl: 'AcrPull toekennen' }, command: 'az role assignment create --role AcrPull' }] }],
    };
    return { code: 1, stdout: JSON.stringify(report), stderr: '' };
  };
}

async function connect(deps: McpDeps): Promise<Client> {
  const [a, b] = InMemoryTransport.createLinkedPair();
  await createMcpServer(deps).connect(a);
  const client = new Client({ name: 'test', version: '1' });
  await client.connect(b);
  return client;
}

const text = (r: Awaited<ReturnType<Client['callTool']>>) => (r.content as { type: string; text: string }[]).map((c) => c.text).join('\n');

describe('MCP server (acr-doctor mcp)', () => {
  it('lists diagnose and explain with their input schemas', async () => {
    const client = await connect({ runCli: fakeCli([]), locale: 'en', version: '0' });
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['diagnose', 'explain']);
    const diagnose = tools.find((t) => t.name === 'diagnose')!;
    assert.deepEqual(Object.keys(diagnose.inputSchema.properties ?? {}).sort(), ['identity', 'operation', 'registry']);
  });

  it('diagnose runs the CLI for the image and operation, and answers with the cause first, redacted', async () => {
    const calls: string[][] = [];
    const client = await connect({ runCli: fakeCli(calls), locale: 'en', version: '0' });
    const r = await client.callTool({ name: 'diagnose', arguments: { registry: 'contoso.azurecr.io/hello:v1', operation: 'pull' } });
    assert.equal(r.isError, undefined);
    assert.deepEqual(calls[0], ['diagnose', 'contoso.azurecr.io/hello:v1', '--json', '--operation', 'pull']);
    const structured = r.structuredContent as { causes: { causeId: string; commands: string[] }[] };
    assert.equal(structured.causes[0].causeId, 'authz.missing-acrpull');
    assert.deepEqual(structured.causes[0].commands, ['az role assignment create --role AcrPull']);
    const all = JSON.stringify(r);
    assert.ok(!all.includes(SECRET), 'a secret reached the answer');
    assert.ok(!all.includes(Buffer.from(`u:${SECRET}`).toString('base64')), 'a Basic credential reached the answer');
    assert.match(text(r), /1\. \*\*.*\*\* \(`authz\.missing-acrpull`, fail\)/);
  });

  it('refuses hostile or wrong input with a clear error, never runs the CLI for it', async () => {
    const calls: string[][] = [];
    const client = await connect({ runCli: fakeCli(calls), locale: 'en', version: '0' });
    const bad = [
      { registry: 'evil.example.com' },
      { registry: 'contoso.azurecr.io', operation: 'pull' },
      { registry: 'contoso.azurecr.io/App:1' },
      { registry: 'contoso.azurecr.io', identity: 'sp' },
      { registry: 'x'.repeat(700) },
      { registry: 42 },
    ];
    for (const args of bad) {
      const r = await client.callTool({ name: 'diagnose', arguments: args });
      assert.equal(r.isError, true, `accepted ${JSON.stringify(args).slice(0, 80)}`);
      assert.ok(text(r).length > 10);
    }
    assert.equal(calls.length, 0);
    assert.match(text(await client.callTool({ name: 'diagnose', arguments: { registry: 'contoso.azurecr.io', operation: 'pull' } })), /name the image/);
    assert.match(text(await client.callTool({ name: 'diagnose', arguments: { registry: 'contoso.azurecr.io', identity: 'sp' } })), /"azure"|"docker" at identity/);
  });

  it('explain maps a pasted error to its cause, in Dutch when asked', async () => {
    const client = await connect({ runCli: fakeCli([]), locale: 'nl', version: '0' });
    const r = await client.callTool({ name: 'explain', arguments: { text: "Error response from daemon: Get \"https://contoso.azurecr.io/v2/\": dial tcp: lookup contoso.azurecr.io on 127.0.0.11:53: no such host" } });
    const s = r.structuredContent as { causes: { causeId: string; docs: string }[] };
    assert.equal(s.causes[0].causeId, 'network.dns-resolution-failed');
    assert.match(s.causes[0].docs, /nl-nl/);
    const empty = await client.callTool({ name: 'explain', arguments: { text: '   ' } });
    assert.equal(empty.isError, true);
  });

  it("passes the identity on as the CLI's --identity", () => {
    assert.deepEqual(diagnoseArgv(diagnoseInput({ registry: 'contoso', identity: 'docker' })), ['diagnose', 'contoso.azurecr.io', '--json', '--identity', 'docker']);
  });
});
