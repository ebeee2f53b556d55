// The header form's messages (target/set, target/pickIdentity, target/suggest) and a restored
// panel's target: only well-formed ones pass, and no field can carry a secret or markup through.
import assert from 'node:assert/strict';
import {
  isIdentitySpec, isTargetView, MAX_IMAGE_CHARS, PickIdentityCommand, SetTargetCommand, SuggestImagesCommand, WEBVIEW_COMMANDS,
} from '../../../../src/shared/report-protocol';
import { imageOfText } from '../../../../src/vscode/report/target/diagnosis-target';
import { credentialsOf, EXPOSED_TOKEN_USER, secretKeyOf } from '../../../../src/vscode/report/target/identity-credentials';
import { EXPOSED_TOKEN_USER as TOKEN_FLOW_EXPOSED_USER } from '../../../../src/core/acr/token-flow';

const accepted = (msg: unknown) => WEBVIEW_COMMANDS.filter((c) => c.is(msg)).map((c) => c.method);
const SP = '1b2c3d4e-0000-4000-8000-00000000abcd';

describe('report protocol: the target form', () => {
  it('accepts a well-formed target, identity pick and suggestion request, each only as itself', () => {
    assert.deepEqual(accepted({ method: 'target/set', params: { image: 'hello:v1', operation: 'pull' }, req: 4 }), ['target/set']);
    assert.deepEqual(accepted({ method: 'target/set', params: { image: '', operation: 'login' } }), ['target/set']);
    assert.deepEqual(accepted({ method: 'target/pickIdentity', params: {}, req: 5 }), ['target/pickIdentity']);
    assert.deepEqual(accepted({ method: 'target/suggest', params: { text: 'team/' } }), ['target/suggest']);
    assert.ok(SetTargetCommand.is({ method: 'target/set', params: { image: `a:${'b'.repeat(100)}`, operation: 'push' } }));
    assert.ok(PickIdentityCommand.is({ method: 'target/pickIdentity' }));
    assert.ok(SuggestImagesCommand.is({ method: 'target/suggest', params: { text: '' } }));
  });

  it('rejects hostile target messages', () => {
    const hostile: unknown[] = [
      { method: 'target/set', params: { image: 'hello', operation: 'delete' } },
      { method: 'target/set', params: { image: 'hello', operation: 'PULL' } },
      { method: 'target/set', params: { image: 'hello' } },
      { method: 'target/set', params: { image: 42, operation: 'pull' } },
      { method: 'target/set', params: { image: 'x'.repeat(MAX_IMAGE_CHARS + 1), operation: 'pull' } },
      { method: 'target/set', params: { image: 'hello world', operation: 'pull' } },
      { method: 'target/set', params: { image: 'a\u0000b', operation: 'pull' } },
      { method: 'target/set', params: { image: '<img src=x onerror=alert(1)>', operation: 'pull' } },
      // Nothing beyond image and operation: a secret or an identity cannot ride along.
      { method: 'target/set', params: { image: 'hello', operation: 'pull', password: 'hunter2' } },
      { method: 'target/set', params: { image: 'hello', operation: 'pull', identity: { kind: 'sp', clientId: SP } } },
      { method: 'target/pickIdentity', params: { kind: 'sp', secret: 'x' } },
      { method: 'target/suggest', params: { text: 'a'.repeat(10_000) } },
      { method: 'target/suggest', params: { text: 'x', registry: 'evil.test' } },
      { method: 'target/suggest', params: 'hello' },
      { method: 'target/set', params: { image: 'hello', operation: 'pull' }, req: 'x' },
    ];
    for (const msg of hostile) assert.deepEqual(accepted(msg), [], JSON.stringify(msg).slice(0, 200));
  });

  it('takes a restored target only when every field is well-formed', () => {
    const view = { image: 'hello:v1', operation: 'pull', identity: { kind: 'sp', clientId: SP }, identityLabel: 'Service principal' };
    assert.ok(isTargetView(view));
    assert.ok(isTargetView({ operation: 'login', identity: { kind: 'azure' }, identityLabel: 'Azure sign-in' }));
    for (const bad of [
      { ...view, operation: 'rm' },
      { ...view, identity: { kind: 'sp', clientId: SP, secret: 'x' } },
      { ...view, identity: { kind: 'root' } },
      { ...view, image: 'x'.repeat(MAX_IMAGE_CHARS + 1) },
      { ...view, password: 'hunter2' },
      null, 'pull', [],
    ]) assert.equal(isTargetView(bad), false, JSON.stringify(bad));
  });

  it('knows every identity kind with its own fields only', () => {
    for (const good of [{ kind: 'azure' }, { kind: 'docker' }, { kind: 'sp' }, { kind: 'sp', clientId: SP }, { kind: 'admin' }, { kind: 'token', name: 'ci-pull' },
      { kind: 'exposed-token' }, { kind: 'aks', cluster: 'contoso-aks' }, { kind: 'mi', clientId: SP }]) assert.ok(isIdentitySpec(good), JSON.stringify(good));
    for (const bad of [{ kind: 'azure', password: 'x' }, { kind: 'sp', clientId: 'not-a-guid' }, { kind: 'token', name: 'abc' }, { kind: 'aks' },
      { kind: 'aks', cluster: '../x' }, { kind: 'mi' }, { kind: 'admin', username: 'x' }, { kind: 'other' }, {}]) assert.equal(isIdentitySpec(bad), false, JSON.stringify(bad));
  });
});

