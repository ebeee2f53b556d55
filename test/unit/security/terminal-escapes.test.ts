// Terminal escapes from the network (a proxy's reason phrase, a certificate's issuer, a registry's
// error text) never reach the terminal: the engine strips C0/C1 controls from every finding's
// message, evidence and fixes, and the CLI from everything it prints (keeping only its own colours).
import { strict as assert } from 'node:assert';
import { createServer, type Socket } from 'node:net';
import { runDiagnosis } from '../../../src/core/engine/runner';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';
import type { Cause, CauseId } from '../../../src/core/catalogue/types';
import { checkKey } from '../../../src/core/engine/types';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { stripControlChars, stripControlCharsDeep, terminalText } from '../../../src/core/text/control-chars';
import { runCli } from '../../../src/cli/run';
import { msg } from '../../../src/core/text/message';

const HOSTILE = '\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZWNobyBoaQ==\x07\x9b31m\x90q\x9c\r\x00\x7f';
/** Anything a terminal acts on that the CLI did not write itself. */
const FOREIGN_CONTROL = /[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]|\x1b(?!\[(?:[0-9]|[1-9][0-9])m)/;

describe('security: terminal escapes (text/control-chars, engine, CLI)', () => {
  it('strips C0 and C1 controls but keeps newline and tab', () => {
    assert.equal(stripControlChars(`a${HOSTILE}b\n\tc`), 'a]0;pwned[2J]52;c;ZWNobyBoaQ==31mqb\n\tc');
    assert.deepEqual(stripControlCharsDeep({ [`k\x1b`]: [`v\x9b`, 3, { x: '\x07y' }], n: null }), { k: ['v', 3, { x: 'y' }], n: null });
  });

  it('terminalText keeps only plain SGR colours, and only when colour is on', () => {
    const own = '\x1b[31mred\x1b[39m \x1b[1mbold\x1b[22m';
    assert.equal(terminalText(own + HOSTILE, true), `${own}]0;pwned[2J]52;c;ZWNobyBoaQ==31mq`);
    assert.equal(terminalText(own, false), '[31mred[39m [1mbold[22m');
    assert.doesNotMatch(terminalText(`\x1b[2J\x1b[10;10H\x1b]8;;http://x\x07`, true), FOREIGN_CONTROL);
  });

  it('the engine strips them from every finding message, evidence value and fix', async () => {
    const target = parseRegistryInput('contoso.azurecr.io');
    const env: DiagnoseEnvironment = { proxy: {}, dockerConfigDir: '/nonexistent', now: () => new Date() };
    const cause = { id: 'c', layer: 1, title: { en: 'c', nl: 'c' }, explanation: { en: 'c', nl: 'c' }, seed: 'troubleshoot-network', section: 's', sectionTitle: { en: 's', nl: 's' }, docs: { page: 'p', anchor: 'a' }, symptoms: [],
      fixes: [{ kind: 'copyCommand', title: { en: 'f', nl: 'f' }, command: 'echo {note}' }] } as unknown as Cause;
    const report = await runDiagnosis([{
      id: checkKey('x'), area: 'network', title: 'x', needs: [], timeoutMs: 1000,
      run: async () => ({ status: 'fail', causeId: 'c' as CauseId, message: msg(`issuer ${HOSTILE}`), evidence: { issuer: HOSTILE, [`k${HOSTILE}`]: 1 }, fixParams: { note: `n${HOSTILE}` } }),
    }, { id: checkKey('y'), area: 'network', title: 'y', needs: [], timeoutMs: 1000, run: async () => { throw new Error(`boom ${HOSTILE}`); } }], target, env, { causeOf: () => cause });
    const text = JSON.stringify(report);
    assert.ok(report.findings.length === 2 && report.findings[0].fixes.length === 1, text);
    for (const f of report.findings) {
      assert.doesNotMatch(f.message, FOREIGN_CONTROL, f.message);
      assert.doesNotMatch(JSON.stringify(f.evidence).replace(/\\u00[0-9a-f]{2}/gi, (e) => String.fromCharCode(parseInt(e.slice(2), 16))), FOREIGN_CONTROL);
      for (const x of f.fixes) assert.doesNotMatch(x.command ?? '', FOREIGN_CONTROL, x.command);
    }
    assert.match(report.findings.find((f) => f.checkId === 'x')!.message, /issuer \]0;pwned/, 'the readable rest stays');
  });

  it('the CLI prints no escape a proxy put in its reason phrase, in text (colour on) and --json', async function () {
    this.timeout(30_000);
    // A proxy that refuses CONNECT with escapes (and C1 bytes) in the reason phrase.
    const sockets = new Set<Socket>();
    const proxy = createServer((s) => {
      sockets.add(s);
      s.once('data', () => s.end(Buffer.concat([Buffer.from('HTTP/1.1 403 '), Buffer.from(HOSTILE.replace('\r', ''), 'latin1'), Buffer.from(' Denied\r\n\r\n')])));
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as { port: number }).port;
    try {
      for (const format of [[], ['--json']]) {
        let out = '';
        const code = await runCli(['diagnose', 'contoso.azurecr.io', ...format, '--no-azure', '--resolve', 'contoso.azurecr.io=127.0.0.1', '--timeout', '4'], {
          env: { HTTPS_PROXY: `http://127.0.0.1:${port}`, DOCKER_CONFIG: '/nonexistent', DOCKER_HOST: 'unix:///nonexistent.sock', PATH: '/nonexistent', LANG: 'en_US.UTF-8' },
          stdout: (s) => { out += s; }, stderr: (s) => { out += s; }, readStdin: async () => '', stdinIsTty: false, colour: true,
        });
        assert.equal(code, 1, out.slice(0, 2000));
        assert.match(out, /Denied/, 'the proxy answer was seen and reported');
        assert.doesNotMatch(out, FOREIGN_CONTROL, JSON.stringify(out.slice(0, 600)));
      }
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });

  it('the CLI prints no escape from a bad argument or a pasted error', async () => {
    for (const argv of [['diagnose', `contoso${HOSTILE}`], ['explain', `unauthorized: authentication required ${HOSTILE}`], [`--bogus${HOSTILE}`]]) {
      let out = '';
      await runCli(argv, { env: { LANG: 'en_US.UTF-8' }, stdout: (s) => { out += s; }, stderr: (s) => { out += s; }, readStdin: async () => '', stdinIsTty: true, colour: true });
      assert.ok(out.length > 10, out);
      assert.doesNotMatch(out, FOREIGN_CONTROL, JSON.stringify(out));
    }
  });
});
