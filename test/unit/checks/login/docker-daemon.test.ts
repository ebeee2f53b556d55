// login.docker.cli, login.docker.daemon, login.docker.version and login.docker.pull against a fake
// Engine API on a unix socket (and a PATH of temporary folders): no Docker, no network.
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerCliCheck } from '../../../../src/core/checks/login/docker-cli';
import { dockerDaemonCheck, dockerVersionCheck } from '../../../../src/core/checks/login/docker-daemon';
import { dockerPullCheck, CHECK_HEALTH_PULL_IMAGE } from '../../../../src/core/checks/login/docker-pull';
import { LOGIN } from '../../../../src/core/checks/login/check-ids';
import { openDaemon, type DaemonSession } from '../../../../src/core/docker/daemon';
import { testContext } from '../../../support/check-context';
import { startFakeDaemon, type FakeDaemon } from './fake-daemon';

const CONFIG = '/nonexistent';

describe('login.docker.cli (a PATH of temporary folders)', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'acrdoc-path-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('passes with the path of an executable docker on PATH, skipping a file that is not executable', async function () {
    if (process.platform === 'win32') this.skip();
    const bin = join(dir, 'bin');
    writeFileSync(join(dir, 'docker'), 'not executable');
    mkdirSync(bin);
    writeFileSync(join(bin, 'docker'), '#!/bin/sh\n');
    chmodSync(join(bin, 'docker'), 0o755);
    const out = await dockerCliCheck.run(testContext({ env: { searchPath: `${dir}:${bin}` } }));
    assert.equal(out.status, 'pass');
    assert.equal(out.causeId, undefined);
    assert.equal(out.evidence?.path, join(bin, 'docker'));
  });

  it('fails with docker.cli-missing when no folder on PATH holds it, and lists what was searched', async () => {
    const out = await dockerCliCheck.run(testContext({ env: { searchPath: `${join(dir, 'empty')}:/nonexistent/bin` } }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'docker.cli-missing');
    assert.deepEqual(out.evidence?.searched, [join(dir, 'empty'), '/nonexistent/bin']);
  });
});

describe('login.docker.daemon, .version and .pull (fake Engine API on a unix socket)', function () {
  this.timeout(15000);
  let daemon: FakeDaemon;
  let session: DaemonSession;
  beforeEach(async () => {
    daemon = await startFakeDaemon();
    session = await openDaemon(daemon.dockerHost, CONFIG);
  });
  afterEach(() => daemon.close());

  const signal = () => AbortSignal.timeout(10000);

  it('daemon: passes when the daemon answers its ping, and hands on the session', async () => {
    const out = await dockerDaemonCheck.run(testContext({ env: { dockerHost: daemon.dockerHost, dockerConfigDir: CONFIG }, signal: signal() }));
    assert.equal(out.status, 'pass');
    assert.equal(out.causeId, undefined);
    assert.equal(out.evidence?.dockerHost, daemon.dockerHost);
    assert.equal(out.evidence?.source, 'DOCKER_HOST');
    assert.ok((out.data as DaemonSession).docker, 'the session is data for the version and pull checks');
    assert.ok(daemon.asked.includes('/_ping'));
  });

  it('daemon: fails with docker.daemon-unreachable when nothing listens on the socket', async () => {
    const out = await dockerDaemonCheck.run(testContext({ env: { dockerHost: 'unix:///nonexistent/docker.sock', dockerConfigDir: CONFIG }, signal: signal() }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'docker.daemon-unreachable');
    assert.equal(out.evidence?.failure, 'no-socket');
  });

  it('daemon: fails with docker.daemon-unreachable on a DOCKER_HOST that is not an address', async () => {
    const out = await dockerDaemonCheck.run(testContext({ env: { dockerHost: 'tcp://', dockerConfigDir: CONFIG }, signal: signal() }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'docker.daemon-unreachable');
  });

  it('version: passes on Docker 18.03 or later and reads the daemon\'s proxy (credentials hidden)', async () => {
    daemon.answers.info = { HttpsProxy: 'http://user:pw@proxy.corp.test:3128', NoProxy: '.corp.test' };
    const out = await dockerVersionCheck.run(testContext({ env: { dockerConfigDir: CONFIG }, data: { [LOGIN.dockerDaemon]: session }, signal: signal() }));
    assert.equal(out.status, 'pass');
    assert.equal(out.evidence?.version, '27.1.0');
    assert.equal(out.evidence?.daemonHttpsProxy, 'http://***@proxy.corp.test:3128');
    assert.equal(out.evidence?.daemonNoProxy, '.corp.test');
  });

  it('version: fails with docker.version-too-old below 18.03 (API 1.37)', async () => {
    daemon.answers.version = { Version: '17.12.1-ce', ApiVersion: '1.35' };
    const out = await dockerVersionCheck.run(testContext({ env: { dockerConfigDir: CONFIG }, data: { [LOGIN.dockerDaemon]: session }, signal: signal() }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'docker.version-too-old');
    assert.equal(out.fixParams?.dockerVersion, '17.12.1-ce');
  });

  it('version: fails with docker.daemon-unreachable when the daemon went away after its ping', async () => {
    await daemon.close();
    const out = await dockerVersionCheck.run(testContext({ env: { dockerConfigDir: CONFIG }, data: { [LOGIN.dockerDaemon]: session }, signal: signal() }));
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'docker.daemon-unreachable');
    daemon = await startFakeDaemon();
  });

  it('pull: applies only when the pull test is asked for', () => {
    assert.equal(dockerPullCheck.applies?.(testContext().target, { proxy: {}, dockerConfigDir: CONFIG, now: () => new Date() }), false);
    assert.equal(dockerPullCheck.applies?.(testContext().target, { proxy: {}, dockerConfigDir: CONFIG, now: () => new Date(), pullTest: true }), true);
  });

  it('pull: passes when the daemon pulls the check-health image, counting its layers', async () => {
    daemon.answers.pull = [{ status: 'Pulling fs layer', id: 'a' }, { status: 'Pulling fs layer', id: 'b' }, { status: 'Pull complete', id: 'a' }, { status: 'Pull complete', id: 'b' }];
    const out = await dockerPullCheck.run(testContext({ data: { [LOGIN.dockerDaemon]: session }, signal: signal() }));
    assert.equal(out.status, 'pass');
    assert.deepEqual(out.evidence, { image: CHECK_HEALTH_PULL_IMAGE, layers: 2 });
    assert.ok(daemon.asked.includes('/images/create'));
  });

  it('pull: fails with docker.pull-failed and keeps the daemon\'s words, refused or failed mid-stream', async () => {
    daemon.answers.pull = { status: 500, message: 'Get "https://mcr.microsoft.com/v2/": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused' };
    const refused = await dockerPullCheck.run(testContext({ data: { [LOGIN.dockerDaemon]: session }, signal: signal() }));
    assert.equal(refused.status, 'fail');
    assert.equal(refused.causeId, 'docker.pull-failed');
    assert.match(String(refused.evidence?.daemonSays), /proxyconnect tcp/);
    daemon.answers.pull = [{ status: 'Pulling fs layer', id: 'a' }, { error: 'toomanyrequests: rate limit', errorDetail: { message: 'toomanyrequests: rate limit' } }];
    const midway = await dockerPullCheck.run(testContext({ data: { [LOGIN.dockerDaemon]: session }, signal: signal() }));
    assert.equal(midway.status, 'fail');
    assert.equal(midway.causeId, 'docker.pull-failed');
    assert.equal(midway.evidence?.daemonSays, 'toomanyrequests: rate limit');
  });
});
