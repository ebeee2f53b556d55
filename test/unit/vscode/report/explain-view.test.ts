import assert from 'node:assert/strict';
import { parseRegistryInput } from '../../../../src/core/registry/target';
import { explainSummary, explainText } from '../../../../src/vscode/report/catalogue-adapter';
import { clipboardOffer, clipboardReadsSilently, namedLoginServer } from '../../../../src/vscode/report/explain-input';
import { ReportModel } from '../../../../src/vscode/report/report-model';
import { ExplainDiagnoseCommand } from '../../../../src/shared/report-protocol';
import { viewContext } from './fixtures';

const DNS_ERROR = 'Error response from daemon: Get "https://contoso.azurecr.io/v2/": dial tcp: lookup contoso.azurecr.io on 192.0.2.53:53: no such host';

describe('explain view (pasted error in the report)', () => {
  it('reads the clipboard unasked only where no prompt comes, and only error-like short text', () => {
    assert.equal(clipboardReadsSilently('desktop'), true);
    assert.equal(clipboardReadsSilently('web'), false);
    assert.equal(clipboardOffer(DNS_ERROR), DNS_ERROR);
    assert.equal(clipboardOffer('my shopping list'), undefined);
    assert.equal(clipboardOffer(`error ${'x'.repeat(5000)}`), undefined);
    assert.equal(clipboardOffer(undefined), undefined);
  });

  it('finds the login server the text names, not a data endpoint host', () => {
    assert.equal(namedLoginServer(DNS_ERROR), 'contoso.azurecr.io');
    assert.equal(namedLoginServer('GET https://contoso.westeurope.data.azurecr.io/x: i/o timeout'), undefined);
    assert.equal(namedLoginServer('docker push FABRIKAM.azurecr.io/app: denied'), 'fabrikam.azurecr.io');
    assert.equal(namedLoginServer('connection refused'), undefined);
  });

  for (const lang of ['en', 'nl'] as const) {
    it(`shows each cause with what matched, its fixes and no unfilled value (${lang})`, () => {
      const target = parseRegistryInput('contoso.azurecr.io');
      const model = new ReportModel(target.loginServer, viewContext(lang), true);
      model.setExplain(DNS_ERROR, explainText(DNS_ERROR, target), namedLoginServer(DNS_ERROR));
      const ex = model.state.explain;
      assert.ok(ex);
      assert.equal(ex.registry, 'contoso.azurecr.io');
      const dns = ex.causes.find((c) => c.causeId === 'network.dns-resolution-failed');
      assert.ok(dns, JSON.stringify(ex.causes.map((c) => c.causeId)));
      assert.ok(dns.matched?.some((m) => /no such host|lookup contoso/i.test(m)), JSON.stringify(dns.matched));
      assert.ok(dns.fixes.length > 0);
      assert.match(dns.docsUrl, lang === 'nl' ? /nl-nl/ : /en-us/);
      for (const c of ex.causes) assert.doesNotMatch(`${c.title} ${c.explanation}`, /\{[a-zA-Z]+\}|…/, c.causeId);
    });
  }

  for (const lang of ['en', 'nl'] as const) {
    it(`says what it read from the text and, for a bare "unauthorized", what tells the causes apart (${lang})`, () => {
      const target = parseRegistryInput('contoso.azurecr.io');
      const model = new ReportModel(target.loginServer, viewContext(lang), true);
      const bare = 'Error response from daemon: Get "https://contoso.azurecr.io/v2/": unauthorized: authentication required';
      model.setExplain(bare, explainText(bare, target), namedLoginServer(bare), explainSummary(bare));
      const ex = model.state.explain!;
      assert.equal(ex.understood, lang === 'nl' ? 'docker aanmelding van contoso.azurecr.io' : 'docker login of contoso.azurecr.io');
      assert.ok(ex.tellApart && ex.tellApart.length >= 3, JSON.stringify(ex.tellApart));
      assert.ok(ex.tellApart.every((x) => x.title && x.check && x.title !== x.causeId), JSON.stringify(ex.tellApart));
      if (lang === 'nl') assert.match(ex.tellApart[0].check, /aan/);
      assert.equal(ex.bareSignal, '401');
      // A bare 403: the firewall causes, each with its check.
      const forbidden = 'Error response from daemon: login attempt to https://contoso.azurecr.io/v2/ failed with status: 403 Forbidden';
      model.setExplain(forbidden, explainText(forbidden, target), namedLoginServer(forbidden), explainSummary(forbidden));
      const fx = model.state.explain!;
      assert.equal(fx.bareSignal, '403');
      assert.deepEqual(fx.tellApart!.map((x) => x.causeId).slice(0, 2), ['network.ip-rule-excludes-client', 'network.public-access-disabled']);
      assert.match(fx.tellApart![0].check, lang === 'nl' ? /firewallregels/ : /firewall rules/);
      model.setExplain(DNS_ERROR, explainText(DNS_ERROR, target), namedLoginServer(DNS_ERROR), explainSummary(DNS_ERROR));
      assert.equal(model.state.explain!.tellApart, undefined);
    });
  }

  it('"Diagnose <registry>" takes no parameters from the webview', () => {
    assert.ok(ExplainDiagnoseCommand.is({ method: 'explain/diagnose', params: {} }));
    assert.ok(!ExplainDiagnoseCommand.is({ method: 'explain/diagnose', params: { registry: 'evil.azurecr.io' } }));
  });
});
