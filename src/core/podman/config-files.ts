// podman's TOML files and their drop-in folders, read the way containers/common and
// containers/image do: a main file, then every *.conf of a drop-in folder in name order. Each file
// is bounded; a missing one is normal, an unreadable or oversized one a problem with its name.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { msg } from '../text/message';
import { readTomlFile, type TomlFile } from '../text/toml-file';

export const MAX_CONF_BYTES = 1024 * 1024;
/** More drop-ins than this in one folder is not a configuration anyone wrote by hand. */
const MAX_DROP_INS = 64;

export type ConfFile = TomlFile;

/** One of podman's TOML files; `what` names its kind (containers.conf, registries.conf). */
export function readConfFile(file: string, what: string): ConfFile {
  return readTomlFile(file, {
    tooLarge: (f, size) => msg('{file} is {size} bytes, far larger than a {what}: podman would not use it either. Move it aside.', { file: f, size, what }),
    notToml: (f, reason) => msg('{file} is not valid TOML ({reason}); podman stops with an error when it reads it. Fix that line or move the file aside.', { file: f, reason }),
  }, MAX_CONF_BYTES);
}

/** The *.conf files of a drop-in folder, in name order (none when it does not exist). */
export function dropInFiles(dir: string): string[] {
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return []; }
  return names.filter((n) => n.endsWith('.conf')).sort().slice(0, MAX_DROP_INS).map((n) => path.join(dir, n));
}
