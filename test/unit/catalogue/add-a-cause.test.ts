// The contract of "add a cause" (src/core/engine/README.md): a cause is a record with Dutch text,
// a check that can report it and a sandbox scenario that injects it, or a written exemption here.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCauses, CAUSE_IDS } from '../../../src/core/catalogue/index';
import type { CauseId } from '../../../src/core/catalogue/types';
import { SCENARIOS } from '../../../sandbox/scenarios/index';

/** Causes no check reports, with why. */
const NO_CHECK: Partial<Record<CauseId, string>> = {
  'helm.version-too-old': 'az acr check-health\'s HELM_* codes: only `explain` matches it from pasted output; the diagnosis does not run Helm.',
};

/** Causes no sandbox scenario injects, with why. */
const NO_SCENARIO: Partial<Record<CauseId, string>> = {
  'helm.version-too-old': 'no check reports it (see NO_CHECK), so no run could show it.',
  'credentials.stale-docker-credential': 'not injected yet: it needs a Docker credential store holding a password the simulator has since rotated; the stored-credential check reports it.',
};

const CHECKS_DIR = join(__dirname, '../../../src/core/checks');
const checkSources = readdirSync(CHECKS_DIR, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(CHECKS_DIR, f), 'utf8'));
/** A check can report `id` when its source names it (CauseId is a union, so the name is the literal). */
const reportedByACheck = (id: string) => checkSources.some((text) => text.includes(`'${id}'`));
const injected = new Set<string>(SCENARIOS.flatMap((s) => [s.info.expectedCause ?? '', ...(s.info.alsoExpected ?? [])]));

describe('add a cause: record, check, scenario, Dutch text', () => {
  it('finds the checks\' sources and the scenarios (the scan sees something)', () => {
    assert.ok(checkSources.length > 20, `${checkSources.length} check files`);
    assert.ok(reportedByACheck('network.dns-resolution-failed') && !reportedByACheck('network.no-such-cause'));
    assert.ok(injected.size > 40, `${injected.size} injected causes`);
  });

  it('every cause id has exactly one record', () => {
    assert.equal(new Set(CAUSE_IDS).size, CAUSE_IDS.length, 'duplicate record ids');
  });

  it('every cause is reported by a check, or is exempt with a reason', () => {
    const missing = CAUSE_IDS.filter((id) => !reportedByACheck(id) && !NO_CHECK[id]);
    assert.deepEqual(missing, [], 'no check under src/core/checks names these causes: add the check, or an exemption with why');
  });

  it('every cause is injected by a sandbox scenario (sandbox/scenarios), or is exempt with a reason', () => {
    const missing = CAUSE_IDS.filter((id) => !injected.has(id) && !NO_SCENARIO[id]);
    assert.deepEqual(missing, [], 'no scenario expects these causes: add one (expectedCause), or an exemption with why');
  });

  it('exemptions are current: each names a cause that still lacks what it excuses, with a reason', () => {
    for (const [id, why] of Object.entries(NO_CHECK)) {
      assert.ok((CAUSE_IDS as readonly string[]).includes(id) && !reportedByACheck(id), `NO_CHECK ${id} is stale`);
      assert.ok(why && why.length > 20, `NO_CHECK ${id} needs a reason`);
    }
    for (const [id, why] of Object.entries(NO_SCENARIO)) {
      assert.ok((CAUSE_IDS as readonly string[]).includes(id) && !injected.has(id), `NO_SCENARIO ${id} is stale`);
      assert.ok(why && why.length > 20, `NO_SCENARIO ${id} needs a reason`);
    }
  });

  it('every scenario expects a cause that has a record', () => {
    const known = new Set<string>(CAUSE_IDS);
    for (const s of SCENARIOS) for (const c of [s.info.expectedCause, ...(s.info.alsoExpected ?? [])]) {
      if (c) assert.ok(known.has(c), `scenario ${s.info.name} expects ${c}, which has no record`);
    }
  });

  it('every cause has Dutch text: title, explanation and fix titles, not the English copied', () => {
    for (const c of allCauses()) {
      for (const [what, t] of [['title', c.title], ['explanation', c.explanation], ...c.fixes.map((f, i) => [`fix ${i}`, f.title] as const)] as const) {
        assert.ok(t.en.trim() && t.nl.trim(), `${c.id}: ${what} lacks English or Dutch`);
      }
      assert.ok(c.title.nl !== c.title.en || c.explanation.nl !== c.explanation.en, `${c.id}: the Dutch is the English`);
    }
  });
});
