// podman's TOML files and their drop-in folders, read the way containers/common and
// containers/image do: a main file, then every *.conf of a drop-in folder in name order. Each file
// is bounded; a missing one is normal, an unreadable or oversized one a problem with its name.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { msg, verbatim, type Message } from '../text/message';
import { parseToml, type TomlTable } from '../text/toml';

export const MAX_CONF_BYTES = 1024 * 1024;
/** More drop-ins than this in one folder is not a configuration anyone wrote by hand. */
const MAX_DROP_INS = 64;

export interface ConfFile {
  file: string;
  state: 'ok' | 'missing' | 'unreadable' | 'malformed';
  table?: TomlTable;
  problemText?: Message;
}

/** One TOML file, read synchronously (the run's graph depends on podman's proxy). */
export function readConfFile(file: string, what: string): ConfFile {
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { file, state: 'unreadable', problemText: msg('{file} is not a file.', { file }) };
    if (st.size > MAX_CONF_BYTES) return { file, state: 'malformed', problemText: msg('{file} is {size} bytes, far larger than a {what}: podman would not use it either. Move it aside.', { file, size: st.size, what }) };
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { file, state: 'missing' };
    return { file, state: 'unreadable', problemText: msg('{file} cannot be read ({code}).', { file, code: code ?? 'error' }) };
  }
  const parsed = parseToml(text);
  if ('problem' in parsed) {
    return { file, state: 'malformed', problemText: msg('{file} is not valid TOML ({reason}); podman stops with an error when it reads it. Fix that line or move the file aside.', { file, reason: verbatim(parsed.problem) }) };
  }
  return { file, state: 'ok', table: parsed.table };
}

/** The *.conf files of a drop-in folder, in name order (none when it does not exist). */
export function dropInFiles(dir: string): string[] {
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return []; }
  return names.filter((n) => n.endsWith('.conf')).sort().slice(0, MAX_DROP_INS).map((n) => path.join(dir, n));
}
