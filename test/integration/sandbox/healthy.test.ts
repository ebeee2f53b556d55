import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SandboxWorld } from '../../../sandbox/world';
import { curl, docker, dockerLogin, run } from './run';
import { getWorld } from './shared-world';

describe('sandbox healthy world (integration)', function () {
  this.timeout(120000);
  let w: SandboxWorld;
  before(async () => { w = await getWorld(); await w.apply('healthy'); });

  it('answers GET /v2/ with the ACR Bearer challenge over TLS from the sandbox CA', async () => {
    const r = await curl(w.clientEnv(), ['-i', `https://${w.loginServer}/v2/`]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.stdout, /^HTTP\/1\.1 401/m);
    assert.match(r.stdout, /Www-Authenticate: Bearer realm="https:\/\/contoso\.azurecr\.io\/oauth2\/token",service="contoso\.azurecr\.io"/i);
  });

  it('docker login, push, pull work through the real dockerd with the service principal', async () => {
    const env = w.clientEnv();
    const login = await dockerLogin(env, w.loginServer, w.azure.clientId, w.azure.clientSecret);
    assert.match(login.out, /Login Succeeded/, login.out);
    const img = fs.mkdtempSync(path.join(w.dir, 'img-'));
    fs.writeFileSync(path.join(img, 'hello.txt'), `hello ${Date.now()}\n`);
    const tar = path.join(img, 'hello.tar');
    const { execFileSync } = await import('node:child_process');
    execFileSync('tar', ['-C', img, '-cf', tar, 'hello.txt']);
    const imp = await docker(env, ['import', tar, `${w.loginServer}/hello:v1`]);
    assert.equal(imp.code, 0, imp.out);
    const push = await docker(env, ['push', `${w.loginServer}/hello:v1`]);
    assert.equal(push.code, 0, push.out);
    assert.match(push.out, /v1: digest: sha256:[0-9a-f]{64}/);
    const rmi = await docker(env, ['rmi', `${w.loginServer}/hello:v1`]);
    assert.equal(rmi.code, 0, rmi.out);
    const pull = await docker(env, ['pull', `${w.loginServer}/hello:v1`]);
    assert.equal(pull.code, 0, pull.out);
    assert.match(pull.out, /Downloaded newer image for contoso\.azurecr\.io\/hello:v1/);
    const cfg = JSON.parse(fs.readFileSync(path.join(w.dockerConfigDir, 'config.json'), 'utf8'));
    assert.ok(cfg.auths['contoso.azurecr.io'].auth, 'docker stored the basic credential');
    assert.equal(cfg.auths['contoso.azurecr.io'].identitytoken, undefined, 'no refresh token for a basic-auth login');
  });

  it('blob GETs are answered 307 to the data endpoint, which serves the blob', async () => {
    const env = w.clientEnv();
    const tok = await curl(env, ['-u', `${w.azure.clientId}:${w.azure.clientSecret}`, `https://${w.loginServer}/oauth2/token?service=${w.loginServer}&scope=repository:hello:pull`]);
    const token = JSON.parse(tok.stdout).access_token as string;
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    assert.deepEqual(claims.access, [{ type: 'repository', name: 'hello', actions: ['pull'] }]);
    const man = await curl(env, ['-H', `Authorization: Bearer ${token}`, '-H', 'Accept: application/vnd.docker.distribution.manifest.v2+json', `https://${w.loginServer}/v2/hello/manifests/v1`]);
    const layer = JSON.parse(man.stdout).layers[0].digest as string;
    const head = await curl(env, ['-si', '-H', `Authorization: Bearer ${token}`, `https://${w.loginServer}/v2/hello/blobs/${layer}`]);
    assert.match(head.stdout, /^HTTP\/1\.1 307/m, head.out);
    assert.match(head.stdout, /^Location: https:\/\/contoso\.westeurope\.data\.azurecr\.io\/blobs\/sha256:/im);
    const body = await curl(env, ['-L', '-o', '/dev/null', '-w', '%{http_code} %{size_download} %{url_effective}', '-H', `Authorization: Bearer ${token}`, `https://${w.loginServer}/v2/hello/blobs/${layer}`]);
    assert.match(body.stdout, /^200 [1-9]\d* https:\/\/contoso\.westeurope\.data\.azurecr\.io\//, body.out);
  });

  it('refuses a tampered data-endpoint URL', async () => {
    const r = await curl(w.clientEnv(), ['-s', '-o', '/dev/null', '-w', '%{http_code}', `https://contoso.westeurope.data.azurecr.io/blobs/sha256:${'0'.repeat(64)}?repo=hello&se=9999999999&sig=forged`]);
    assert.equal(r.stdout, '403');
  });

  it('serves the ARM + Entra simulator to the real Azure SDK clients (TLS from the sandbox CA)', async () => {
    const script = `
      const { ClientSecretCredential } = require('@azure/identity');
      const { ContainerRegistryManagementClient } = require('@azure/arm-containerregistry');
      (async () => {
        const e = process.env;
        const cred = new ClientSecretCredential(e.AZURE_TENANT_ID, e.AZURE_CLIENT_ID, e.AZURE_CLIENT_SECRET, { authorityHost: e.AZURE_AUTHORITY_HOST, disableInstanceDiscovery: true });
        const c = new ContainerRegistryManagementClient(cred, e.AZURE_SUBSCRIPTION_ID, { endpoint: e.ACR_DOCTOR_ARM_ENDPOINT, credentialScopes: ['https://management.azure.com/.default'] });
        const out = [];
        for await (const r of c.registries.list()) out.push([r.name, r.loginServer, (r.dataEndpointHostNames || []).join(',')]);
        console.log(JSON.stringify(out));
      })().catch((err) => { console.error(err.message); process.exit(1); });`;
    const r = await run(process.execPath, ['-e', script], { ...w.clientEnv(), NODE_PATH: path.join(process.cwd(), 'node_modules') }, 30000);
    assert.equal(r.code, 0, r.out);
    const regs = JSON.parse(r.stdout) as string[][];
    assert.deepEqual(regs.find((x) => x[0] === 'contoso'), ['contoso', 'contoso.azurecr.io', 'contoso.westeurope.data.azurecr.io,contoso.northeurope.data.azurecr.io']);
  });

  it('clientEnv names the daemon, config, CA and the Azure identity', () => {
    const env = w.clientEnv();
    assert.equal(env.DOCKER_HOST, w.dockerHost);
    assert.equal(env.DOCKER_CONFIG, w.dockerConfigDir);
    assert.equal(env.NODE_EXTRA_CA_CERTS, w.caFile);
    assert.equal(env.AZURE_AUTHORITY_HOST, 'https://login.sandbox.test');
    assert.equal(env.ACR_DOCTOR_ARM_ENDPOINT, 'https://management.sandbox.test');
    assert.equal(env.HTTPS_PROXY, undefined);
    assert.ok(w.secrets().includes(w.azure.clientSecret));
  });
});
