import assert from 'node:assert/strict';
import { docsUrl, getCause } from '../../../../src/core/catalogue/index';
import { findRegistryReferences } from '../../../../src/core/references';
import { problemsFor, type ProblemContext } from '../../../../src/vscode/problems/problem-entries';
import { finding, report } from '../report/fixtures';

const ctx = (latest: ProblemContext['latest'] = () => undefined): ProblemContext =>
  ({ lang: 'en', getCause, docsUrl: (c) => docsUrl(c, 'en-us'), latest });

describe('problems: entries for registry references', () => {
  const text = 'FROM Contoso.azurecr.io/a:1\nFROM contoso.azurecr.io/b:1\nFROM fabrikam.azurecr.io/c\n';
  const refs = findRegistryReferences('/w/Dockerfile', text);

  it('names upper case with a suggestion and the docs anchor, without a diagnosis', () => {
    const entries = problemsFor(refs, ctx());
    assert.deepEqual(entries.map((e) => [e.ref.range.line, e.causeId, e.suggestion, e.fromDiagnosis]), [[0, 'name.upper-case', 'contoso.azurecr.io', false]]);
    assert.equal(entries[0].docsUrl, 'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-troubleshoot-login-authn-authz#specify-correct-registry-name');
  });

  it('adds the latest diagnosis causes to every reference of that registry only', () => {
    const fail = finding({ checkId: 'net.challenge', status: 'fail', causeId: 'network.ip-rule-excludes-client' });
    const latest = (ls: string) => (ls === 'contoso.azurecr.io'
      ? report([fail], [{ causeId: 'network.ip-rule-excludes-client', rank: 1, checkIds: ['net.challenge'], status: 'fail', fixes: [] }])
      : undefined);
    const entries = problemsFor(refs, ctx(latest)).filter((e) => e.fromDiagnosis);
    assert.deepEqual(entries.map((e) => [e.ref.range.line, e.causeId, e.severity, e.loginServer]), [
      [0, 'network.ip-rule-excludes-client', 'error', 'contoso.azurecr.io'],
      [1, 'network.ip-rule-excludes-client', 'error', 'contoso.azurecr.io'],
    ]);
  });
});
