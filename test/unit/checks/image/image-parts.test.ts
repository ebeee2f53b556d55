import { strict as assert } from 'node:assert';
import { nearestTags } from '../../../../src/core/checks/image/near-tags';
import { conditionAllows } from '../../../../src/core/checks/login/role-conditions';
import { parseManifest } from '../../../../src/core/acr/registry-api';
import { formatPlatform, platformFromInfo, platformMatches } from '../../../../src/core/docker/platform';

const D = (c: string) => `sha256:${c.repeat(64)}`;

describe('image checks: the parts', () => {
  it('nearest tags: same prefix first, then edit distance, then the newer-looking', () => {
    assert.deepEqual(nearestTags(['v1', 'v10', 'latest', 'stable'], 'v2', 2), ['v1', 'v10']);
    assert.deepEqual(nearestTags(['1.3.9', '1.4.1', '1.4.2', '2.0'], '1.4', 2), ['1.4.2', '1.4.1']);
    assert.deepEqual(nearestTags([], 'latest'), []);
    assert.equal(nearestTags(Array.from({ length: 9000 }, (_, i) => `t${i}`), 'latest', 5).length, 5);
  });
  it('ABAC repository conditions: equals, starts-with, case, or; no condition grants', () => {
    const c = "((!(ActionMatches{'Microsoft.ContainerRegistry/registries/repositories/content/read'})) OR (@Resource[Microsoft.ContainerRegistry/registries/repositories:name] StringEqualsIgnoreCase 'Team/App' OR @Resource[Microsoft.ContainerRegistry/registries/repositories:name] StringStartsWith 'base/'))";
    assert.equal(conditionAllows(c, 'team/app'), true);
    assert.equal(conditionAllows(c, 'base/node'), true);
    assert.equal(conditionAllows(c, 'Base/node'), false, 'StringStartsWith is case-sensitive');
    assert.equal(conditionAllows(c, 'hello'), false);
    assert.equal(conditionAllows(undefined, 'hello'), true);
    assert.equal(conditionAllows("@Resource[Microsoft.Storage/x:name] StringEquals 'a'", 'hello'), true, 'a condition on something else does not limit repositories');
  });
  it('parses an index and a manifest; garbage gives no entries', () => {
    const idx = parseManifest({ mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{ digest: D('a'), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }, { digest: 'nope' }, null] }, undefined, D('b'));
    assert.deepEqual(idx.entries, [{ digest: D('a'), platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }]);
    assert.equal(idx.digest, D('b'));
    const m = parseManifest({ config: { digest: D('c') }, layers: [{ digest: D('d'), size: 10 }, { digest: 5 }] }, 'application/vnd.docker.distribution.manifest.v2+json; charset=utf-8');
    assert.equal(m.mediaType, 'application/vnd.docker.distribution.manifest.v2+json');
    assert.deepEqual(m.layers, [{ digest: D('d'), size: 10 }]);
    assert.equal(m.config, D('c'));
    const junk = parseManifest('<html>', undefined, 'sha256:short');
    assert.equal(junk.entries, undefined);
    assert.equal(junk.digest, undefined);
  });
  it('the daemon\'s platform from /info, matched as a pull matches it', () => {
    const amd = platformFromInfo({ OSType: 'linux', Architecture: 'x86_64' })!;
    assert.deepEqual(amd, { os: 'linux', architecture: 'amd64' });
    const arm = platformFromInfo({ OSType: 'linux', Architecture: 'aarch64' })!;
    assert.equal(formatPlatform(arm), 'linux/arm64/v8');
    assert.equal(platformMatches(amd, { os: 'linux', architecture: 'amd64' }), true);
    assert.equal(platformMatches(amd, { os: 'linux', architecture: 'arm64', variant: 'v8' }), false);
    assert.equal(platformMatches(amd, { os: 'windows', architecture: 'amd64' }), false);
    assert.equal(platformMatches(arm, { os: 'linux', architecture: 'arm64' }), true);
    const v7 = platformFromInfo({ OSType: 'linux', Architecture: 'armv7l' })!;
    assert.equal(platformMatches(v7, { os: 'linux', architecture: 'arm', variant: 'v6' }), true, 'an armv7 daemon runs v6 images');
    assert.equal(platformMatches(platformFromInfo({ OSType: 'linux', Architecture: 'armv6l' })!, { os: 'linux', architecture: 'arm', variant: 'v7' }), false);
    assert.equal(platformFromInfo({ Architecture: 'x86_64' }), undefined);
    assert.equal(platformFromInfo('garbage'), undefined);
  });
});
