// Is the docker CLI installed? Found the way a shell finds it (each PATH directory, executable
// bit), without running it: its output is never parsed, the Engine API answers the rest.
import { promises as fs, constants } from 'node:fs';
import * as path from 'node:path';

/** Full path of the first executable `name` on `pathEnv`, or undefined. */
export async function findOnPath(name: string, pathEnv: string | undefined, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  if (!pathEnv) return undefined;
  const exts = platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of pathEnv.split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        const st = await fs.stat(candidate);
        if (!st.isFile()) continue;
        await fs.access(candidate, constants.X_OK);
        return candidate;
      } catch { /* not here */ }
    }
  }
  return undefined;
}
