// SARIF 2.1.0: one rule per catalogue cause found, one result per ranked cause.
import type { DiagnosisReport } from '../core/engine/types';
import { getCause, docsUrl, localize, type Locale } from '../core/catalogue/index';
import type { SourceLocation } from './reference-source';

/**
 * `locale`: the language of the texts and docs links (code scanning shows them as they are).
 * `source`: the file line that names the image (`--from`); results point there, else at the registry.
 */
export function toSarif(report: DiagnosisReport, version: string, locale: Locale = 'en', source?: SourceLocation): unknown {
  const registry = { physicalLocation: { artifactLocation: { uri: `https://${report.target.loginServer}/` } } };
  const locations = source ? [{
    physicalLocation: {
      artifactLocation: source.uri.startsWith('file:') ? { uri: source.uri } : { uri: source.uri, uriBaseId: '%SRCROOT%' },
      region: { startLine: source.startLine, startColumn: source.startColumn, endColumn: source.endColumn },
    },
  }] : [registry];
  const rules = report.causes.map((rc) => {
    const c = getCause(rc.causeId);
    return {
      id: rc.causeId,
      name: rc.causeId.replace(/[^A-Za-z0-9]+(.)/g, (_m, ch: string) => ch.toUpperCase()),
      shortDescription: { text: c ? localize(c.title, locale) : rc.causeId },
      fullDescription: { text: c ? localize(c.explanation, locale) : rc.causeId },
      helpUri: c ? docsUrl(c, locale) : undefined,
      properties: { checkHealthCode: c?.checkHealthCode, seed: c?.seed, section: c?.section },
    };
  });
  const results = report.causes.map((rc, i) => {
    const findings = report.findings.filter((f) => rc.checkIds.includes(f.checkId));
    return {
      ruleId: rc.causeId, ruleIndex: i,
      level: rc.status === 'fail' ? 'error' : 'warning',
      rank: Math.max(0, 100 - (rc.rank - 1) * 10),
      message: { text: findings.map((f) => `${f.title}: ${f.message}`).join('\n') || rc.causeId },
      locations,
      ...(source ? { relatedLocations: [{ id: 1, ...registry, message: { text: report.target.loginServer } }] } : {}),
      fixes: rc.fixes.filter((f) => f.command).map((f) => ({ description: { text: `${localize(f.title, locale)}: ${f.command}` }, artifactChanges: [] })),
      properties: { checks: rc.checkIds, evidence: findings.map((f) => f.evidence) },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'acr-doctor', version, informationUri: 'https://learn.microsoft.com/azure/container-registry/container-registry-troubleshoot-access', rules } },
      invocations: [{ executionSuccessful: true, startTimeUtc: report.startedAt, properties: { durationMs: report.durationMs, budgetExceeded: report.budgetExceeded } }],
      results,
    }],
  };
}
