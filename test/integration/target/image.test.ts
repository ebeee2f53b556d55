// The CLI on a named image, operation and identity against the sandbox: which check finds what,
// and what it says — beyond the fault matrix's "the injected cause ranks first".
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { SandboxWorld } from '../../../sandbox/world';
import type { DiagnosisReport, Finding } from '../../../src/core/engine/types';
import { getSeededWorld } from '../sandbox/shared-world';
import { DEFAULT_IDS } from '../../../sandbox/arm/state';
import { docker, dockerLogin } from '../sandbox/run';
import { CLI, ROOT, runProc } from '../matrix/fault-matrix';

async function diagnose(w: SandboxWorld, args: string[], input?: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; report: DiagnosisReport; stderr: string }> {
  const r = await runProc(process.execPath, [CLI, 'diagnose', ...args, '--json', '--timeout', '20'], { ...w.clientEnv(), ...env }, { input, timeoutMs: 60_000 });
  let report: DiagnosisReport;
  try { report = JSON.parse(r.stdout) as DiagnosisReport; } catch { throw new Error(`no JSON (exit ${r.code}): ${r.stderr.slice(0, 400)}`); }
  for (const s of w.secrets()) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), 'no secret of the world in the output');
  return { code: r.code, report, stderr: r.stderr };
}

const finding = (r: DiagnosisReport, id: string): Finding => {
  const f = r.findings.find((x) => x.checkId === id);
  assert.ok(f, `${id} ran (${r.findings.map((x) => x.checkId).join(', ')})`);
  return f;
};

