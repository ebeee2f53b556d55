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

/** The cache directory from the environment: ACR_DOCTOR_COMPILE_CACHE (a path, or 0/off), else ~/.cache/acr-doctor. */
export function compileCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const set = env.ACR_DOCTOR_COMPILE_CACHE?.trim();
  if (set && /^(0|off|false|no)$/i.test(set)) return undefined;
  if (set) return path.resolve(set);
  const base = env.XDG_CACHE_HOME?.trim() || (safeHome() ? path.join(safeHome()!, '.cache') : undefined);
  return base ? path.join(base, 'acr-doctor') : undefined;
}

function safeHome(): string | undefined {
  try { return os.homedir() || undefined; } catch { return undefined; }
}

/**
 * V8 runs a code cache's bytecode without checking it against the source (only its length and
 * the flags), so a cache someone else could write would run their code as this user: a directory
 * or file that is not this user's, or that its group or others may write, is not used (POSIX;
 * on Windows the default directory is in the user's profile). A missing path is fine (not made yet).
 */
export function privateToThisUser(p: string): boolean {
  if (typeof process.getuid !== 'function') return true;
  let st: fs.Stats;
  try { st = fs.lstatSync(p); } catch (e) { return (e as NodeJS.ErrnoException).code === 'ENOENT'; }
  return !st.isSymbolicLink() && st.uid === process.getuid() && (st.mode & 0o022) === 0;
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
  let source = fs.readFileSync(file, 'utf8');
  if (source.startsWith('#!')) source = `//${source.slice(2)}`; // a shebang is only legal at a file's very start
  const named = opts.dir ? cacheName(file, opts.kind) : undefined;
  const cacheFile = named && opts.dir ? path.join(opts.dir, named.name) : undefined;
  const trusted = !cacheFile || (privateToThisUser(path.dirname(cacheFile)) && privateToThisUser(cacheFile));
  let cachedData: Buffer | undefined;
  if (cacheFile && trusted) { try { cachedData = fs.readFileSync(cacheFile); } catch { /* first run */ } }
  // import() inside the bundle resolves as in any CommonJS module (the constant is Node >= 20.12).
  const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData, ...(importModuleDynamically ? { importModuleDynamically } : {}) });
  const outcome: CompileCacheOutcome = { cache: !trusted ? 'untrusted' : !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted', file: cacheFile };
  if (cacheFile && trusted && outcome.cache !== 'accepted') {
    // At exit the functions the run compiled are in V8's cache data too.
    process.once('exit', () => writeCache(cacheFile, named!.prefix, () => script.createCachedData()));
  }
  const m = new Module(file, undefined);
  m.filename = file;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const req = ((id: string) => m.require(id)) as NodeJS.Require;
  Object.assign(req, { resolve: (r: string) => (Module as unknown as { _resolveFilename(r: string, p: unknown): string })._resolveFilename(r, m), main: m, cache: (Module as unknown as { _cache: unknown })._cache });
  process.mainModule = m as NodeJS.Module;
  (script.runInThisContext() as (...a: unknown[]) => void).call(m.exports, m.exports, req, m, file, path.dirname(file));
  return outcome;
}

/** Writes atomically (runs may overlap) and removes this bundle's caches of older builds. */
function writeCache(cacheFile: string, prefix: string, data: () => Buffer): void {
  try {
    const dir = path.dirname(cacheFile);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data(), { mode: 0o600 });
    fs.renameSync(tmp, cacheFile);
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(prefix) && f.endsWith('.v8') && path.join(dir, f) !== cacheFile) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch { /* no cache this time: the next run compiles again */ }
}
