import { strict as assert } from 'node:assert';
import { allCauses } from '../../../src/core/catalogue/index';
import { localizeWithoutValues } from '../../../src/core/catalogue/without-values';

describe('cause text without values', () => {
  it('leaves no placeholder or "…" in any cause, English and Dutch', () => {
    for (const c of allCauses()) for (const lang of ['en', 'nl'] as const) {
      for (const text of [c.title, c.explanation]) {
        const out = localizeWithoutValues(text, lang);
        assert.doesNotMatch(out, /\{[a-zA-Z]+\}|\(\s*\)| [.,;]/, `${c.id} ${lang}: ${out}`);
        // An ellipsis the record itself writes (a challenge's `realm=…`) is text, not a missing value.
        assert.equal(out.split('…').length, text[lang].split('…').length, `${c.id} ${lang}: ${out}`);
      }
    }
  });

  it('fills the values it has and words the rest in general terms', () => {
    const text = { en: 'DNS resolves {loginServer} to {resolvedIp} ({privateIp}).', nl: 'DNS zet {loginServer} om naar {resolvedIp} ({privateIp}).' };
    assert.equal(localizeWithoutValues(text, 'en', { loginServer: 'contoso.azurecr.io' }), 'DNS resolves contoso.azurecr.io to another (public) address.');
    assert.equal(localizeWithoutValues(text, 'nl', {}), 'DNS zet de aanmeldingsserver om naar een ander (openbaar) adres.');
    assert.equal(localizeWithoutValues(text, 'en', { loginServer: 'a.azurecr.io', resolvedIp: '20.1.2.3', privateIp: '10.0.0.4' }), 'DNS resolves a.azurecr.io to 20.1.2.3 (10.0.0.4).');
  });
});
