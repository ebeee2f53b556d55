// Is the docker CLI installed? Found the way a shell finds it (each absolute PATH directory,
// executable bit, PATHEXT on Windows), without running it: its output is never parsed, the
// Engine API answers the rest.
import { findExecutable } from './executable-on-path';

/** Full path of the first executable `name` on `pathEnv`, or undefined. */
export async function findOnPath(name: string, pathEnv: string | undefined, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  if (!pathEnv) return undefined;
  return findExecutable(name, { pathEnv, platform });
}
