import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { explainText } from '../../../src/core/explain';
import { getCause } from '../../../src/core/catalogue/index';
import { redact } from '../../../src/core/text/redact';
import { acceptableFor, CORPUS_DIR, type CorpusEntry, GUID, judge, loadCorpus, rates, SANDBOX_GUIDS } from '../../support/explain-corpus';
import { composeFromSource } from '../../integration/corpus/from-source';

// test/data/explain-corpus: texts real clients printed against the sandbox (`npm run corpus`) and
// samples written from each tool's source, each with the cause that produced it.
const corpus = loadCorpus();
const recorded = corpus.filter((e) => e.source === 'recorded');

describe('explain corpus (test/data/explain-corpus)', () => {
  it('holds recorded texts from every client the recorder runs, and samples from source for the others', () => {
    const clients = new Set(recorded.map((e) => e.client));
    for (const c of ['docker', 'podman', 'skopeo', 'buildah', 'curl', 'az-acr-login', 'az-acr-repository', 'ctr', 'ctr-hosts-dir', 'azure-sdk-js', 'dockerode', 'docker-py']) assert.ok(clients.has(c), `no recorded text from ${c}`);
    assert.ok(recorded.length >= 100, `only ${recorded.length} recorded texts`);
    const fromSource = new Set(corpus.filter((e) => e.source !== 'recorded').map((e) => e.client));
    for (const c of ['helm', 'helm-repo', 'buildkit', 'buildx', 'kubelet', 'nerdctl', 'oras', 'crane', 'github-actions', 'azure-pipelines', 'docker-sdk', 'az-acr-import', 'az-acr-build']) assert.ok(fromSource.has(c), `no sample from ${c}`);
  });

  it('holds the composed texts exactly as test/integration/corpus/from-source.ts composes them (npm run corpus:from-source)', () => {
    const composed = composeFromSource();
    const dir = path.join(CORPUS_DIR, 'from-source');
    const onDisk = fs.readdirSync(dir).filter((f) => f.startsWith('composed-')).sort()
      .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CorpusEntry[]);
    const key = (e: CorpusEntry) => `${e.client}/${e.scenario}/${e.operation}`;
    assert.deepEqual(onDisk.sort((a, b) => key(a).localeCompare(key(b))), composed.sort((a, b) => key(a).localeCompare(key(b))));
    // Every tool meets most of the sixteen faults: at least eight texts each.
    for (const t of new Set(composed.map((e) => e.client))) assert.ok(composed.filter((e) => e.client === t).length >= 8, `only a few texts from ${t}`);
  });

  it('names only causes the catalogue has, and every sample names its source', () => {
    for (const e of corpus) {
      assert.ok(getCause(e.expectedCause), `${e.client}/${e.scenario}: unknown cause ${e.expectedCause}`);
      for (const a of [...e.acceptable, ...acceptableFor(e.expectedCause)]) assert.ok(getCause(a), `${e.client}/${e.scenario}: unknown alternative ${a}`);
      if (e.source !== 'recorded') assert.ok(e.source.from && e.source.ref, `${e.client}/${e.scenario}: no source named`);
      assert.ok(e.text.trim().length > 0, `${e.client}/${e.scenario}: empty text`);
    }
  });

  it('carries no secret: nothing left to redact, no JWT or basic-auth shape, no GUID but the sandbox\'s, no temp path', () => {
    for (const e of corpus) {
      const where = `${e.client}/${e.scenario}`;
      for (const t of [e.text, e.command ?? '']) {
        assert.equal(redact(t), t, `${where}: redaction still finds something`);
        assert.doesNotMatch(t, /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, `${where}: a JWT shape`);
        assert.doesNotMatch(t, /\b(?:Basic|Bearer) (?!\*\*\*)[A-Za-z0-9+/=._-]{16,}/, `${where}: an authorization value`);
        // ("username/password: unauthorized: …" is containers/image's chain, not a value.)
        assert.doesNotMatch(t, /(?:password|passwd|secret)[=:]\s*(?!\*\*\*|unauthorized\b|invalid\b)[^\s'"]{6,}/i, `${where}: a password value`);
        assert.doesNotMatch(t, /\/tmp\/acr-|\/tmp\/tmp|acr-sandbox-/, `${where}: a temp path`);
        for (const g of t.match(GUID) ?? []) assert.ok(SANDBOX_GUIDS.has(g.toLowerCase()), `${where}: GUID ${g} is not one of the sandbox's`);
      }
    }
  });

  it('explain ranks each text\'s cause first, or one the text cannot tell from it first with the cause (or only such causes) in the top 3', () => {
    const verdicts = corpus.map((e) => judge(e, explainText(e.text).matches.map((m) => m.causeId)));
    const failed = verdicts.filter((v) => !v.pass);
    const table = rates(verdicts).map((r) => `${r.client}: ${r.pass}/${r.texts}`).join(', ');
    assert.equal(failed.length, 0, `${failed.length} texts misread (${table}):\n${failed.map((v) => `  ${v.entry.client}/${v.entry.scenario}: expected ${v.entry.expectedCause}, ranked ${v.ranked.slice(0, 3).join(', ') || 'nothing'}`).join('\n')}`);
  });
});
