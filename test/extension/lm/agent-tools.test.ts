// The language model tools as agent mode calls them: vscode.lm.invokeTool in the real extension
// host, against the sandbox world (healthy contoso; a registry whose login server is not in DNS).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { acrDoctor } from '../report/report-helpers';

const invoke = async (name: string, input: object) => {
  const r = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
};

describe('language model tools (extension host)', function () {
  this.timeout(120_000);
  before(async () => { await acrDoctor(); });

  it('are registered under the names package.json declares', () => {
    const names = vscode.lm.tools.map((t) => t.name);
    for (const n of ['acrDoctor_diagnose', 'acrDoctor_explain']) assert.ok(names.includes(n), `${n} missing: ${names.join(', ')}`);
  });

  it('diagnose: a registry that exists nowhere (not in ARM, not in DNS) is named as such first, with a link to the report', async () => {
    const text = await invoke('acrDoctor_diagnose', { registry: 'northwind.azurecr.io' });
    const ranked = [...text.matchAll(/^\d+\. \*\*[^*]+\*\* \(`([^`]+)`/gm)].map((m) => m[1]);
    assert.equal(ranked[0], 'name.registry-not-found', text.slice(0, 800));
    assert.ok(ranked.includes('network.dns-resolution-failed'), `the DNS failure is its evidence too: ${ranked.join(', ')}`);
    assert.match(text, /\(command:acrDoctor\.diagnose\?/);
    for (const secret of [process.env.AZURE_CLIENT_SECRET].filter(Boolean)) assert.ok(!text.includes(secret!), 'the client secret reached the answer');
  });

  it('diagnose: the sandbox registry is healthy', async () => {
    const text = await invoke('acrDoctor_diagnose', { registry: 'contoso.azurecr.io' });
    assert.match(text, /contoso\.azurecr\.io: no problems found\./, text.slice(0, 800));
  });

  it('explain: a pasted refusal maps to its cause', async () => {
    const text = await invoke('acrDoctor_explain', { text: "denied: client with IP '192.0.2.77' is not allowed access. Refer https://aka.ms/acr/firewall to grant access." });
    assert.match(text, /`network\.ip-rule-excludes-client`/);
  });

  it('a hostile or wrong input fails the call with its reason, and the tools keep working', async () => {
    for (const input of [{ registry: 'evil.example.com' }, { registry: 'contoso.azurecr.io', identity: 'sp' }, { text: '' }]) {
      const name = 'text' in input ? 'acrDoctor_explain' : 'acrDoctor_diagnose';
      await assert.rejects(() => invoke(name, input), (e: Error) => e.message.length > 10, `accepted ${JSON.stringify(input)}`);
    }
    assert.match(await invoke('acrDoctor_explain', { text: 'no such host' }), /\S/);
  });
});
