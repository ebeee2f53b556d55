// Editing a Docker-format auth file (Docker's config.json, podman's auth.json) the way the CLIs'
// logout does: drop every `auths` key of one host, keep every other field, write the file back.
import { promises as fs } from 'node:fs';
import { authKeyHost } from './config';

/** Drops the host's entries (also "host/namespace" keys) from `json.auths`; returns the keys dropped. */
export function dropHostAuths(json: { auths?: unknown }, host: string): string[] {
  const auths = json.auths;
  if (!auths || typeof auths !== 'object' || Array.isArray(auths)) return [];
  const keys = Object.keys(auths).filter((k) => authKeyHost(k) === host);
  for (const k of keys) delete (auths as Record<string, unknown>)[k];
  return keys;
}

/** Writes a sibling file and renames it over `file`: never a half-written auth file (the sibling is removed on failure). */
export async function writeAuthFile(file: string, json: unknown): Promise<void> {
  const tmp = `${file}.acr-doctor-${process.pid}`;
  try {
    await fs.writeFile(tmp, JSON.stringify(json, null, '\t') + '\n', { mode: 0o600 });
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
