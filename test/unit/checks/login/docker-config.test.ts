import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerConfigCheck } from '../../../../src/core/checks/login/docker-config';
import { testContext } from '../../../support/check-context';
import { renderMessage } from '../../../../src/core/text/message';

describe('login.docker.config (a Docker config directory on disk)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'acrdoc-cfg-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const run = () => dockerConfigCheck.run(testContext({ env: { dockerConfigDir: dir } }));
  const write = (text: string) => writeFileSync(join(dir, 'config.json'), text);

  it('passes without a config file (docker login creates it)', async () => {
    const out = await run();
    assert.equal(out.status, 'pass');
    assert.equal(out.evidence?.state, 'missing');
  });

  it('names nerdctl login when containerd is the client (nerdctl keeps its logins in this file)', async () => {
    const at = (client: 'docker' | 'containerd') => dockerConfigCheck.run(testContext({ env: { dockerConfigDir: dir, client } }));
    assert.equal(renderMessage((await at('containerd')).message), `No Docker config yet (${join(dir, 'config.json')}); nerdctl login will create it.`);
    assert.equal(renderMessage((await at('docker')).message), `No Docker config yet (${join(dir, 'config.json')}); docker login will create it.`);
    write('{}');
    assert.equal(renderMessage((await at('containerd')).message), `${join(dir, 'config.json')} is valid; it holds no credential for contoso.azurecr.io yet (no nerdctl login).`);
  });

  it('fails with docker.config-malformed on JSON that does not parse, naming the file', async () => {
    write('{ "auths": { ');
    const out = await run();
    assert.equal(out.status, 'fail');
    assert.equal(out.causeId, 'docker.config-malformed');
    assert.equal(out.fixParams?.dockerConfigFile, join(dir, 'config.json'));
  });

  it('passes with a stored login for the registry and says where it is looked up', async () => {
    write(JSON.stringify({ auths: { 'contoso.azurecr.io': { auth: Buffer.from('user:secret').toString('base64') } } }));
    const out = await run();
    assert.equal(out.status, 'pass');
    assert.deepEqual(out.evidence?.storedFor, ['contoso.azurecr.io']);
    assert.match(renderMessage(out.message), /looked up in the config file/);
    assert.doesNotMatch(JSON.stringify(out.evidence), /secret/);
  });

  it('names the credential helper that holds the registry\'s login', async () => {
    write(JSON.stringify({ credHelpers: { 'contoso.azurecr.io': 'acr-env' } }));
    const out = await run();
    assert.equal(out.evidence?.credHelper, 'acr-env');
    assert.match(renderMessage(out.message), /credential helper "acr-env"/);
  });

  it('hides a proxy password in the evidence', async () => {
    write(JSON.stringify({ proxies: { default: { httpsProxy: 'http://bob:hunter2@proxy.corp.test:3128' } } }));
    const out = await run();
    assert.deepEqual(out.evidence?.proxies, ['http://***@proxy.corp.test:3128']);
  });
});
