// Where a program is, found on PATH the way a shell would, but never in the current folder: a
// relative PATH entry ("", ".", "bin") would run a program a cloned repository ships
// (docker-credential-desktop.exe), and so would Windows, which searches the current folder first
// when it is given a bare name. Callers spawn the absolute path this returns (see safeSpawnOptions).
import { accessSync, promises as fs, constants, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface LookupOptions {
  /** PATH to search (default: this process's). */
  pathEnv?: string;
  /** PATHEXT on Windows (default: this process's, else .COM;.EXE;.BAT;.CMD). */
  pathExt?: string;
  platform?: NodeJS.Platform;
}

const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';

/** Only a fully qualified entry: "C:\x" or "\\server\share" on Windows ("\x" and "C:x" depend on the current drive/folder). */
function absoluteEntry(dir: string, platform: NodeJS.Platform): boolean {
  return platform === 'win32' ? /^(?:[A-Za-z]:[\\/]|\\\\[^\\/])/.test(dir) : path.posix.isAbsolute(dir);
}

/** The PATH entries that may be searched: no empty, relative or (on Windows) quoted-around entry left relative. */
export function searchableEntries(pathEnv: string | undefined, platform: NodeJS.Platform = process.platform): string[] {
  if (!pathEnv) return [];
  const delimiter = platform === 'win32' ? ';' : ':';
  return pathEnv.split(delimiter).map((d) => (platform === 'win32' ? d.trim().replace(/^"(.*)"$/, '$1') : d)).filter((d) => d !== '' && absoluteEntry(d, platform));
}

/** The file name extensions Windows tries (PATHEXT), each a plain ".ext"; [''] elsewhere. */
export function executableExtensions(pathExt: string | undefined, platform: NodeJS.Platform = process.platform): string[] {
  if (platform !== 'win32') return [''];
  const exts = (pathExt || DEFAULT_PATHEXT).split(';').map((e) => e.trim().toLowerCase()).filter((e) => /^\.[a-z0-9]{1,8}$/.test(e));
  return exts.length ? [...new Set(exts)] : DEFAULT_PATHEXT.toLowerCase().split(';');
}

/**
 * The paths `name` may be at, in PATH order (absolute entries only, PATHEXT on Windows); none for
 * a name with a folder in it, which would be looked up relative to something else than PATH.
 */
function candidatePaths(name: string, opts: LookupOptions): string[] {
  const platform = opts.platform ?? process.platform;
  if (!name || /[\\/]/.test(name)) return [];
  const pathEnv = opts.pathEnv ?? process.env.PATH ?? process.env.Path;
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  const exts = executableExtensions(opts.pathExt ?? process.env.PATHEXT, platform);
  return searchableEntries(pathEnv, platform).flatMap((dir) => exts.map((ext) => join(dir, name + ext)));
}

/** Absolute path of the first executable `name` on PATH (absolute entries only), or undefined. */
export async function findExecutable(name: string, opts: LookupOptions = {}): Promise<string | undefined> {
  for (const candidate of candidatePaths(name, opts)) {
    try {
      const st = await fs.stat(candidate);
      if (!st.isFile()) continue;
      await fs.access(candidate, constants.X_OK);
      return candidate;
    } catch { /* not here */ }
  }
  return undefined;
}

/**
 * spawn() options for a program found by findExecutable: the home folder as working folder (not
 * wherever the extension host or the CLI was started), and on Windows the child's own lookups
 * kept out of its current folder too.
 */
export function safeSpawnOptions(env: NodeJS.ProcessEnv, executable: string, platform: NodeJS.Platform = process.platform): { cwd: string; env: NodeJS.ProcessEnv } {
  const childEnv: NodeJS.ProcessEnv = { ...env };
  if (platform === 'win32') childEnv.NoDefaultCurrentDirectoryInExePath = '1';
  return { cwd: homeFolder() ?? path.dirname(executable), env: childEnv };
}

/** The user's home folder when it exists: where a program found on PATH is started. */
export function homeFolder(): string | undefined {
  try { return existingDir(os.homedir() || undefined); } catch { return undefined; }
}

function existingDir(dir: string | undefined): string | undefined {
  try { return dir && path.isAbsolute(dir) && statSync(dir).isDirectory() ? dir : undefined; } catch { return undefined; }
}

/** findExecutable without awaiting: for deciding, before a run, which client is on PATH. */
export function findExecutableSync(name: string, opts: LookupOptions = {}): string | undefined {
  for (const candidate of candidatePaths(name, opts)) {
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch { /* not here */ }
  }
  return undefined;
}
