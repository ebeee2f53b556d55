import { strict as assert } from 'node:assert';
import { CAUSE_IDS } from '../../../src/core/catalogue/index';
import { getCause } from '../../../src/core/catalogue/index';
import { IMAGE_CAUSES } from '../../../src/core/catalogue/image-causes';
import { DOCS_ANCHORS } from '../../../src/core/catalogue/sections';
import { resolveFixes, baseParams } from '../../../src/core/engine/fixes';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { explainText } from '../../../src/core/explain';
import { say } from '../../../src/core/text/say';
import { joinMessages, msg } from '../../../src/core/text/message';
import { relative } from '../../../src/core/text/dates';

describe('catalogue: image causes', () => {
  it('has a record for every image cause id', () => {
    for (const id of CAUSE_IDS.filter((x) => x.startsWith('image.'))) assert.ok(getCause(id), id);
    assert.equal(IMAGE_CAUSES.length, CAUSE_IDS.filter((x) => x.startsWith('image.')).length);
  });
  for (const c of IMAGE_CAUSES) {
    it(`${c.id}: English and Dutch, a valid docs anchor, fixes, lower-case symptoms that explain finds`, () => {
      for (const t of [c.title, c.explanation, c.sectionTitle]) {
        assert.ok(t.en.trim().length > 10 && t.nl.trim().length > 10);
        assert.notEqual(t.en, t.nl);
      }
      assert.ok(DOCS_ANCHORS[c.docs.page]?.includes(c.docs.anchor), `${c.docs.page}#${c.docs.anchor}`);
      for (const f of c.fixes) {
        assert.ok(f.title.en && f.title.nl && f.title.en !== f.title.nl);
        if (f.kind === 'openDocs') assert.ok(DOCS_ANCHORS[f.docs!.page]?.includes(f.docs!.anchor), `fix ${f.docs!.page}#${f.docs!.anchor}`);
        else assert.ok(f.command);
      }
      assert.ok(c.symptoms.length);
      for (const s of c.symptoms) {
        assert.equal(s, s.toLowerCase());
        assert.ok(explainText(`Error response from daemon: ${s}`).matches.some((m) => m.causeId === c.id), `explain finds ${c.id} in "${s}"`);
      }
    });
  }
  it('fills the tag fix with the nearest tag and leaves it out without one', () => {
    const t = parseRegistryInput('contoso');
    const cause = getCause('image.tag-not-found');
    const withTag = resolveFixes(cause, { ...baseParams(t), repository: 'hello', nearestTag: 'v1' }).map((f) => f.command);
    assert.ok(withTag.includes('docker pull contoso.azurecr.io/hello:v1'), withTag.join(' | '));
    const without = resolveFixes(cause, { ...baseParams(t), repository: 'hello' }).map((f) => f.command);
    assert.ok(!without.some((c) => c?.startsWith('docker pull')));
    assert.ok(without.includes('az acr repository show-tags --name contoso --repository hello --orderby time_desc --output table'));
  });
  it('words the judged identity\'s token expiry in Dutch, in the expiry list', () => {
    const now = new Date('2026-12-07T03:00:30Z');
    const lines = joinMessages([
      msg('exposed token until {at} ({when}; such tokens live 3 hours)', { at: '2026-12-07T06:00:00Z', when: relative(new Date('2026-12-07T06:00:00Z'), now) }),
      msg('the token docker stored until {at} ({when})', { at: '2026-12-07T05:00:00Z', when: relative(new Date('2026-12-07T04:05:30Z'), now) }),
    ]);
    assert.equal(say(msg('{lines}.', { lines }), 'nl'),
      'blootgesteld token tot 2026-12-07T06:00:00Z (over 2 h 59 min; zulke tokens zijn 3 uur geldig); het token dat docker heeft opgeslagen tot 2026-12-07T05:00:00Z (over 1 h 5 min).');
  });
});
