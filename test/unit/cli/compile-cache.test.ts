// The bin (dist/cli.js, src/cli/launcher.ts) runs dist/cli-main.js through a V8 code cache: built
// here with the real esbuild options next to a small stand-in cli-main.js, then run as the bin.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error plain ES module without types
import { CLI_MAIN_SELF_WRAPPED, cliBundle, cliLauncherBundle, esbuildOptions } from '../../../scripts/extension-bundles.mjs';
import { compileCacheDir, compileCacheSetting, SELF_WRAPPED } from '../../../src/cli/compile-cache';

const root = path.resolve(__dirname, '..', '..', '..');

function run(bin: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH, ACR_DOCTOR_TRACE: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = ''; let stderr = '';
    child.stdout.on('data', (b) => { stdout += b; });
    child.stderr.on('data', (b) => { stderr += b; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
const cacheSaid = (stderr: string) => /\[trace\] compile cache: (\w+)/.exec(stderr)?.[1];

describe('CLI compile cache (src/cli/launcher.ts, compile-cache.ts)', function () {
  this.timeout(60_000);
  let top: string; let dir: string; let bin: string; let cache: string;
  before(async () => {
    // The package's layout: dist/cli.js beside l10n/, whose Dutch bundle the launcher reads.
    top = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-compile-cache-'));
    dir = path.join(top, 'dist');
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.mkdirSync(path.join(top, 'l10n'));
    fs.copyFileSync(path.join(root, 'l10n', 'bundle.l10n.nl.json'), path.join(top, 'l10n', 'bundle.l10n.nl.json'));
    bin = path.join(dir, 'cli.js'); cache = path.join(dir, 'cache');
    const { node } = esbuildOptions({ root, production: true });
    await build({ ...cliLauncherBundle({ root, node: { ...node, logLevel: 'silent' }, outfile: bin }) });
    // The stand-in for the CLI proper: a shebang, require of a builtin, __dirname, argv and exit code as the real one uses them.
    fs.writeFileSync(path.join(dir, 'cli-main.js'), `#!/usr/bin/env node
const os = require('node:os');
function answer(n) { return n * 2; }
process.stdout.write(JSON.stringify({ dir: __dirname, argv: process.argv.slice(2), answer: answer(21), eol: os.EOL.length, main: require.main === module }));
process.exitCode = process.argv.includes('fail') ? 3 : 0;
`);
  });
  after(() => fs.rmSync(top, { recursive: true, force: true }));

  it('runs the bundle as the main module, with its argv and exit code', async () => {
    const r = await run(bin, ['diagnose', 'fail'], { ACR_DOCTOR_COMPILE_CACHE: cache });
    assert.equal(r.code, 3, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { dir, argv: ['diagnose', 'fail'], answer: 42, eol: 1, main: true });
  });

  it('writes a cache on the first run of a kind and uses it on the next', async () => {
    fs.rmSync(cache, { recursive: true, force: true });
    const first = await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: cache });
    assert.equal(cacheSaid(first.stderr), 'absent', first.stderr);
    const files = fs.readdirSync(cache);
    assert.equal(files.length, 1); assert.match(files[0], /^cli-main-diagnose-[0-9a-f]{16}\.v8$/);
    const second = await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: cache });
    assert.equal(cacheSaid(second.stderr), 'accepted', second.stderr);
    assert.equal(JSON.parse(second.stdout).answer, 42);
    const other = await run(bin, ['--version'], { ACR_DOCTOR_COMPILE_CACHE: cache });
    assert.equal(cacheSaid(other.stderr), 'absent', 'a --version run has its own cache');
    assert.equal(fs.readdirSync(cache).length, 2);
  });

  it('a corrupt cache is rejected, the run still works, and the cache is written again', async () => {
    const file = path.join(cache, fs.readdirSync(cache).find((f) => f.includes('-diagnose-'))!);
    fs.writeFileSync(file, Buffer.from('not a V8 code cache, just garbage bytes'.repeat(20)));
    const r = await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: cache });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(cacheSaid(r.stderr), 'rejected');
    assert.equal(JSON.parse(r.stdout).answer, 42);
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: cache })).stderr), 'accepted');
  });

  it('a changed bundle gets a new cache and the old one is removed', async () => {
    const main = path.join(dir, 'cli-main.js');
    fs.appendFileSync(main, '// changed\n');
    const later = new Date(Date.now() + 5000); fs.utimesSync(main, later, later);
    const r = await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: cache });
    assert.equal(cacheSaid(r.stderr), 'absent');
    assert.equal(fs.readdirSync(cache).filter((f) => f.includes('-diagnose-')).length, 1, 'the stale diagnose cache is gone');
  });

  it('an unwritable cache directory is no error, and ACR_DOCTOR_COMPILE_CACHE=0 turns it off', async () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    const r = await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: path.join(blocker, 'cache') });
    assert.equal(r.code, 0, r.stderr); assert.equal(JSON.parse(r.stdout).answer, 42);
    assert.doesNotMatch(r.stderr, /Error/);
    const off = await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: '0' });
    assert.equal(cacheSaid(off.stderr), 'absent'); assert.doesNotMatch(off.stderr, /\(/, 'no cache file named');
  });

  it('does not use a cache directory or file that others may write (its bytecode would run unchecked), and the run still works', async () => {
    const shared = path.join(dir, 'shared-cache');
    fs.rmSync(shared, { recursive: true, force: true });
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: shared })).stderr), 'absent');
    const [file] = fs.readdirSync(shared).filter((f) => f.includes('-diagnose-'));
    assert.ok(file, 'the first run wrote a cache');
    assert.equal((fs.statSync(shared).mode & 0o777), 0o700, 'the directory is made private');
    assert.equal((fs.statSync(path.join(shared, file)).mode & 0o777), 0o600, 'the file is private');
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: shared })).stderr), 'accepted');

    fs.chmodSync(path.join(shared, file), 0o666);
    const loose = await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: shared });
    assert.equal(cacheSaid(loose.stderr), 'untrusted');
    assert.equal(loose.code, 0, loose.stderr); assert.equal(JSON.parse(loose.stdout).answer, 42);
    fs.chmodSync(path.join(shared, file), 0o600);

    fs.chmodSync(shared, 0o777);
    const before = fs.statSync(path.join(shared, file)).mtimeMs;
    const open = await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: shared });
    assert.equal(cacheSaid(open.stderr), 'untrusted');
    assert.equal(JSON.parse(open.stdout).answer, 42);
    assert.equal(fs.statSync(path.join(shared, file)).mtimeMs, before, 'nothing is written there either');
    fs.chmodSync(shared, 0o700);
    if (process.getuid?.() === 0) { // root can give the file to another user
      fs.chownSync(path.join(shared, file), 1, 1);
      assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: shared })).stderr), 'untrusted', "another user's file");
      fs.chownSync(path.join(shared, file), 0, 0);
    }
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: shared })).stderr), 'accepted');
  });

  it('ignores a relative ACR_DOCTOR_COMPILE_CACHE or XDG_CACHE_HOME (never a cache in the current folder) and says so', async () => {
    const work = path.join(dir, 'work'); const home = path.join(dir, 'home');
    fs.mkdirSync(work, { recursive: true, mode: 0o700 }); fs.mkdirSync(home, { recursive: true, mode: 0o700 });
    for (const env of [{ ACR_DOCTOR_COMPILE_CACHE: 'rel-cache' }, { ACR_DOCTOR_COMPILE_CACHE: './rel-cache' }, { XDG_CACHE_HOME: 'rel-cache' }]) {
      const r = await run(bin, ['diagnose', 'x'], { HOME: home, ...env }, work);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(fs.readdirSync(work), [], `nothing written in the current folder (${JSON.stringify(env)})`);
      assert.match(r.stderr, /\[trace\] compile cache: (ACR_DOCTOR_COMPILE_CACHE|XDG_CACHE_HOME) is not an absolute path: ignored/);
      assert.ok(r.stderr.includes(path.join(home, '.cache', 'acr-doctor')), `the default place is used instead: ${r.stderr}`);
    }
    const nl = await run(bin, ['diagnose', 'x'], { HOME: home, ACR_DOCTOR_COMPILE_CACHE: 'rel', LANG: 'nl_NL.UTF-8' }, work);
    assert.match(nl.stderr, /ACR_DOCTOR_COMPILE_CACHE is geen absoluut pad: genegeerd/);
    assert.deepEqual(compileCacheSetting({ ACR_DOCTOR_COMPILE_CACHE: 'rel', XDG_CACHE_HOME: 'x' }, 'linux').notes, ['relativeCompileCache', 'relativeXdgCache']);
  });

  describe('a bundle that wraps itself (dist/cli-main.js) and the V8 flags of a short run', () => {
    const PADDING = 3 * 1024 * 1024;
    let selfDir: string; let selfBin: string;
    before(() => {
      selfDir = path.join(dir, 'self');
      fs.mkdirSync(selfDir, { mode: 0o700 });
      selfBin = path.join(selfDir, 'cli.js');
      fs.copyFileSync(bin, selfBin);
      // Reports the large-object space (the compiled text is the one big object) and the young
      // generation's size after keeping ~20 MB of small objects alive through scavenges.
      const body = `const v8 = require('node:v8');
const space = (n) => v8.getHeapSpaceStatistics().find((s) => s.space_name === n).space_size;
const large = space('large_object_space') + space('new_large_object_space');
const keep = []; for (let i = 0; i < 300000; i++) keep.push({ i, s: 'x' + i });
process.stdout.write(JSON.stringify({ dir: __dirname, argv: process.argv.slice(2), main: require.main === module, large, young: space('new_space'), kept: keep.length }));
/* ${'padding '.repeat(PADDING / 8)} */`;
      fs.writeFileSync(path.join(selfDir, 'cli-main.js'), `#!/usr/bin/env node\n${SELF_WRAPPED}\n${body}\n});\n`);
    });

    it('the CLI bundle opens with the wrapper the launcher recognises', () => {
      assert.equal(CLI_MAIN_SELF_WRAPPED, SELF_WRAPPED);
      const { node } = esbuildOptions({ root, production: true });
      assert.equal(cliBundle({ root, node, outfile: path.join(dir, 'unused.js') }).banner.js, `#!/usr/bin/env node\n${SELF_WRAPPED}`);
    });

    it('runs as a module (node, require) and under the bin, compiled from the text as read: one copy of it, with and without a cache', async () => {
      const direct = await run(path.join(selfDir, 'cli-main.js'), ['a'], {});
      assert.equal(direct.code, 0, direct.stderr);
      assert.deepEqual({ ...JSON.parse(direct.stdout), large: 0, young: 0 }, { dir: selfDir, argv: ['a'], main: true, large: 0, young: 0, kept: 300000 });
      const c = path.join(selfDir, 'cache');
      for (const expected of ['absent', 'accepted']) {
        const r = await run(selfBin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c });
        assert.equal(cacheSaid(r.stderr), expected, r.stderr);
        const out = JSON.parse(r.stdout);
        assert.deepEqual([out.dir, out.argv, out.main], [selfDir, ['diagnose', 'x'], true]);
        // Wrapped again (Module.wrap), the text would be there twice: the read one and the compiled copy.
        assert.ok(out.large < 1.5 * PADDING, `large objects ${out.large} B for a ${PADDING} B bundle (${expected})`);
      }
    });

    it("a short run keeps the young generation at its first size; mcp, a server, keeps V8's defaults", async () => {
      const short = JSON.parse((await run(selfBin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: '0' })).stdout);
      const server = JSON.parse((await run(selfBin, ['mcp'], { ACR_DOCTOR_COMPILE_CACHE: '0' })).stdout);
      assert.ok(short.young <= 2 * 1024 * 1024, `young generation ${short.young} B`);
      assert.ok(server.young > 4 * 1024 * 1024, `young generation of mcp ${server.young} B`);
    });
  });

  it('is off on Windows, where owner and mode cannot be checked', () => {
    assert.deepEqual(compileCacheSetting({ ACR_DOCTOR_COMPILE_CACHE: 'C:\\cache' }, 'win32'), { dir: undefined, notes: ['cacheOffOnWindows'] });
    assert.deepEqual(compileCacheSetting({}, 'win32'), { dir: undefined, notes: ['cacheOffOnWindows'] });
    assert.deepEqual(compileCacheSetting({ ACR_DOCTOR_COMPILE_CACHE: '0' }, 'win32'), { dir: undefined, notes: [] });
  });

  it('judges the open file, not the path: a symlink or a hard-linked cache file is not used', async () => {
    const c = path.join(dir, 'link-cache');
    fs.rmSync(c, { recursive: true, force: true });
    await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c });
    const [file] = fs.readdirSync(c).filter((f) => f.includes('-diagnose-'));
    const full = path.join(c, file);
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c })).stderr), 'accepted');
    // A symlink to a good cache (someone could point it elsewhere later): not followed.
    const real = path.join(dir, 'real-cache.v8');
    fs.renameSync(full, real); fs.symlinkSync(real, full);
    const viaLink = await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c });
    assert.equal(cacheSaid(viaLink.stderr), 'untrusted'); assert.equal(JSON.parse(viaLink.stdout).answer, 42);
    assert.ok(fs.lstatSync(full).isSymbolicLink(), 'nothing written through the link either');
    fs.rmSync(full); fs.renameSync(real, full);
    // A second name for the file elsewhere (whoever owns that folder could have made it).
    const other = path.join(dir, 'other-name.v8');
    fs.linkSync(full, other);
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c })).stderr), 'untrusted');
    fs.rmSync(other);
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c })).stderr), 'accepted');
  });

  it('checks the folders above the cache: not writable by group or others unless sticky, owned by the user or root', async () => {
    const parent = path.join(dir, 'parent'); const c = path.join(parent, 'cache');
    fs.rmSync(parent, { recursive: true, force: true });
    fs.mkdirSync(c, { recursive: true, mode: 0o700 });
    fs.chmodSync(parent, 0o700);
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c })).stderr), 'absent');
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c })).stderr), 'accepted');
    fs.chmodSync(parent, 0o777); // anyone could rename our cache folder away and put theirs in its place
    const loose = await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c });
    assert.equal(cacheSaid(loose.stderr), 'untrusted'); assert.equal(JSON.parse(loose.stdout).answer, 42);
    fs.chmodSync(parent, 0o1777); // sticky, like /tmp: others may add entries, not replace ours
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c })).stderr), 'accepted');
    fs.chmodSync(parent, 0o775);
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c })).stderr), 'untrusted', 'group-writable');
    fs.chmodSync(parent, 0o755);
    // A folder that is not made yet is judged by the folders above it.
    fs.chmodSync(parent, 0o777);
    const fresh = path.join(parent, 'not-yet', 'cache');
    assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: fresh })).stderr), 'untrusted');
    assert.ok(!fs.existsSync(path.join(parent, 'not-yet')), 'and it is not made there');
    fs.chmodSync(parent, 0o755);
    if (process.getuid?.() === 0) { // root can give the folder to another user
      fs.chownSync(parent, 1, 1);
      assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c })).stderr), 'untrusted', "a folder above owned by another user");
      fs.chownSync(parent, 0, 0);
      assert.equal(cacheSaid((await run(bin, ['diagnose', 'x'], { ACR_DOCTOR_COMPILE_CACHE: c })).stderr), 'accepted');
    }
  });

  it('finds its directory from the environment', () => {
    assert.equal(compileCacheDir({ ACR_DOCTOR_COMPILE_CACHE: 'off' }), undefined);
    assert.equal(compileCacheDir({ ACR_DOCTOR_COMPILE_CACHE: '/tmp/x' }), '/tmp/x');
    assert.equal(compileCacheDir({ XDG_CACHE_HOME: '/var/c' }), '/var/c/acr-doctor');
    assert.equal(compileCacheDir({}), path.join(os.homedir(), '.cache', 'acr-doctor'));
  });
});
