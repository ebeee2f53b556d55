import assert from 'node:assert/strict';
import { reportToJson } from '../../../../src/vscode/report/export/json';
import { reportToMarkdown } from '../../../../src/vscode/report/export/markdown';
import { ReportModel } from '../../../../src/vscode/report/report-model';
import { redact } from '../../../../src/core/text/redact';
import { REPORT_STRING_KEYS, type ReportStrings } from '../../../../src/shared/report-protocol';
import { finding, report, viewContext } from './fixtures';

const strings = Object.fromEntries(REPORT_STRING_KEYS.map((k) => [k, `<${k}>`])) as ReportStrings;
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
const ipFix = { kind: 'changeAzureSetting' as const, title: { en: 'Allow this client', nl: 'Deze client toestaan' }, action: 'registry.addIpRule',
  command: 'az acr network-rule add --name contoso --ip-address 192.0.2.10', params: { clientIp: '192.0.2.10' } };

function streamedModel(lang: 'en' | 'nl' = 'en') {
  const m = new ReportModel('contoso.azurecr.io', viewContext(lang), true, 'sp 1234');
  const checks = [{ id: 'net.dns', area: 'network' as const, title: 'DNS' }, { id: 'net.challenge', area: 'network' as const, title: 'Challenge' },
    { id: 'login.token', area: 'login' as const, title: 'Token' }];
  m.apply({ type: 'start', target: report([], []).target, checks }, 1000);
  return m;
}

