import { strict as assert } from 'node:assert';
import { toSarif } from '../../../src/cli/render-sarif';
import type { DiagnosisReport } from '../../../src/core/engine/types';
import { parseRegistryInput } from '../../../src/core/registry/target';

const report: DiagnosisReport = {
  target: parseRegistryInput('contoso.azurecr.io'), startedAt: new Date(0).toISOString(), durationMs: 1, budgetExceeded: false, findings: [],
  causes: [{ causeId: 'network.dns-resolution-failed', rank: 1, checkIds: ['net.dns'], status: 'fail', fixes: [] }],
};
type Sarif = { runs: { tool: { driver: { rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } }; results: { ruleId: string }[] }[] };

describe('SARIF output', () => {
  it("carries each cause's rule id and its docs link in the user's language", () => {
    const en = toSarif(report, '1') as Sarif;
    const nl = toSarif(report, '1', 'nl') as Sarif;
    assert.equal(en.runs[0].results[0].ruleId, 'network.dns-resolution-failed');
    assert.match(en.runs[0].tool.driver.rules[0].helpUri, /learn\.microsoft\.com\/en-us\//);
    assert.match(nl.runs[0].tool.driver.rules[0].helpUri, /learn\.microsoft\.com\/nl-nl\//);
    assert.notEqual(nl.runs[0].tool.driver.rules[0].shortDescription.text, en.runs[0].tool.driver.rules[0].shortDescription.text);
  });
});
