// Loads the CLI's bundle with a V8 code cache kept between runs. Compiling the 2 MB bundle and
// the functions a diagnosis calls is a third of a healthy run's CPU time; with the cache V8
// deserialises them instead. Node 22 has this built in (module.enableCompileCache); Node 20, which
// the CLI supports, does not, and v8-compile-cache caches at compile time only, so the functions
// compiled lazily during the run (most of them, in a bundle) would be compiled again every time.
// The cache is an optimisation: any problem with it (unwritable directory, a cache from another
// Node, a corrupt file) means an ordinary compile, never an error.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface CompileCacheOptions {
  /** Where the cache files live; undefined = no cache (a plain compile). */
  dir: string | undefined;
  /** Which run fills the cache (e.g. 'diagnose'): a run compiles what it calls, so each kind has its own. */
  kind: string;
}

export interface CompileCacheOutcome {
  /**
   * 'accepted': V8 used the cache; 'rejected': it was stale; 'absent': there was none (or no dir);
   * 'untrusted': the directory or file may be written by someone else, so it was not used.
   */
  cache: 'accepted' | 'rejected' | 'absent' | 'untrusted';
  file?: string;
}

/** Why a setting was not used (said in the trace, src/cli/launcher.ts words them). */
export type CompileCacheNote = 'relativeCompileCache' | 'relativeXdgCache' | 'cacheOffOnWindows';

/**
 * The cache directory from the environment: ACR_DOCTOR_COMPILE_CACHE (an absolute path, or
 * 0/off), else $XDG_CACHE_HOME/acr-doctor (absolute), else ~/.cache/acr-doctor. A relative path
 * would put the cache (whose bytecode runs unchecked) in whatever folder the CLI was started
 * from: it is ignored, with a note. Off on Windows, where owner and mode cannot be checked.
 */
export function compileCacheSetting(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): { dir: string | undefined; notes: CompileCacheNote[] } {
  const notes: CompileCacheNote[] = [];
  const set = env.ACR_DOCTOR_COMPILE_CACHE?.trim();
  if (set && /^(0|off|false|no)$/i.test(set)) return { dir: undefined, notes };
  if (platform === 'win32' || typeof process.getuid !== 'function') return { dir: undefined, notes: ['cacheOffOnWindows'] };
  if (set && path.isAbsolute(set)) return { dir: path.normalize(set), notes };
  if (set) notes.push('relativeCompileCache');
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && !path.isAbsolute(xdg)) notes.push('relativeXdgCache');
  const home = safeHome();
  const base = xdg && path.isAbsolute(xdg) ? xdg : home && path.isAbsolute(home) ? path.join(home, '.cache') : undefined;
  return { dir: base ? path.join(base, 'acr-doctor') : undefined, notes };
}

/** compileCacheSetting's directory. */
export function compileCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  return compileCacheSetting(env).dir;
}

function safeHome(): string | undefined {
  try { return os.homedir() || undefined; } catch { return undefined; }
}

const uid = (): number => (typeof process.getuid === 'function' ? process.getuid() : -1);
const byUserOrRoot = (st: fs.Stats) => st.uid === uid() || st.uid === 0;
// Group/world-writable only with the sticky bit (/tmp): others can then add entries but not replace ours.
const othersCannotReplace = (st: fs.Stats) => (st.mode & 0o022) === 0 || (st.mode & 0o1000) !== 0;

/** Every folder from `p` up to the root. */
function ancestors(p: string): string[] {
  const out: string[] = [];
  for (let d = path.resolve(p); ; d = path.dirname(d)) { out.push(d); if (path.dirname(d) === d) return out; }
}

/**
 * Can nobody but this user (and root) put or swap a file in `dir`? V8 runs a code cache's
 * bytecode without checking it against the source (only its length and the flags), so a cache
 * someone else could write would run their code as this user. The folder itself is this user's
 * and not group/world-writable; each folder above it (as written and as resolved through symlinks)
 * is the user's or root's and not writable by others unless sticky. A folder not made yet is
 * judged by the folders above it.
 */
export function trustedCacheDir(dir: string): boolean {
  if (typeof process.getuid !== 'function') return false;
  let existing = path.resolve(dir);
  try {
    const st = fs.lstatSync(existing);
    if (!st.isDirectory() || st.uid !== uid() || (st.mode & 0o022) !== 0) return false;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return false;
    while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  }
  try {
    for (const a of ancestors(existing)) {
      const st = fs.lstatSync(a);
      // A symlink's own mode means nothing; who may change it is its folder's (checked next), where it leads is checked below.
      if (!byUserOrRoot(st) || (!st.isSymbolicLink() && !othersCannotReplace(st))) return false;
    }
    for (const a of ancestors(fs.realpathSync(existing))) {
      const st = fs.statSync(a);
      if (!byUserOrRoot(st) || !othersCannotReplace(st)) return false;
    }
  } catch { return false; }
  return true;
}

/**
 * The cache file's bytes, judged on the open handle (no check-then-read race): opened without
 * following a symlink, it must be a regular file of this user's, with one link, not writable by
 * group or others. 'absent' when there is none.
 */
