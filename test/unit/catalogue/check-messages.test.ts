import assert from 'node:assert/strict';
import { checkMessageEntries, checkMessagePhrases, localizeCheckMessage } from '../../../src/core/catalogue/check-messages';

const placeholders = (s: string) => [...s.matchAll(/\{(@?\w+)\}/g)].map((m) => m[1]).sort();

describe('check messages in Dutch (catalogue/check-messages)', () => {
  it('keeps every placeholder of each English template in its Dutch wording', () => {
    for (const e of [...checkMessageEntries(), ...checkMessagePhrases()]) assert.deepEqual(placeholders(e.nl), placeholders(e.en), e.en);
  });

  it('turns each English template, filled in, into its Dutch wording with the same values', () => {
    for (const e of checkMessageEntries()) {
      let i = 0;
      const values = new Map<string, string>();
      const fill = (t: string) => t.replace(/\{(@?\w+)\}/g, (_m, n: string) => {
        if (!values.has(n)) values.set(n, `v${++i}x`);
        return values.get(n)!;
      });
      assert.equal(localizeCheckMessage(fill(e.en), 'nl'), fill(e.nl), e.en);
    }
  });

  it('translates real messages, reasons inside them too, and leaves English, unknown text and quoted errors alone', () => {
    assert.equal(localizeCheckMessage('connected to 192.0.2.20:443 in 3 ms', 'nl'), 'verbonden met 192.0.2.20:443 in 3 ms');
    assert.equal(localizeCheckMessage('GET /v2/ answered 403 Forbidden for client IP 192.0.2.1: default action Deny; IP rules 198.51.100.0/24 do not include 192.0.2.1', 'nl'),
      'GET /v2/ antwoordde 403 Forbidden voor client-IP 192.0.2.1: standaardactie Deny; de IP-regels 198.51.100.0/24 bevatten 192.0.2.1 niet');
    assert.equal(localizeCheckMessage('/tmp/d/config.json is valid; it holds no credential for contoso.azurecr.io yet (no docker login).', 'nl'),
      '/tmp/d/config.json is geldig; het bevat nog geen referentie voor contoso.azurecr.io (geen docker login).');
    assert.equal(localizeCheckMessage('not run: net.challenge did not pass', 'nl'), 'niet uitgevoerd: net.challenge is niet geslaagd');
    assert.equal(localizeCheckMessage('connected to 192.0.2.20:443 in 3 ms', 'en'), 'connected to 192.0.2.20:443 in 3 ms');
    assert.equal(localizeCheckMessage('something no check says', 'nl'), 'something no check says');
    // Lists joined by '; ' item by item, relative times inside them.
    assert.equal(localizeCheckMessage('Entra token until 2026-12-04T05:00:00Z (in 58 min); registry refresh token until 2026-12-04T07:00:00Z (in 2 h 58 min; ACR tokens live 3 hours, then log in again).', 'nl'),
      'Entra-token tot 2026-12-04T05:00:00Z (over 58 min); vernieuwingstoken van het register tot 2026-12-04T07:00:00Z (over 2 h 58 min; ACR-tokens zijn 3 uur geldig, meld u daarna opnieuw aan).');
    assert.equal(localizeCheckMessage('the certificate of a.example is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE); issued by Corp CA; the certificate of b.example is not trusted (SELF_SIGNED); issued by Corp CA', 'nl'),
      'het certificaat van a.example wordt niet vertrouwd (UNABLE_TO_VERIFY_LEAF_SIGNATURE); uitgegeven door Corp CA; het certificaat van b.example wordt niet vertrouwd (SELF_SIGNED); uitgegeven door Corp CA');
    // A list with one unknown item stays English as a whole rather than half translated.
    assert.equal(localizeCheckMessage('Entra token until X (in 5 min); something else', 'nl'), 'Entra token until X (in 5 min); something else');
    // docker's own words stay as docker prints them.
    assert.equal(localizeCheckMessage('docker pull contoso.azurecr.io/hello:v1 failed: unauthorized: authentication required', 'nl'),
      'docker pull contoso.azurecr.io/hello:v1 is mislukt: unauthorized: authentication required');
  });
});