describe('report target: the image text and the identity\'s secret', () => {
  it('reads the image text of this registry, dropping its own login server', () => {
    assert.deepEqual(imageOfText('hello:v1', 'fabrikam.azurecr.io'), { repository: 'hello', tag: 'v1' });
    assert.deepEqual(imageOfText('fabrikam.azurecr.io/team/app', 'fabrikam.azurecr.io'), { repository: 'team/app' });
    assert.equal(imageOfText('  ', 'fabrikam.azurecr.io'), undefined);
  });

  it('refuses another registry\'s image and what is not an image, naming the problem', () => {
    assert.throws(() => imageOfText('contoso.azurecr.io/hello:v1', 'fabrikam.azurecr.io'), /another registry than fabrikam\.azurecr\.io/);
    assert.throws(() => imageOfText('Hello:v1', 'fabrikam.azurecr.io'), /lower case/);
    assert.throws(() => imageOfText('hello@sha256:abc', 'fabrikam.azurecr.io'), /64 lower-case hex digits/);
  });

  it('keys a secret by registry and identity, and builds the login docker would send', () => {
    assert.equal(secretKeyOf('Fabrikam.azurecr.io', { kind: 'sp', clientId: SP.toUpperCase() }), `acrDoctor.identity/fabrikam.azurecr.io/sp/${SP}`);
    assert.notEqual(secretKeyOf('a.azurecr.io', { kind: 'admin' }), secretKeyOf('b.azurecr.io', { kind: 'admin' }));
    assert.equal(secretKeyOf('a.azurecr.io', { kind: 'azure' }), undefined);
    assert.equal(secretKeyOf('a.azurecr.io', { kind: 'sp' }), undefined, 'no client id, nothing to key by');
    assert.deepEqual(credentialsOf('fabrikam.azurecr.io', { kind: 'admin' }, 'pw'), { kind: 'admin', username: 'fabrikam', password: 'pw' });
    assert.deepEqual(credentialsOf('fabrikam.azurecr.io', { kind: 'token', name: 'ci-pull' }, 'pw'), { kind: 'repositoryToken', username: 'ci-pull', password: 'pw' });
    assert.equal(credentialsOf('fabrikam.azurecr.io', { kind: 'exposed-token' }, 'eyJ')?.username, TOKEN_FLOW_EXPOSED_USER);
    assert.equal(EXPOSED_TOKEN_USER, TOKEN_FLOW_EXPOSED_USER);
    assert.equal(credentialsOf('fabrikam.azurecr.io', { kind: 'sp', clientId: SP }, undefined), undefined);
    assert.equal(credentialsOf('fabrikam.azurecr.io', { kind: 'aks', cluster: 'x' }, 'pw'), undefined);
  });
});