export function readTrustedCache(file: string): Buffer | 'absent' | 'untrusted' {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'untrusted';
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.uid !== uid() || (st.mode & 0o022) !== 0 || st.nlink !== 1) return 'untrusted';
    return fs.readFileSync(fd);
  } catch { return 'untrusted'; } finally { fs.closeSync(fd); }
}

/** The cache file's name: changes with the bundle (size, mtime), Node and the CPU architecture. */
function cacheName(file: string, kind: string): { name: string; prefix: string } | undefined {
  try {
    const st = fs.statSync(file);
    const key = crypto.createHash('sha256').update(`${process.version} ${process.arch} ${st.size} ${st.mtimeMs} ${file}`).digest('hex').slice(0, 16);
    const prefix = `${path.basename(file, '.js')}-${kind.replace(/[^a-z0-9-]/gi, '')}-`;
    return { name: `${prefix}${key}.v8`, prefix };
  } catch { return undefined; }
}

/**
 * Runs the CommonJS `file` as the main module (as `node file` would) and returns what happened to
 * the cache. After the run (at process exit) it writes the cache when V8 had none to use.
 */
export function runWithCompileCache(file: string, opts: CompileCacheOptions): CompileCacheOutcome {
  const { script, outcome } = compileWithCache(file, opts);
  const m = new Module(file, undefined);
  m.filename = file;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const req = ((id: string) => m.require(id)) as NodeJS.Require;
  Object.assign(req, { resolve: (r: string) => (Module as unknown as { _resolveFilename(r: string, p: unknown): string })._resolveFilename(r, m), main: m, cache: (Module as unknown as { _cache: unknown })._cache });
  process.mainModule = m;
  (script.runInThisContext() as (...a: unknown[]) => void).call(m.exports, m.exports, req, m, file, path.dirname(file));
  return outcome;
}

/**
 * The bundle compiled (from the cache where V8 takes it). A bundle that wraps itself (SELF_WRAPPED,
 * as dist/cli-main.js does) is compiled from the text as read; any other is wrapped here, a second
 * copy of its text. Its own function so that the cache's bytes (2 MB for the CLI) and the unwrapped
 * text are no longer referenced while the bundle runs: a scavenge frees them instead of a full GC
 * that a short run never gets to.
 */
function compileWithCache(file: string, opts: CompileCacheOptions): { script: vm.Script; outcome: CompileCacheOutcome } {
  const text = fs.readFileSync(file, 'utf8');
  // V8 reads a shebang at a script's start; inside Module.wrap's function it must become a comment.
  const source = isSelfWrapped(text) ? text : Module.wrap(text.startsWith('#!') ? `//${text.slice(2)}` : text);
  const named = opts.dir ? cacheName(file, opts.kind) : undefined;
  const cacheFile = named && opts.dir ? path.join(opts.dir, named.name) : undefined;
  let trusted = !cacheFile || trustedCacheDir(path.dirname(cacheFile));
  let cachedData: Buffer | undefined;
  if (cacheFile && trusted) {
    const read = readTrustedCache(cacheFile);
    if (read === 'untrusted') trusted = false;
    else if (read !== 'absent') cachedData = read;
  }
  // import() inside the bundle resolves as in any CommonJS module (the constant is Node >= 20.12).
  const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new vm.Script(source, { filename: file, cachedData, ...(importModuleDynamically ? { importModuleDynamically } : {}) });
  const outcome: CompileCacheOutcome = { cache: !trusted ? 'untrusted' : !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted', file: cacheFile };
  if (cacheFile && trusted && outcome.cache !== 'accepted') {
    // At exit the functions the run compiled are in V8's cache data too.
    process.once('exit', () => writeCache(cacheFile, named!.prefix, () => script.createCachedData()));
  }
  return { script, outcome };
}

/**
 * The first line (after the shebang) of a bundle that wraps itself in the module function
 * (scripts/extension-bundles.mjs, CLI_MAIN_SELF_WRAPPED, the same text): compiled as it is, the
 * script's value is that function.
 */
export const SELF_WRAPPED = '(this === globalThis ? (main) => main : (main) => main.call(this, exports, require, module, __filename, __dirname))(function (exports, require, module, __filename, __dirname) {';

function isSelfWrapped(text: string): boolean {
  const start = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
  return text.startsWith(SELF_WRAPPED, start);
}

/** Writes atomically (runs may overlap) and removes this bundle's caches of older builds. */
function writeCache(cacheFile: string, prefix: string, data: () => Buffer): void {
  try {
    const dir = path.dirname(cacheFile);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!trustedCacheDir(dir)) return; // made by someone else in the meantime, or loosened
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    // A new file only (O_EXCL, no symlink followed): never written through someone's link.
    const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600);
    try { fs.writeFileSync(fd, data()); } finally { fs.closeSync(fd); }
    fs.renameSync(tmp, cacheFile);
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(prefix) && f.endsWith('.v8') && path.join(dir, f) !== cacheFile) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch { /* no cache this time: the next run compiles again */ }
}