describe('a named image, operation and identity (integration)', function () {
  this.timeout(180_000);
  let w: SandboxWorld;
  before(async function () {
    this.timeout(300_000);
    if (!fs.existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    w = await getSeededWorld();
  });

  it('mixed: fabrikam.azurecr.io/hello:v1 ranks missing AcrPull first (its service principal may read the registry but not pull) (integration)', async () => {
    await w.apply('mixed');
    // fabrikam lives in the second tenant: the user signs in there (the same multi-tenant app).
    const { code, report } = await diagnose(w, ['fabrikam.azurecr.io/hello:v1'], undefined, { AZURE_TENANT_ID: DEFAULT_IDS.secondTenantId, AZURE_SUBSCRIPTION_ID: DEFAULT_IDS.secondSubscriptionId });
    assert.equal(code, 1);
    assert.equal(report.causes[0]?.causeId, 'authz.missing-acrpull', JSON.stringify(report.causes.map((c) => c.causeId)));
    const authz = finding(report, 'login.authz.aad');
    assert.equal(authz.status, 'fail', 'the image means pull: a missing pull right fails');
    assert.equal(authz.evidence.repository, 'hello');
    assert.equal(finding(report, 'image.manifest').status, 'info', 'the manifest could not be read, and the manifest check does not blame the image');
  });

  it('a missing tag names the nearest existing one; no tag is "no :latest" (integration)', async () => {
    await w.apply('healthy');
    const tag = await diagnose(w, [`${w.loginServer}/hello:v2`]);
    const f = finding(tag.report, 'image.manifest');
    assert.equal(f.causeId, 'image.tag-not-found');
    assert.match(f.message, /hello exists, but the tag v2 does not \(MANIFEST_UNKNOWN\)\. The nearest existing tags: v1/);
    assert.ok(tag.report.causes[0].fixes.some((x) => x.command === `docker pull ${w.loginServer}/hello:v1`));
    const latest = await diagnose(w, [`${w.loginServer}/hello`]);
    assert.match(finding(latest.report, 'image.manifest').message, /There is no :latest in hello/);
    const repo = await diagnose(w, [`${w.loginServer}/helo:v1`]);
    assert.equal(finding(repo.report, 'image.manifest').causeId, 'image.repository-not-found');
  });

  it('a healthy image: it exists, its layer comes from the data endpoint and every replica\'s, a push test writes nothing (integration)', async () => {
    await w.apply('healthy');
    const pull = await diagnose(w, [`${w.loginServer}/hello:v1`]);
    assert.equal(pull.code, 0, JSON.stringify(pull.report.causes));
    const blob = finding(pull.report, 'net.blob-redirect');
    assert.equal(blob.status, 'pass');
    assert.match(String(blob.evidence.layer), /^sha256:[a-f0-9]{64}$/);
    assert.equal(blob.evidence.range, 'bytes=0-0');
    assert.match(blob.message, /the other replicas' data endpoints answered too \(contoso\.northeurope\.data\.azurecr\.io\)/);
    // Blobs and manifests committed to the registry's storage (an open upload is neither).
    const committed = () => execFileSync('find', [w.dir, '-path', '*registry-contoso*', '(', '-path', '*/blobs/*', '-o', '-path', '*/_manifests/*', '-o', '-path', '*/_layers/*', ')', '-type', 'f']).toString().split('\n').filter(Boolean).sort();
    const before = committed();
    const push = await diagnose(w, [`${w.loginServer}/hello:v1`, '--operation', 'push']);
    assert.equal(push.code, 0, JSON.stringify(push.report.causes));
    const p = finding(push.report, 'image.push');
    assert.equal(p.status, 'pass');
    assert.match(String(p.evidence.upload), /^POST → 202/);
    // AcrPush does not grant delete, which docker-registry asks for to cancel an upload.
    assert.match(String(p.evidence.cancel), /^DELETE → (20[04]|401 \(the token may not cancel it)/);
    assert.match(String(p.evidence.written), /^nothing/);
    assert.deepEqual(committed(), before, 'no blob or manifest was added to the registry\'s storage');
  });

  it('a multi-platform image without the daemon\'s platform: docker pull refuses it, the diagnosis names the platforms it has (integration)', async () => {
    await w.apply('image-platform-missing');
    const env = w.clientEnv();
    assert.equal((await dockerLogin(env, w.loginServer, w.azure.clientId, w.azure.clientSecret)).code, 0);
    const pulled = await docker(env, ['pull', `${w.loginServer}/multi:v1`]);
    assert.notEqual(pulled.code, 0);
    assert.match(pulled.out, /no matching manifest for linux\/amd64/);
    await docker(env, ['logout', w.loginServer]);
    const r = await diagnose(w, [`${w.loginServer}/multi:v1`]);
    const p = finding(r.report, 'image.platform');
    assert.equal(p.causeId, 'image.platform-missing');
    assert.equal(p.evidence.daemonPlatform, 'linux/amd64');
    assert.equal(p.evidence.platforms, 'linux/arm64/v8, linux/arm/v7');
    assert.ok(r.report.causes[0].fixes.some((x) => x.command === `docker pull --platform linux/arm64/v8 ${w.loginServer}/multi:v1`));
  });

  it('a locked repository: docker push itself is refused by the front, and the diagnosis says image.locked (integration)', async () => {
    await w.apply('image-repository-locked');
    const env = w.clientEnv();
    assert.equal((await dockerLogin(env, w.loginServer, w.azure.clientId, w.azure.clientSecret)).code, 0);
    assert.equal((await docker(env, ['pull', `${w.loginServer}/hello:v1`])).code, 0, 'a lock against writes lets pulls through');
    const pushed = await docker(env, ['push', `${w.loginServer}/hello:v1`]);
    assert.notEqual(pushed.code, 0);
    assert.match(pushed.out, /denied|disallowed/i);
    await docker(env, ['rmi', `${w.loginServer}/hello:v1`]);
    const r = await diagnose(w, [`${w.loginServer}/hello:v1`, '--operation', 'push']);
    const p = finding(r.report, 'image.push');
    assert.equal(p.causeId, 'image.locked');
    assert.equal(p.evidence.repositoryWriteEnabled, false);
    assert.ok(r.report.causes[0].fixes.some((x) => x.command === 'az acr repository update --name contoso --repository hello --write-enabled true'));
  });

  it('a blocked data endpoint found through the image with a repository token and no Azure (integration)', async () => {
    const info = await w.apply('image-data-endpoint-blocked');
    const r = await diagnose(w, [`${w.loginServer}/hello:v1`, '--identity', 'token:ci-token', '--no-azure'], `${info.credentials!.password}\n`);
    assert.equal(r.report.causes[0]?.causeId, 'network.data-endpoint-blocked');
    assert.deepEqual(r.report.causes[0].checkIds, ['net.blob-redirect']);
    const blob = finding(r.report, 'net.blob-redirect');
    assert.match(blob.message, /contoso\.westeurope\.data\.azurecr\.io/);
    assert.equal(blob.evidence.tokenFrom, 'explicit credentials');
  });

  it('an AKS cluster Azure does not list is bad input: exit 2 naming the clusters it sees (integration)', async () => {
    await w.apply('healthy');
    const r = await runProc(process.execPath, [CLI, 'diagnose', `${w.loginServer}/hello:v1`, '--identity', 'aks:no-such-cluster'], w.clientEnv(), { timeoutMs: 60_000 });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Azure lists no AKS cluster named no-such-cluster \(clusters this sign-in sees: contoso-aks\)/);
  });

  it('--identity docker judges what docker login stored, and the Entra sign-in only reads ARM (integration)', async () => {
    await w.apply('identity-docker-no-push');
    const r = await diagnose(w, [`${w.loginServer}/hello:v1`, '--operation', 'push', '--identity', 'docker']);
    const d = finding(r.report, 'login.authz.docker');
    assert.equal(d.causeId, 'authz.missing-acrpush');
    assert.equal(d.evidence.granted, 'pull');
    assert.ok(!r.report.findings.some((f) => f.checkId === 'login.credentials.aad' || f.checkId === 'login.authz.aad'), 'the Azure sign-in is not the judged identity');
  });

  it('--identity mi:<client-id>: found by client id, judged through ARM role assignments, its sign-in not tried; an unknown client id exits 2 (integration)', async () => {
    const info = await w.apply('identity-mi-no-pull');
    const r = await diagnose(w, [`${w.loginServer}/hello:v1`, '--identity', info.identity!]);
    const m = finding(r.report, 'login.authz.managed-identity');
    assert.equal(m.causeId, 'authz.missing-acrpull');
    assert.equal(m.status, 'fail');
    assert.match(m.message, /its own sign-in cannot be tried from this machine/);
    assert.equal(m.evidence.principalId ?? m.evidence.clientId, DEFAULT_IDS.kubeletClientId);
    const unknown = await runProc(process.execPath, [CLI, 'diagnose', `${w.loginServer}/hello:v1`, '--identity', 'mi:11111111-2222-4333-8444-555555555555'], w.clientEnv(), { timeoutMs: 60_000 });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Azure lists no user-assigned managed identity with the client id 11111111-2222-4333-8444-555555555555 \(this sign-in sees 1\)/);
  });
});
