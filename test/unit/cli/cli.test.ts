import { strict as assert } from 'node:assert';
import { runCli, type CliIo } from '../../../src/cli/run';
import { parseCli, parseResolve, UsageError } from '../../../src/cli/args';
import { localeFromEnv } from '../../../src/cli/locale';
import { makePki, type TestPki } from '../net/helpers/pki';
import { httpsServer, connectProxy, type Running, type ProxyRunning } from '../net/helpers/servers';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function io(env: NodeJS.ProcessEnv = {}, stdin = ''): CliIo & { out: string; err: string } {
  const o = {
    env, out: '', err: '', stdinIsTty: false, colour: false,
    stdout: (s: string) => { o.out += s; }, stderr: (s: string) => { o.err += s; },
    readStdin: async () => stdin,
  };
  return o;
}

describe('cli', function () {
  this.timeout(30000);

  describe('arguments', () => {
    it('parses diagnose with every option', () => {
      const a = parseCli(['diagnose', 'contoso', '--json', '--timeout', '2.5', '--resolve', 'contoso.azurecr.io=192.0.2.20', '--resolve', 'x.azurecr.io:443:192.0.2.21', '--repository', 'hello', '--pull-test', '--no-azure']);
      assert.deepEqual(a, {
        command: 'diagnose', registry: 'contoso', image: undefined, identity: undefined, format: 'json', timeoutMs: 2500,
        resolve: { 'contoso.azurecr.io': '192.0.2.20', 'x.azurecr.io': '192.0.2.21' }, repository: 'hello', pullTest: true,
        operation: undefined, azure: 'off', username: undefined, passwordStdin: false, only: undefined,
      });
    });
    it('rejects bad input with a message that says what to do', () => {
      const bad: [string[], RegExp][] = [
        [['diagnose'], /needs a registry/], [['diagnose', 'a', 'b'], /one registry/], [['frobnicate'], /unknown command/],
        [['diagnose', 'c', '--timeout', 'soon'], /--timeout takes seconds/], [['diagnose', 'c', '--timeout', '-1'], /--timeout/],
        [['diagnose', 'c', '--json', '--sarif'], /one of --json and --sarif/], [['diagnose', 'c', '--resolve', 'host'], /host=ip/],
        [['diagnose', 'c', '--resolve', 'h=not-an-ip'], /host=ip/], [['diagnose', 'c', '--bogus'], /bogus/], [['diagnose', 'c', '--password-stdin'], /needs --username/],
      ];
      for (const [argv, re] of bad) assert.throws(() => parseCli(argv), (e: Error) => e instanceof UsageError && re.test(e.message), argv.join(' '));
      assert.deepEqual(parseResolve([]), {});
    });
    it('parses an image, an operation and an identity', () => {
      const a = parseCli(['diagnose', 'contoso.azurecr.io/team/app:1.4', '--operation', 'push', '--identity', 'aks:contoso-aks']);
      assert.ok(a.command === 'diagnose');
      assert.equal(a.registry, 'contoso.azurecr.io/team/app:1.4');
      assert.deepEqual(a.image, { repository: 'team/app', tag: '1.4' });
      assert.deepEqual(a.identity, { kind: 'aks', cluster: 'contoso-aks' });
      assert.equal(a.operation, 'push');
      const sp = parseCli(['diagnose', 'contoso.azurecr.io/app', '--identity', 'sp:5E1A7C3B-9D2F-4A6E-8B0C-7F3E2D1C0B9A']);
      assert.ok(sp.command === 'diagnose');
      assert.deepEqual(sp.identity, { kind: 'sp', clientId: '5e1a7c3b-9d2f-4a6e-8b0c-7f3e2d1c0b9a' });
      assert.equal(sp.passwordStdin, true, 'a service principal\'s secret comes from stdin');
      assert.equal((parseCli(['diagnose', 'contoso.azurecr.io/app:v1', '--repository', 'app']) as { repository?: string }).repository, 'app');
    });
    it('rejects a malformed image, a short digest, an unknown identity, with what to type instead', () => {
      const bad: [string[], RegExp][] = [
        [['diagnose', 'contoso.azurecr.io/App:1.4'], /lower case.*e\.g\. acr-doctor diagnose contoso\.azurecr\.io\/app:1\.4/],
        [['diagnose', 'contoso.azurecr.io/app@sha256:abc'], /3 characters after 'sha256:', not 64/],
        [['diagnose', 'contoso.azurecr.io/app:-bad'], /is not a tag/],
        [['diagnose', 'contoso', '--identity', 'robot'], /--identity: "robot" is not an identity: use one of azure, docker, sp, admin, token, exposed-token, aks:<cluster>, mi:<client-id>/],
        [['diagnose', 'contoso', '--identity', 'mi:nope'], /mi needs the managed identity's client id/],
        [['diagnose', 'contoso', '--identity', 'sp'], /sp:<client-id>/],
        [['diagnose', 'contoso', '--identity', 'token'], /token:<name>/],
        [['diagnose', 'contoso', '--operation', 'delete'], /--operation is login, pull or push, not "delete"/],
        [['diagnose', 'contoso.azurecr.io/app:v1', '--repository', 'other'], /not the image's repository app/],
        [['diagnose', 'contoso', '--identity', 'admin', '--username', 'x'], /--username goes with --identity sp or token/],
      ];
      for (const [argv, re] of bad) assert.throws(() => parseCli(argv), (e: Error) => e instanceof UsageError && re.test(e.message), argv.join(' '));
    });
    it('follows LC_ALL, LC_MESSAGES, LANG for Dutch', () => {
      assert.equal(localeFromEnv({ LANG: 'nl_NL.UTF-8' }), 'nl');
      assert.equal(localeFromEnv({ LANG: 'nl' }), 'nl');
      assert.equal(localeFromEnv({ LANG: 'nl_BE.UTF-8', LC_ALL: 'en_US.UTF-8' }), 'en');
      assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8' }), 'en');
      assert.equal(localeFromEnv({}), 'en');
    });
  });

  describe('commands', () => {
    it('--help in English and Dutch, exit 0', async () => {
      const en = io(); assert.equal(await runCli(['--help'], en), 0); assert.match(en.out, /Exit codes: 0 healthy, 1 causes found, 2 could not run/);
      const nl = io({ LANG: 'nl_NL.UTF-8' }); assert.equal(await runCli(['--help'], nl), 0); assert.match(nl.out, /Afsluitcodes/);
    });

    it('bad image or identity input exits 2 naming the problem; an identity judged through Azure needs the sign-in', async () => {
      const o = io();
      assert.equal(await runCli(['diagnose', 'contoso.azurecr.io/app@sha256:1234', '--no-azure'], o), 2);
      assert.match(o.err, /not 64 lower-case hex digits/);
      assert.match(o.err, /acr-doctor --help/);
      const a = io();
      assert.equal(await runCli(['diagnose', 'contoso.azurecr.io/app:1', '--identity', 'aks:c1', '--no-azure'], a), 2);
      assert.match(a.err, /--identity aks is judged through Azure/);
      const tty = io(); tty.stdinIsTty = true;
      assert.equal(await runCli(['diagnose', 'contoso.azurecr.io/app:1', '--identity', 'admin', '--no-azure'], tty), 2);
      assert.match(tty.err, /reads its secret from stdin/);
      const nl = io({ LANG: 'nl_NL.UTF-8' });
      assert.equal(await runCli(['--help'], nl), 0);
      assert.match(nl.out, /--identity <wie>/);
      assert.match(nl.out, /aks:<cluster> {3}de kubelet-identiteit/);
    });

    it('bad registry names exit 2 with the reason', async () => {
      const o = io();
      assert.equal(await runCli(['diagnose', 'contoso.example.com', '--no-azure'], o), 2);
      assert.match(o.err, /not an Azure Container Registry domain/);
      const o2 = io();
      assert.equal(await runCli(['diagnose', 'a_b!', '--no-azure'], o2), 2);
      assert.match(o2.err, /cannot have/);
    });

    it('explain maps text from the argument and from stdin, in Dutch too', async () => {
      const o = io();
      assert.equal(await runCli(['explain', "client with IP '192.0.2.1' is not allowed access"], o), 0);
      assert.match(o.out, /does not allow this client's IP address/);
      assert.match(o.out, /192\.0\.2\.1/);
      const s = io({ LANG: 'nl_NL' }, 'Error response from daemon: Get "https://c.azurecr.io/v2/": proxyconnect tcp: EOF');
      assert.equal(await runCli(['explain'], s), 0);
      assert.match(s.out, /De HTTPS-proxy geeft de verbinding niet door/);
      assert.match(s.out, /nl-nl/);
      const j = io();
      await runCli(['explain', 'toomanyrequests', '--json'], j);
      assert.equal(JSON.parse(j.out).matches[0].causeId, 'network.throttled');
      const none = io();
      await runCli(['explain', 'all good'], none);
      assert.match(none.out, /No known cause/);
    });

    it('explain says what it read from the text and, for a bare unauthorized, what tells the causes apart (text and --json, Dutch too)', async () => {
      const text = 'docker push contoso.azurecr.io/web:1\nunauthorized: authentication required';
      const o = io();
      await runCli(['explain', text], o);
      assert.match(o.out, /Read from the text: docker push of contoso\.azurecr\.io\/web:1/);
      assert.match(o.out, /What tells these causes apart/);
      assert.match(o.out, /acr-doctor diagnose contoso\.azurecr\.io runs these checks/);
      const nl = io({ LANG: 'nl_NL' });
      await runCli(['explain', text], nl);
      assert.match(nl.out, /Uit de tekst gelezen: docker push van contoso\.azurecr\.io\/web:1/);
      assert.match(nl.out, /Wat deze oorzaken van elkaar onderscheidt/);
      const j = io();
      await runCli(['explain', text, '--json'], j);
      const r = JSON.parse(j.out) as { reading: { tool: string; operation: string; image: string }; understood: { en: string; nl: string }; bareUnauthorized: { causeId: string; check: { en: string } }[] };
      assert.deepEqual([r.reading.tool, r.reading.operation, r.reading.image], ['docker', 'push', 'contoso.azurecr.io/web:1']);
      assert.equal(r.understood.en, 'docker push of contoso.azurecr.io/web:1');
      assert.ok(r.bareUnauthorized.length >= 3 && r.bareUnauthorized.every((b) => b.check.en.length > 0), j.out);
      // A push is never refused for a missing anonymous pull.
      assert.ok(!r.bareUnauthorized.some((b) => b.causeId.startsWith('credentials.anonymous-pull')), j.out);
    });

    it('explain --json carries per cause its docs link in the locale, seed section and check-health code', async () => {
      const j = io({ LANG: 'nl_NL' });
      await runCli(['explain', 'CONNECTIVITY_DNS_ERROR dial tcp: lookup contoso.azurecr.io: no such host', '--json'], j);
      const matches = JSON.parse(j.out).matches as { causeId: string; docsUrl: string; seed: string; section: string; sectionTitle: string; checkHealthCode?: string }[];
      const dns = matches.find((m) => m.causeId === 'network.dns-resolution-failed');
      assert.ok(dns, j.out);
      assert.match(dns.docsUrl, /^https:\/\/learn\.microsoft\.com\/nl-nl\/azure\/container-registry\/.+#/);
      assert.ok(dns.seed && dns.section && dns.sectionTitle, JSON.stringify(dns));
      assert.equal(dns.checkHealthCode, 'CONNECTIVITY_DNS_ERROR');
      for (const m of matches) assert.match(m.docsUrl, /nl-nl|^https:\/\/(?!learn\.microsoft\.com)/, m.causeId);
    });

    it('explain words causes without values it does not have (no "…" placeholders)', async () => {
      for (const lang of ['en_US', 'nl_NL']) {
        const o = io({ LANG: lang });
        await runCli(['explain', 'Host is not reachable; failed to save firewall and virtual network settings; x509: certificate signed by unknown authority'], o);
        assert.match(o.out, /\d\. /);
        assert.doesNotMatch(o.out, /…|\{[a-zA-Z]+\}/, o.out);
      }
    });
  });

  describe('diagnose against loopback servers', () => {
    let pki: TestPki;
    let server: Running;
    let dir: string;
    const host = 'contoso.azurecr.io';
    let mode: 'ok' | 'forbidden' = 'ok';
    before(async () => {
      pki = makePki([host]);
      dir = mkdtempSync(join(tmpdir(), 'acrdoc-cli-'));
      writeFileSync(join(dir, 'ca.pem'), pki.caPem);
      server = await httpsServer(pki.cert, pki.key, (req, res) => {
        if (mode === 'forbidden') { res.writeHead(403); res.end("client with IP '127.0.0.1' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."); return; }
        res.writeHead(401, { 'www-authenticate': `Bearer realm="https://${host}/oauth2/token",service="${host}"` }); res.end('{}');
      });
    });
    after(async () => { await server.close(); pki.cleanup(); rmSync(dir, { recursive: true, force: true }); });

    async function viaProxy(args: string[], lang?: string) {
      // A CONNECT proxy that sends every tunnel to the loopback registry (the checks use port 443).
      const proxy: ProxyRunning = await connectProxy('ok', server.port);
      try {
        const o = io({ NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), DOCKER_CONFIG: dir, DOCKER_HOST: `unix://${join(dir, 'none.sock')}`, HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`, ...(lang ? { LANG: lang } : {}) });
        const code = await runCli(['diagnose', host, '--no-azure', '--only', 'network', '--resolve', `${host}=127.0.0.1`, '--timeout', '4', ...args], o);
        return { code, o, connects: proxy.connects };
      } finally { await proxy.close(); }
    }

    it('a registry that answers the challenge through the proxy: no cause, exit 0', async () => {
      mode = 'ok';
      const { code, o, connects } = await viaProxy(['--json']);
      const report = JSON.parse(o.out);
      assert.deepEqual(report.causes, [], JSON.stringify(report.findings.map((f: { checkId: string; status: string; message: string }) => `${f.checkId} ${f.status} ${f.message}`), null, 1));
      assert.equal(code, 0);
      assert.equal(report.findings.find((f: { checkId: string }) => f.checkId === 'net.challenge').status, 'pass');
      assert.ok(connects.includes(`${host}:443`));
    });

    it('a firewall refusal names the client IP and fills the fix, in Dutch', async () => {
      mode = 'forbidden';
      const { code, o } = await viaProxy([], 'nl_NL.UTF-8');
      assert.equal(code, 1);
      assert.match(o.out, /De firewall van het register staat het IP-adres van deze client niet toe/);
      assert.match(o.out, /az acr network-rule add --name contoso --ip-address 127\.0\.0\.1/);
    });


    it('--json and --sarif are valid documents; exit 1 when a cause is found', async () => {
      const env = { NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), DOCKER_CONFIG: dir, DOCKER_HOST: `unix://${join(dir, 'none.sock')}` };
      const j = io(env);
      // 127.0.0.1:443 is closed here: the login server is refused.
      const code = await runCli(['diagnose', host, '--json', '--no-azure', '--only', 'network', '--resolve', `${host}=127.0.0.1`, '--timeout', '3'], j);
      const report = JSON.parse(j.out);
      assert.equal(code, 1);
      assert.equal(report.causes[0].causeId, 'network.login-server-unreachable');
      assert.match(report.causes[0].docsUrl, /^https:\/\/learn\.microsoft\.com\/en-us\/.*#configure-client-firewall-access$/);
      assert.equal(report.causes[0].seed, 'troubleshoot-network');
      assert.equal(report.findings.find((f: { checkId: string }) => f.checkId === 'net.challenge').blockedBy, 'net.tcp');
      const s = io(env);
      await runCli(['diagnose', host, '--sarif', '--no-azure', '--only', 'network', '--resolve', `${host}=127.0.0.1`, '--timeout', '3'], s);
      const sarif = JSON.parse(s.out);
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs[0].results[0].ruleId, 'network.login-server-unreachable');
      assert.equal(sarif.runs[0].results[0].level, 'error');
      assert.match(sarif.runs[0].tool.driver.rules[0].helpUri, /container-registry-troubleshoot-access#configure-client-firewall-access/);
      const t = io(env);
      await runCli(['diagnose', host, '--no-azure', '--only', 'network', '--resolve', `${host}=127.0.0.1`, '--timeout', '3'], t);
      assert.ok(!t.out.includes('\x1b['), 'no colours when not a TTY');
      assert.match(t.out, /✖ TCP connection to the login server/);
      assert.match(t.out, /The login server refuses the connection/);
      assert.match(t.out, /\$ curl -sv https:\/\/contoso\.azurecr\.io\/v2\//);
    });

    it('ACR_DOCTOR_TRACE prints the run\'s timeline on stderr, and only then', async () => {
      const env = { NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), DOCKER_CONFIG: dir, DOCKER_HOST: `unix://${join(dir, 'none.sock')}` };
      const args = ['diagnose', host, '--json', '--no-azure', '--only', 'network', '--resolve', `${host}=127.0.0.1`, '--timeout', '3'];
      const traced = io({ ...env, ACR_DOCTOR_TRACE: '1' });
      await runCli(args, traced);
      const report = JSON.parse(traced.out);
      assert.match(traced.err, /^\[trace\] node start → diagnosis start \d+ ms; diagnosis \d+ ms/m);
      const lines = traced.err.split('\n').filter((l) => /^\[trace\]\s+\d+\s+\d+\s/.test(l));
      assert.equal(lines.length, report.findings.length, 'one line per finding');
      assert.match(traced.err, /\s+fail\s+net\.tcp\s+\[net\.dns \| {2}\| \]/, 'status, id and needs | after | awaits');
      assert.match(traced.err, /skipped\s+net\.challenge\s+\[net\.tls/);
      const quiet = io(env);
      await runCli(args, quiet);
      assert.ok(!quiet.err.includes('[trace]'));
    });
  });
});
