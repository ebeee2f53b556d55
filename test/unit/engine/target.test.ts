import { strict as assert } from 'node:assert';
import { judgesIdentity, targetImage, targetOperation, targetRepository, unresolvedIdentity, withTarget, UNRESOLVED_IDENTITY } from '../../../src/core/engine/target';
import { TargetInputError } from '../../../src/core/registry/image-reference';
import { allChecks } from '../../../src/core/checks/index';
import { parseRegistryInput } from '../../../src/core/registry/target';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';

const base = (): DiagnoseEnvironment => ({ proxy: {}, dockerConfigDir: '/nonexistent', now: () => new Date() });

describe('diagnosis target (engine/target)', () => {
  it('an image names the repository and means pull unless an operation is given', () => {
    const env = withTarget(base(), { image: { repository: 'team/app', tag: '1.4' } });
    assert.equal(env.repository, 'team/app');
    assert.equal(targetRepository(env), 'team/app');
    assert.equal(targetOperation(env), 'pull');
    assert.equal(targetOperation(withTarget(base(), { image: { repository: 'app' }, operation: 'push' })), 'push');
    assert.equal(targetOperation(base()), 'login');
    assert.equal(typeof env.now, 'function');
  });
  it('refuses a repository that is not the image\'s', () => {
    assert.throws(() => withTarget({ ...base(), repository: 'other' }, { image: { repository: 'app' } }), TargetInputError);
    assert.doesNotThrow(() => withTarget({ ...base(), repository: 'App:v1' }, { image: { repository: 'app' } }));
  });
  it('reads --repository repo:tag as an image, a bare repository as none', () => {
    assert.deepEqual(targetImage({ repository: 'hello:v1' }), { repository: 'hello', tag: 'v1' });
    assert.equal(targetImage({ repository: 'hello' }), undefined);
    assert.equal(targetRepository({ repository: 'Hello@sha256:' + 'a'.repeat(64) }), 'hello');
  });
  it('a named identity selects which credential checks run', () => {
    const t = parseRegistryInput('contoso');
    const azure = { credential: { getToken: async () => null }, armEndpoint: 'https://management.azure.com' };
    const ids = (env: DiagnoseEnvironment) => allChecks(t, env).filter((c) => !c.applies || c.applies(t, env)).map((c): string => c.id);
    const all = ids({ ...base(), azure });
    assert.ok(all.includes('login.credentials.aad') && all.includes('login.authz.aad') && !all.includes('login.authz.docker'));
    const docker = ids(withTarget({ ...base(), azure }, { identity: { kind: 'docker' } }));
    assert.ok(!docker.includes('login.credentials.aad') && !docker.includes('login.authz.aad') && docker.includes('login.authz.docker'));
    assert.equal(judgesIdentity({}, 'azure'), true);
    assert.equal(judgesIdentity({ identity: { kind: 'aks', cluster: 'c' } }, 'azure'), false);
  });
  it('finds the finding that could not resolve the identity', () => {
    assert.equal(unresolvedIdentity({ findings: [{ status: 'pass', message: 'x', evidence: {} }] }), undefined);
    assert.equal(unresolvedIdentity({ findings: [{ status: 'fail', message: 'no cluster c1', evidence: { [UNRESOLVED_IDENTITY]: true } }] }), 'no cluster c1');
  });
});

describe('what the user typed: registry and image (engine/diagnose splitImage)', () => {
  it('keeps the name faults of what was typed, and takes the image only when docker would reach the registry', async () => {
    const { splitImage } = await import('../../../src/core/engine/diagnose');
    const bare = splitImage('contoso/hello:v1');
    assert.ok(bare.target.inputIssues.includes('missingSuffix') && bare.target.inputIssues.includes('hasPath'));
    assert.equal(bare.image, undefined, 'docker would look for it on Docker Hub');
    const full = splitImage('contoso.azurecr.io/team/app@sha256:' + 'b'.repeat(64));
    assert.deepEqual(full.target.inputIssues, []);
    assert.equal(full.image?.repository, 'team/app');
    const url = splitImage('https://contoso.azurecr.io/v2/');
    assert.equal(url.image, undefined);
    assert.ok(url.target.inputIssues.includes('hasScheme'));
    assert.equal(splitImage('contoso').image, undefined);
  });
});
