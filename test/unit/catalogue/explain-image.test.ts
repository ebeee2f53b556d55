import { strict as assert } from 'node:assert';
import { explainText } from '../../../src/core/explain';
import { hostProblems } from '../../../src/core/explain-hosts';

const first = (t: string) => explainText(t).matches[0]?.causeId;

describe('explain: errors about an image and the registry names they quote', () => {
  it('maps a missing tag, a missing repository, a missing platform, a lock', () => {
    assert.equal(first('Error response from daemon: manifest for contoso.azurecr.io/app:1.4 not found: manifest unknown: manifest tagged by "1.4" is not found'), 'image.tag-not-found');
    assert.equal(first('Error response from daemon: name unknown: repository name not known to registry'), 'image.repository-not-found');
    // ACR answers a missing repository with NAME_UNKNOWN; "pull access denied … denied" is a refused right
    // (test/data/explain-corpus/docker/missing-acrpull.json), the missing repository still listed.
    const pullDenied = explainText("Error response from daemon: pull access denied for contoso.azurecr.io/nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied").matches.map((m) => m.causeId);
    assert.equal(pullDenied[0], 'authz.missing-acrpull');
    assert.ok(pullDenied.includes('image.repository-not-found'), pullDenied.join(', '));
    assert.equal(first('failed to resolve reference "contoso.azurecr.io/app:1.4": contoso.azurecr.io/app:1.4: not found'), 'image.tag-not-found');
    const platform = explainText('no matching manifest for linux/arm64/v8 in the manifest list entries');
    assert.equal(platform.matches[0]?.causeId, 'image.platform-missing');
    assert.equal(platform.params.platform, 'linux/arm64/v8');
    assert.equal(first('denied: The operation is disallowed on this registry, repository or image.'), 'image.locked');
    const denied = explainText('denied: requested access to the resource is denied').matches.map((m) => m.causeId);
    assert.equal(denied[0], 'authz.missing-acrpush');
    assert.ok(denied.includes('image.locked') && denied.includes('image.repository-not-found'));
    assert.equal(first('invalid reference format: repository name must be lowercase'), 'name.upper-case');
  });

  it('judges the registry names an error quotes like typed ones, in English and Dutch', () => {
    const upper = explainText('Error response from daemon: Get "https://Contoso.azurecr.io/v2/": unauthorized: authentication required');
    assert.ok(upper.matches.some((m) => m.causeId === 'name.upper-case'));
    assert.equal(upper.params.suggestedLoginServer, 'contoso.azurecr.io');
    assert.match(upper.localizedNotes.map((n) => n.nl).join(' '), /Contoso\.azurecr\.io bevat hoofdletters/);
    const suffix = explainText('dial tcp: lookup contoso.azurecr.com on 10.0.0.2:53: no such host');
    assert.equal(suffix.matches[0]?.causeId, 'name.wrong-cloud-suffix');
    assert.equal(suffix.params.suggestedLoginServer, 'contoso.azurecr.io');
    assert.deepEqual(hostProblems('lookup contoso.azurcr.io: no such host').map((p) => [p.causeId, p.suggestion]), [['name.wrong-cloud-suffix', 'contoso.azurecr.io']]);
    assert.deepEqual(hostProblems('x509: certificate is valid for *.azurecr.io, not contoso.privatelink.azurecr.io').map((p) => [p.causeId, p.suggestion]), [['name.resource-name-vs-login-server', 'contoso.azurecr.io']]);
    assert.deepEqual(hostProblems('Get https://contoso.westeurope.data.azurecr.io/blobs/x: i/o timeout; contoso.azurecr.cn; login.microsoftonline.com'), []);
    assert.deepEqual(hostProblems('fabrikam.azurecr.us/app:1'), []);
    assert.equal(hostProblems('a.'.repeat(40000)).length, 0);
  });
});
