import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { authKeyHost, credentialSourceFor, decodeAuthEntry, parseDockerConfig, readDockerConfig } from '../../../src/core/docker/config';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('docker config parser', () => {
  it('decodes auths entries and finds the registry by host, URL-style keys included', () => {
    const cfg = parseDockerConfig(JSON.stringify({
      auths: { 'https://contoso.azurecr.io/v1/': { auth: b64('contoso:s3cret-pass') }, 'fabrikam.azurecr.io': { identitytoken: 'eyJ.x.y', auth: b64('00000000-0000-0000-0000-000000000000:') } },
      proxies: { default: { httpsProxy: 'http://proxy:3128', noProxy: 'localhost' } },
      currentContext: 'remote',
    }), '/d');
    assert.equal(cfg.state, 'ok');
    const c = cfg.auths.get('contoso.azurecr.io')!;
    assert.equal(c.username, 'contoso');
    assert.equal(c.secret, 's3cret-pass');
    const f = cfg.auths.get('fabrikam.azurecr.io')!;
    assert.equal(f.identityToken, true);
    assert.equal(f.secret, 'eyJ.x.y');
    assert.equal(cfg.proxies?.httpsProxy, 'http://proxy:3128');
    assert.equal(cfg.currentContext, 'remote');
  });

  it('follows Docker\'s order: credHelpers, then credsStore, then the file', () => {
    const cfg = parseDockerConfig(JSON.stringify({ auths: { 'contoso.azurecr.io': { auth: b64('u:p') } }, credsStore: 'desktop', credHelpers: { 'contoso.azurecr.io': 'acr-env' } }), '/d');
    assert.deepEqual(credentialSourceFor(cfg, 'contoso.azurecr.io'), { kind: 'helper', helper: 'acr-env', via: 'credHelpers' });
    assert.deepEqual(credentialSourceFor(cfg, 'other.azurecr.io'), { kind: 'helper', helper: 'desktop', via: 'credsStore' });
    const plain = parseDockerConfig(JSON.stringify({ auths: { 'contoso.azurecr.io': { auth: b64('u:p') } } }), '/d');
    assert.equal(credentialSourceFor(plain, 'contoso.azurecr.io').kind, 'file');
    assert.equal(credentialSourceFor(plain, 'nothing.azurecr.io').kind, 'none');
  });

  it('reports broken JSON, a non-object, and broken auth values as findings, not exceptions', () => {
    const broken = parseDockerConfig('{"auths": {"contoso.azurecr.io": {"auth": "', '/d');
    assert.equal(broken.state, 'malformed');
    assert.match(broken.problem!, /not valid JSON/);
    assert.equal(parseDockerConfig('[1,2]', '/d').state, 'malformed');
    assert.equal(parseDockerConfig('"x"', '/d').state, 'malformed');
    assert.match(decodeAuthEntry('k', { auth: '%%%notbase64' }).problem!, /base64/);
    assert.match(decodeAuthEntry('k', { auth: b64('nocolon') }).problem!, /user:password/);
    assert.match(decodeAuthEntry('k', 42).problem!, /not an object/);
  });

  it('refuses credential helper names that could escape the executable name', () => {
    const cfg = parseDockerConfig(JSON.stringify({ credsStore: '../../bin/sh', credHelpers: { 'contoso.azurecr.io': 'x; rm -rf /' } }), '/d');
    assert.equal(cfg.credsStore, undefined);
    assert.deepEqual(cfg.credHelpers, {});
    assert.equal(cfg.warnings.length, 2);
  });

  it('normalises auth keys like Docker\'s ConvertToHostname', () => {
    assert.equal(authKeyHost('https://Contoso.azurecr.io/v2/'), 'contoso.azurecr.io');
    assert.equal(authKeyHost('http://contoso.azurecr.io'), 'contoso.azurecr.io');
    assert.equal(authKeyHost('contoso.azurecr.io'), 'contoso.azurecr.io');
  });

  it('never throws on any input (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ auths: v, credHelpers: v, proxies: v, credsStore: v }))), (text) => {
      const cfg = parseDockerConfig(text, '/d');
      assert.ok(['ok', 'malformed'].includes(cfg.state));
      credentialSourceFor(cfg, 'contoso.azurecr.io');
    }), { numRuns: 500 });
  });

  it('reads missing, unreadable and directory configs as states', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcfg-'));
    try {
      assert.equal((await readDockerConfig(dir)).state, 'missing');
      fs.mkdirSync(path.join(dir, 'config.json'));
      assert.equal((await readDockerConfig(dir)).state, 'unreadable');
      fs.rmdirSync(path.join(dir, 'config.json'));
      fs.writeFileSync(path.join(dir, 'config.json'), '{"auths":{}}');
      assert.equal((await readDockerConfig(dir)).state, 'ok');
      assert.equal((await readDockerConfig(path.join(dir, 'config.json'))).state, 'unreadable');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
