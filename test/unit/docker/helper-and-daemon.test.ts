import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseHelperOutput, runCredentialHelper } from '../../../src/core/docker/credential-helper';
import { compareVersions, isVersionSupported, proxyFromInfo, classifyDaemonError } from '../../../src/core/docker/daemon';
import { resolveDockerEndpoint } from '../../../src/core/docker/endpoint';
import { findOnPath } from '../../../src/core/docker/cli';

describe('docker credential helpers', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dhelp-'));
    const script = (name: string, body: string) => { const f = path.join(dir, `docker-credential-${name}`); fs.writeFileSync(f, `#!/bin/sh\n${body}\n`); fs.chmodSync(f, 0o755); };
    script('good', 'read host; printf \'{"ServerURL":"%s","Username":"alice","Secret":"pw-123456"}\' "$host"');
    script('empty', 'echo "credentials not found in native keychain"; exit 1');
    script('hang', 'exec /bin/sleep 30');
    script('garbage', 'echo not-json');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('calls `docker-credential-<x> get` with the host on stdin, like docker', async () => {
    const r = await runCredentialHelper('good', 'contoso.azurecr.io', { pathEnv: dir });
    assert.deepEqual(r, { state: 'found', username: 'alice', secret: 'pw-123456', identityToken: false });
  });
  it('tells "holds nothing", "not installed", garbage and a hang apart', async () => {
    assert.equal((await runCredentialHelper('empty', 'h', { pathEnv: dir })).state, 'not-found');
    assert.equal((await runCredentialHelper('absent', 'h', { pathEnv: dir })).state, 'missing-binary');
    assert.equal((await runCredentialHelper('garbage', 'h', { pathEnv: dir })).state, 'failed');
    const t0 = Date.now();
    assert.equal((await runCredentialHelper('hang', 'h', { pathEnv: dir, timeoutMs: 300 })).state, 'timeout');
    assert.ok(Date.now() - t0 < 10000);
    assert.equal((await runCredentialHelper('../evil', 'h', { pathEnv: dir })).state, 'failed');
  });
  it('recognises identity tokens stored under <token>', () => {
    assert.deepEqual(parseHelperOutput('{"Username":"<token>","Secret":"rt"}'), { state: 'found', username: '<token>', secret: 'rt', identityToken: true });
    assert.equal(parseHelperOutput('{"Username":"u"}').state, 'not-found');
  });
  it('finds executables on PATH only', async () => {
    assert.equal(await findOnPath('docker-credential-good', dir), path.join(dir, 'docker-credential-good'));
    assert.equal(await findOnPath('docker-credential-nope', dir), undefined);
    assert.equal(await findOnPath('docker', ''), undefined);
  });
});

describe('docker daemon facts', () => {
  it('compares versions numerically and applies the 18.03 / API 1.37 minimum', () => {
    assert.equal(compareVersions('20.10.24', '18.03'), 1);
    assert.equal(compareVersions('18.03.0-ce', '18.03'), 0);
    assert.equal(compareVersions('17.09.1', '18.03'), -1);
    assert.equal(compareVersions('1.9', '1.37'), -1);
    assert.equal(isVersionSupported({ version: '17.09.1-ce', apiVersion: '1.32' }), false);
    assert.equal(isVersionSupported({ version: '20.10.24', apiVersion: '1.41' }), true);
    assert.equal(isVersionSupported({ version: '', apiVersion: '' }), false);
  });
  it('reads the daemon proxy from /info and ignores junk', () => {
    assert.deepEqual(proxyFromInfo({ HttpsProxy: 'http://p:1', HttpProxy: '', NoProxy: 'a,b' }), { httpProxy: undefined, httpsProxy: 'http://p:1', noProxy: 'a,b' });
    assert.deepEqual(proxyFromInfo(null), { httpProxy: undefined, httpsProxy: undefined, noProxy: undefined });
    assert.deepEqual(proxyFromInfo({ HttpsProxy: 5 }), { httpProxy: undefined, httpsProxy: undefined, noProxy: undefined });
  });
  it('words daemon errors as the docker CLI does', () => {
    const ep = { host: 'unix:///x.sock', source: 'default' as const };
    assert.match(classifyDaemonError(Object.assign(new Error('x'), { code: 'ENOENT' }), ep).message, /Cannot connect to the Docker daemon at unix:\/\/\/x.sock\. Is the docker daemon running\?/);
    assert.equal(classifyDaemonError(Object.assign(new Error('x'), { code: 'EACCES' }), ep).kind, 'permission');
  });
  it('resolves DOCKER_HOST, then the context, and reports a missing context', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dctx-'));
    try {
      assert.equal((await resolveDockerEndpoint('tcp://h:2375', dir, 'x')).endpoint.source, 'DOCKER_HOST');
      const missing = await resolveDockerEndpoint(undefined, dir, 'gone');
      assert.match(missing.problem!, /context "gone"/);
      const { createHash } = await import('node:crypto');
      const meta = path.join(dir, 'contexts', 'meta', createHash('sha256').update('remote').digest('hex'));
      fs.mkdirSync(meta, { recursive: true });
      fs.writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: 'remote', Endpoints: { docker: { Host: 'tcp://10.0.0.1:2376' } } }));
      const r = await resolveDockerEndpoint(undefined, dir, 'remote');
      assert.equal(r.endpoint.host, 'tcp://10.0.0.1:2376');
      assert.equal(r.endpoint.source, 'context');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
