import { strict as assert } from 'node:assert';
import { answerFromExplain, answerMarkdown } from '../../../src/core/agent/answer';
import { explainText } from '../../../src/core/explain';

describe('agent answer from a pasted error', () => {
  for (const locale of ['en', 'nl'] as const) {
    it(`says what it read from the text and what tells a bare unauthorized's causes apart (${locale})`, () => {
      const md = answerMarkdown(answerFromExplain(explainText('Error response from daemon: Get "https://contoso.azurecr.io/v2/": unauthorized: authentication required'), locale), locale);
      assert.match(md, locale === 'nl' ? /Uit de tekst gelezen: docker aanmelding van contoso\.azurecr\.io/ : /Read from the text: docker login of contoso\.azurecr\.io/);
      assert.match(md, locale === 'nl' ? /docker login\): wordt ook dat geweigerd/ : /docker login\): if that is refused too/);
    });
  }
});
