// TOML as podman's and containerd's files use it, parsed by smol-toml (a full TOML 1.0 parser):
// a file that is not TOML is a problem with smol-toml's line and column, never an exception.
import { parse, TomlError } from 'smol-toml';

export type TomlTable = Record<string, unknown>;

export function parseToml(text: string): { table: TomlTable } | { problem: string } {
  try {
    return { table: parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    if (e instanceof TomlError) return { problem: `line ${e.line}, column ${e.column}: ${e.message.split('\n')[0].slice(0, 160)}` };
    return { problem: (e as Error).message.slice(0, 160) };
  }
}

/** table[a][b]... when each step is a table, else undefined. */
export function tomlPath(table: unknown, ...keys: string[]): unknown {
  let cur: unknown = table;
  for (const k of keys) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as TomlTable)[k];
  }
  return cur;
}

export const tomlString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const tomlStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