describe('report model: streaming engine events', () => {
  it('starts with every check pending, then fills them in as findings arrive, failing causes first', () => {
    const m = streamedModel();
    assert.deepEqual(m.state.checks.map((c) => c.status), ['pending', 'pending', 'pending']);
    assert.equal(m.state.phase, 'running');
    m.apply({ type: 'finding', finding: finding({ checkId: 'net.dns' }) }, 1010);
    const changed = m.apply({ type: 'finding', finding: finding({ checkId: 'net.challenge', status: 'fail', causeId: 'network.ip-rule-excludes-client',
      message: `403 from front; Authorization: Bearer ${JWT}`, evidence: { status: 403, body: `token=${JWT}` }, fixes: [ipFix] }) }, 1050);
    assert.equal(changed?.status, 'fail');
    assert.ok(!changed?.message.includes(JWT), 'message redacted');
    assert.ok(!JSON.stringify(changed?.evidence).includes(JWT), 'evidence redacted');
    assert.equal(m.state.elapsedMs, 50);
    assert.equal(m.state.causes[0]?.causeId, 'network.ip-rule-excludes-client');
    assert.equal(m.state.causes[0]?.docsUrl, 'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-troubleshoot-access#configure-public-access-to-registry');
    assert.equal(m.state.causes[0]?.fixes[0]?.runnable, true);
    m.apply({ type: 'finding', finding: finding({ checkId: 'login.token', area: 'login', status: 'skipped', blockedBy: 'net.challenge' }) }, 1060);
    assert.equal(m.state.checks.find((c) => c.id === 'login.token')?.blockedBy, 'Challenge');
  });

  it('takes the engine ranking at the end and keeps other findings on a partial re-run', () => {
    const m = streamedModel();
    const fail = finding({ checkId: 'net.challenge', status: 'fail', causeId: 'network.ip-rule-excludes-client', fixes: [ipFix] });
    const findings = [finding({ checkId: 'net.dns' }), fail, finding({ checkId: 'login.token', area: 'login', status: 'skipped', blockedBy: 'net.challenge' })];
    for (const f of findings) m.apply({ type: 'finding', finding: f }, 1100);
    m.apply({ type: 'done', report: report(findings, [{ causeId: 'network.ip-rule-excludes-client', rank: 1, checkIds: ['net.challenge'], status: 'fail', fixes: [ipFix] }]) }, 2000);
    assert.equal(m.state.phase, 'done');
    assert.equal(m.state.elapsedMs, 1234);
    assert.equal(m.causeInput('network.ip-rule-excludes-client')?.fixes[0]?.action, 'registry.addIpRule');
    // Re-run the failing check and the one it blocked: both pass now, DNS stays as it was.
    m.apply({ type: 'start', target: report([], []).target, checks: [{ id: 'net.challenge', area: 'network', title: 'Challenge' }, { id: 'login.token', area: 'login', title: 'Token' }] }, 3000, true);
    assert.equal(m.state.checks.find((c) => c.id === 'net.dns')?.status, 'pass');
    assert.equal(m.state.checks.find((c) => c.id === 'net.challenge')?.status, 'pending');
    const again = [finding({ checkId: 'net.challenge' }), finding({ checkId: 'login.token', area: 'login' })];
    for (const f of again) m.apply({ type: 'finding', finding: f }, 3100, true);
    m.apply({ type: 'done', report: report(again, []) }, 3200, true);
    assert.deepEqual(m.state.checks.map((c) => c.status), ['pass', 'pass', 'pass']);
    assert.deepEqual(m.state.causes, []);
    // What is stored (tree badge, restore after a reload) no longer names the cleared cause.
    assert.deepEqual(m.lastReport?.causes, []);
    assert.equal(m.lastReport?.findings.find((f) => f.checkId === 'net.challenge')?.status, 'pass');
  });

  it('builds each finding\'s view once per run and again when the language changes', () => {
    const m = streamedModel();
    let redacted = 0;
    const counting = { ...viewContext('en'), redact: (t: string) => { redacted++; return redact(t); } };
    m.setContext(counting);
    redacted = 0;
    m.apply({ type: 'finding', finding: finding({ checkId: 'net.dns', evidence: { address: '192.0.2.10' } }) }, 1010);
    const afterFirst = redacted;
    assert.ok(afterFirst >= 2, 'message and evidence redacted');
    const dns = m.state.checks[0];
    m.apply({ type: 'finding', finding: finding({ checkId: 'net.challenge', evidence: { status: 401 } }) }, 1020);
    assert.equal(redacted, 2 * afterFirst, 'the second finding built only its own view');
    assert.equal(m.state.checks[0], dns, 'the first finding\'s view is the one built before');
    m.setContext(viewContext('nl'));
    assert.notEqual(m.state.checks[0], dns, 'a new language builds the views again');
  });

  it('speaks Dutch when asked: cause title, explanation, seed section and nl-nl docs', () => {
    const m = streamedModel('nl');
    m.apply({ type: 'finding', finding: finding({ checkId: 'net.challenge', status: 'fail', causeId: 'network.ip-rule-excludes-client', fixes: [ipFix] }) }, 1100);
    const c = m.state.causes[0];
    assert.equal(c.sectionTitle, 'Openbare toegang tot register configureren');
    assert.match(c.docsUrl, /^https:\/\/learn\.microsoft\.com\/nl-nl\/azure\/container-registry\/container-registry-troubleshoot-access#configure-public-access-to-registry$/);
    assert.equal(c.fixes[0]?.title, 'Deze client toestaan');
  });
});

describe('report export: Markdown and JSON are redacted', () => {
  function leakyState() {
    const m = streamedModel();
    // A secret that slipped past the engine (in a message and in evidence), and one in the identity.
    m.apply({ type: 'finding', finding: finding({ checkId: 'net.challenge', status: 'fail', causeId: 'network.ip-rule-excludes-client',
      message: `GET https://user:s3cretpass@contoso.azurecr.io/v2/ with Authorization: Basic dXNlcjpzM2NyZXRwYXNz`,
      evidence: { refresh_token: `refresh_token=${JWT}`, header: `Authorization: Bearer ${JWT}`, password: '--password hunter2hunter2' }, fixes: [ipFix] }) }, 1100);
    return m.state;
  }

  it('Markdown has the report and none of the secrets', () => {
    const md = reportToMarkdown(leakyState(), strings, (t) => redact(t));
    for (const secret of [JWT, 's3cretpass', 'dXNlcjpzM2NyZXRwYXNz', 'hunter2hunter2']) assert.ok(!md.includes(secret), `leaked ${secret}`);
    assert.match(md, /^# <title>: contoso\.azurecr\.io/);
    assert.ok(md.includes('## <sectionCauses>'));
    assert.ok(md.includes('az acr network-rule add --name contoso --ip-address 192.0.2.10'));
    assert.ok(md.includes('## <sectionNetwork>'));
    assert.ok(md.includes('#configure-public-access-to-registry'));
  });

  it('JSON parses, has the causes and checks, and none of the secrets', () => {
    const json = reportToJson(leakyState(), (t) => redact(t));
    for (const secret of [JWT, 's3cretpass', 'dXNlcjpzM2NyZXRwYXNz', 'hunter2hunter2']) assert.ok(!json.includes(secret), `leaked ${secret}`);
    const parsed = JSON.parse(json);
    assert.equal(parsed.schema, 'acr-doctor/report@1');
    assert.equal(parsed.causes[0].causeId, 'network.ip-rule-excludes-client');
    assert.equal(parsed.checks.length, 3);
  });

  it('Markdown escapes text that would become markup', () => {
    const m = streamedModel();
    m.apply({ type: 'finding', finding: finding({ checkId: 'net.dns', status: 'warn', message: '<img src=x onerror=alert(1)> | # heading' }) }, 1100);
    const md = reportToMarkdown(m.state, strings, (t) => redact(t));
    assert.ok(md.includes('\\<img'));
    assert.ok(!/(^|[^\\])<img/.test(md), 'only escaped');
    assert.ok(md.includes('\\| \\# heading'));
  });
});
