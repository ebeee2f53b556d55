// No secret in what the CLI prints (text, --json, --sarif) or in explain's answer, even when a
// hostile registry echoes the credentials it was sent back in its error bodies and headers, and
// when the Docker config holds a stored password. The CLI runs in-process against loopback servers.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import { LOGIN, startHostileWorld, type HostileWorld } from './loopback-acr';

const PASSWORD = 'Pw-Cli-Secret-0a1b2c3d4e5f';
const STORED = 'Pw-Stored-For-Cli-9z8y7x6w';

describe('security: no secret in CLI output', function () {
  this.timeout(60_000);
  let w: HostileWorld;
  let dir: string;
  before(async () => {
    w = await startHostileWorld();
    dir = mkdtempSync(join(tmpdir(), 'acrdoc-cli-'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [LOGIN]: { auth: Buffer.from(`admin:${STORED}`).toString('base64') } } }));
    writeFileSync(join(dir, 'ca.pem'), w.pki.caPem);
    // A registry that repeats whatever credential it got, in the body, a header and the realm's error.
    w.handler = (req, body, res) => {
      const path = (req.url ?? '').split('?')[0];
      const echo = `${req.headers.authorization ?? ''} ${body} ${Buffer.from(String(req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString()}`;
      if (path === '/v2/' && !req.headers.authorization) {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="https://${LOGIN}/oauth2/token",service="${LOGIN}"` });
        res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
        return;
      }
      res.writeHead(401, { 'content-type': 'application/json', 'x-echo': encodeURIComponent(echo).slice(0, 500) });
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: `bad credentials: ${echo}`, detail: { password: PASSWORD, got: echo } }] }));
    };
  });
  after(async () => { await w.close(); rmSync(dir, { recursive: true, force: true }); });

  async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string }> {
    let out = '';
    const code = await runCli(args, {
      env: { HTTPS_PROXY: w.proxyUrl, DOCKER_CONFIG: dir, DOCKER_HOST: `unix://${join(dir, 'none.sock')}`, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'), PATH: '/nonexistent', LANG: 'en_US.UTF-8' },
      stdout: (s) => { out += s; }, stderr: (s) => { out += s; },
      readStdin: async () => stdin, stdinIsTty: false, colour: false,
    });
    return { code, out };
  }

  function assertClean(out: string, what: string): void {
    for (const s of [PASSWORD, STORED, Buffer.from(`admin:${PASSWORD}`).toString('base64'), Buffer.from(`admin:${STORED}`).toString('base64'), encodeURIComponent(PASSWORD)]) {
      assert.ok(!out.includes(s), `${what} contains a secret (${s.slice(0, 10)}…):\n${out.slice(Math.max(0, out.indexOf(s) - 200), out.indexOf(s) + 100)}`);
    }
  }

  for (const format of [[], ['--json'], ['--sarif']]) {
    it(`diagnose ${format.join(' ') || '(text)'} with --password-stdin against a registry that echoes credentials`, async () => {
      const r = await cli(['diagnose', LOGIN, ...format, '--no-azure', '--resolve', `${LOGIN}=127.0.0.1`, '--repository', 'hello', '--timeout', '8', '--username', 'admin', '--password-stdin'], `${PASSWORD}\n`);
      assert.ok(r.code === 1, `causes found (exit 1), got ${r.code}:\n${r.out.slice(0, 2000)}`);
      assert.ok(w.seen.some((s) => String(s.headers.authorization ?? '').startsWith('Basic ')), 'the password was really tried (so an echo was possible)');
      assertClean(r.out, `diagnose ${format.join(' ')}`);
      if (format[0]) JSON.parse(r.out);
    });
  }

  it('explain: a pasted log with secrets in it', async () => {
    const pasted = `$ docker login contoso.azurecr.io -u admin -p ${PASSWORD}\nError response from daemon: Get "https://contoso.azurecr.io/v2/": unauthorized: authentication required\n{"auth": "${Buffer.from(`admin:${STORED}`).toString('base64')}"}`;
    for (const f of [[], ['--json']]) {
      const r = await cli(['explain', ...f, pasted]);
      assert.equal(r.code, 0);
      assert.match(r.out, /credentials|authentication/i, 'it did explain');
      assertClean(r.out, `explain ${f.join(' ')}`);
    }
  });
});
