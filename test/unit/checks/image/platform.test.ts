// image.platform run directly with testContext: image.manifest's data as another check hands it on,
// the daemon's session as login.docker.daemon's data, and its /info from a fake Docker Engine on a
// unix socket or given as the run's shared work. A single image, a daemon that says nothing, a
// matching entry (arm variants too) and a missing platform with the fix's platforms.
import * as assert from 'node:assert/strict';
import { imagePlatformCheck } from '../../../../src/core/checks/image/platform';
import { IMAGE } from '../../../../src/core/checks/image/ids';
import type { ImageManifestData } from '../../../../src/core/checks/image/manifest';
import { LOGIN } from '../../../../src/core/checks/login/check-ids';
import type { Platform } from '../../../../src/core/acr/registry-api';
import { daemonInfoKey, openDaemon, type DaemonSession } from '../../../../src/core/docker/daemon';
import { renderMessage } from '../../../../src/core/text/message';
import { testContext } from '../../../support/check-context';
import { startFakeDaemon, type FakeDaemon } from '../login/fake-daemon';

const LOGIN_SERVER = 'contoso.azurecr.io';
const D = (c: string) => `sha256:${c.repeat(64)}`;
const CONFIG = '/nonexistent';

/** image.manifest's data for hello:v1: an index of `platforms`, or an image manifest when undefined. */
function manifest(platforms?: Platform[]): ImageManifestData {
  return {
    image: { repository: 'hello', tag: 'v1' }, reference: 'v1', token: 'not-a-real-token', tokenSource: 'explicit credentials',
    manifest: platforms ? { ok: true, entries: platforms.map((p, i) => ({ digest: D(String(i)), platform: p })) } : { ok: true, config: D('c'), layers: [] },
  };
}
const linux = (architecture: string, variant?: string): Platform => ({ os: 'linux', architecture, ...(variant ? { variant } : {}) });

/** A session that must not be used: its /info comes from the run's shared work. */
const unusedSession = { endpoint: { kind: 'unix', path: '/nonexistent.sock' }, docker: {} } as unknown as DaemonSession;

/** The check with the daemon's /info given as the run's shared work (what login.docker.daemon already read). */
const runWithInfo = (m: ImageManifestData, info: Record<string, unknown> | undefined) => {
  const ctx = testContext({
    env: { image: m.image, operation: 'pull' },
    data: { [IMAGE.manifest]: m, ...(info ? { [LOGIN.dockerDaemon]: unusedSession } : {}) },
    shared: info ? { [daemonInfoKey(undefined, CONFIG)]: info } : {},
  });
  return imagePlatformCheck.run(ctx);
};

describe('image.platform (testContext, fake Docker Engine)', function () {
  this.timeout(20000);
  let daemon: FakeDaemon;
  before(async () => { daemon = await startFakeDaemon(); });
  after(() => daemon.close());

  it('passes a single-platform image without asking the daemon', async () => {
    const out = await runWithInfo(manifest(), undefined);
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.equal(out.evidence?.image, `${LOGIN_SERVER}/hello:v1`);
    assert.equal(out.evidence?.daemonPlatform, undefined);
    assert.match(renderMessage(out.message), /single-platform/);
  });

  it('passes when the daemon\'s /info (from the fake Engine) matches an entry', async () => {
    daemon.answers.info = { OSType: 'linux', Architecture: 'x86_64' };
    daemon.asked.length = 0;
    const session = await openDaemon(daemon.dockerHost, CONFIG);
    const m = manifest([linux('arm64'), linux('amd64')]);
    const ctx = testContext({ env: { image: m.image, operation: 'pull', dockerHost: daemon.dockerHost, dockerConfigDir: CONFIG }, data: { [IMAGE.manifest]: m, [LOGIN.dockerDaemon]: session } });
    const out = await imagePlatformCheck.run(ctx);
    assert.equal(out.status, 'pass', renderMessage(out.message));
    assert.equal(out.evidence?.daemonPlatform, 'linux/amd64');
    assert.equal(out.evidence?.platforms, 'linux/arm64, linux/amd64');
    assert.ok(daemon.asked.includes('/info'), 'the daemon was asked for its /info');
    assert.deepEqual(ctx.sharedKeys, [daemonInfoKey(daemon.dockerHost, CONFIG)], 'through the run\'s shared /info');
  });

  it('is info when the Docker daemon gave no session, naming the image\'s platforms', async () => {
    const out = await runWithInfo(manifest([linux('arm64')]), undefined);
    assert.equal(out.status, 'info');
    assert.equal(out.causeId, undefined);
    assert.equal(out.evidence?.platforms, 'linux/arm64');
  });

  it('is info when the daemon\'s /info names no platform', async () => {
    const out = await runWithInfo(manifest([linux('arm64')]), { ServerVersion: '27.1.0' });
    assert.equal(out.status, 'info');
    assert.equal(out.evidence?.daemonPlatform, undefined);
  });

  it('is info when the daemon\'s /info fails', async () => {
    const broken = { endpoint: { kind: 'unix', path: '/nonexistent.sock' }, docker: { info: () => Promise.reject(new Error('connect ENOENT')) } } as unknown as DaemonSession;
    const m = manifest([linux('arm64')]);
    const out = await imagePlatformCheck.run(testContext({ env: { image: m.image, operation: 'pull' }, data: { [IMAGE.manifest]: m, [LOGIN.dockerDaemon]: broken } }));
    assert.equal(out.status, 'info');
    assert.equal(out.evidence?.platforms, 'linux/arm64');
  });

  it('fails with image.platform-missing, naming the daemon\'s platform and one the image has', async () => {
    const out = await runWithInfo(manifest([{ os: 'unknown', architecture: 'unknown' }, linux('arm64')]), { OSType: 'linux', Architecture: 'x86_64' });
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'image.platform-missing');
    assert.equal(out.evidence?.daemonPlatform, 'linux/amd64');
    assert.deepEqual(out.fixParams, { daemonPlatform: 'linux/amd64', image: 'hello:v1', imagePlatform: 'linux/arm64' });
    assert.match(renderMessage(out.message), /no matching manifest for linux\/amd64/);
  });

  it('a missing platform with only attestation-like entries offers no image platform', async () => {
    const out = await runWithInfo(manifest([{ os: 'unknown', architecture: 'unknown' }]), { OSType: 'linux', Architecture: 'x86_64' });
    assert.equal(out.causeId, 'image.platform-missing');
    assert.equal(out.fixParams?.imagePlatform, undefined);
  });

  it('arm: a v7 daemon pulls a v6 entry but not a v8-only arm64 index', async () => {
    const v6 = await runWithInfo(manifest([linux('arm', 'v6')]), { OSType: 'linux', Architecture: 'armv7l' });
    assert.equal(v6.status, 'pass', renderMessage(v6.message));
    assert.equal(v6.evidence?.daemonPlatform, 'linux/arm/v7');
    const arm64 = await runWithInfo(manifest([linux('arm64', 'v8')]), { OSType: 'linux', Architecture: 'armv7l' });
    assert.equal(arm64.causeId, 'image.platform-missing');
  });
});
