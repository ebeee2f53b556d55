import * as assert from 'node:assert/strict';
import { defaultOperation, formatImage, parseIdentity, parseImageInRegistry, parseRegistryAndImage, TargetInputError } from '../../../src/core/registry/image-reference';
import { RegistryInputError } from '../../../src/core/registry/target';

const SHA = 'a'.repeat(64);

describe('image reference (the target of a diagnosis)', () => {
  it('splits registry, repository, tag and digest', () => {
    const r = parseRegistryAndImage(`contoso.azurecr.io/team/app:1.4@sha256:${SHA}`);
    assert.equal(r.registry.loginServer, 'contoso.azurecr.io');
    assert.deepEqual(r.image, { repository: 'team/app', tag: '1.4', digest: `sha256:${SHA}` });
    assert.deepEqual(parseRegistryAndImage('contoso.azurecr.io/app').image, { repository: 'app' });
    assert.equal(parseRegistryAndImage('contoso.azurecr.io').image, undefined);
    assert.equal(parseRegistryAndImage('contoso.azurecr.io/').image, undefined);
    assert.equal(formatImage(parseImageInRegistry('app:v1')), 'app:v1');
  });

  it('keeps the registry name checks (upper case host is an input issue, not an error)', () => {
    const r = parseRegistryAndImage('Contoso.azurecr.io/app:1');
    assert.deepEqual(r.registry.inputIssues, ['upperCase']);
    assert.throws(() => parseRegistryAndImage('evil.example.com/app'), RegistryInputError);
  });

  it('names what is wrong with a malformed image', () => {
    assert.throws(() => parseImageInRegistry('App:1'), /lower case/);
    assert.throws(() => parseImageInRegistry('app:-x'), /not a tag/);
    assert.throws(() => parseImageInRegistry('app@sha256:abc'), (e: unknown) => e instanceof TargetInputError && /3 characters after 'sha256:', not 64/.test(e.message));
    assert.throws(() => parseImageInRegistry('app@md5'), /not a digest/);
    assert.throws(() => parseImageInRegistry('a//b'), /not a repository name/);
    assert.throws(() => parseImageInRegistry('x'.repeat(300)), /longer than 255/);
  });

  it('reads every identity kind and refuses unknown ones with the list', () => {
    assert.deepEqual(parseIdentity('azure'), { kind: 'azure' });
    assert.deepEqual(parseIdentity('aks:my-cluster'), { kind: 'aks', cluster: 'my-cluster' });
    assert.deepEqual(parseIdentity('MI:0A000000-0000-0000-0000-000000000001'), { kind: 'mi', clientId: '0a000000-0000-0000-0000-000000000001' });
    assert.deepEqual(parseIdentity('token:ci-token'), { kind: 'token', name: 'ci-token' });
    assert.throws(() => parseIdentity('mi:abc'), /GUID/);
    assert.throws(() => parseIdentity('aks'), /cluster's name/);
    assert.throws(() => parseIdentity('root'), /use one of azure, docker, sp, admin, token, exposed-token, aks:<cluster>, mi:<client-id>/);
  });

  it('defaults to pull when an image is named, else login', () => {
    assert.equal(defaultOperation(undefined), 'login');
    assert.equal(defaultOperation({ repository: 'app' }), 'pull');
  });
});
