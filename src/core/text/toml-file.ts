// One TOML file from disk, bounded and read synchronously (podman's proxy and containerd's hosts
// shape the run's graph before it starts): missing is normal; unreadable, oversized or not TOML
// is a problem naming the file, in the words of the tool whose file it is.
import * as fs from 'node:fs';
import { msg, verbatim, type Message } from './message';
import { parseToml, type TomlTable } from './toml';

export const MAX_TOML_BYTES = 1024 * 1024;

export interface TomlFile { file: string; state: 'ok' | 'missing' | 'unreadable' | 'malformed'; table?: TomlTable; problemText?: Message }

/** What the tool does with a file too large or not TOML, said with the file's name. */
export interface TomlFileWords {
  tooLarge(file: string, size: number): Message;
  notToml(file: string, reason: Message): Message;
}

export function readTomlFile(file: string, words: TomlFileWords, maxBytes = MAX_TOML_BYTES): TomlFile {
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { file, state: 'unreadable', problemText: msg('{file} is not a file.', { file }) };
    if (st.size > maxBytes) return { file, state: 'malformed', problemText: words.tooLarge(file, st.size) };
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { file, state: 'missing' };
    return { file, state: 'unreadable', problemText: msg('{file} cannot be read ({code}).', { file, code: code ?? 'error' }) };
  }
  const parsed = parseToml(text);
  if ('problem' in parsed) return { file, state: 'malformed', problemText: words.notToml(file, verbatim(parsed.problem)) };
  return { file, state: 'ok', table: parsed.table };
}
