// The fix behind `docker logout <login server>` (action id 'docker.logout'), done the way the
// docker CLI does it without running it: erase the credential from the helper that holds it
// (`docker-credential-<x> erase`) and drop the host's `auths` entries from config.json, keeping
// every other field of the file as it was.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { credentialSourceFor, isValidHelperName, parseDockerConfig } from './config';
import { dropHostAuths, writeAuthFile } from './auth-entries';
import { findExecutable, safeSpawnOptions } from './executable-on-path';

export interface LogoutResult {
  removedEntries: string[];
  helper?: string;
  helperErased?: boolean;
  problem?: string;
}

/** Erases the host's credential with the helper found on PATH (absolute path, from the home folder); 'missing' when it is not installed. */
async function eraseWithHelper(helper: string, host: string, pathEnv: string | undefined, timeoutMs: number): Promise<boolean | 'missing'> {
  if (!isValidHelperName(helper)) return false;
  const env: NodeJS.ProcessEnv = { ...process.env, ...(pathEnv !== undefined ? { PATH: pathEnv } : {}) };
  const file = await findExecutable(`docker-credential-${helper}`, { pathEnv: env.PATH ?? env.Path });
  if (!file) return 'missing';
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn>;
    try { child = spawn(file, ['erase'], { ...safeSpawnOptions(env, file), stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true }); } catch { resolve(false); return; }
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(false); }, timeoutMs);
    child.on('error', () => { clearTimeout(timer); resolve(false); });
    child.on('close', (code) => { clearTimeout(timer); resolve(code === 0); });
    child.stdin?.on('error', () => { /* reported by close */ });
    child.stdin?.end(host);
  });
}

export async function dockerLogout(configDir: string, host: string, opts: { pathEnv?: string; timeoutMs?: number } = {}): Promise<LogoutResult> {
  const file = path.join(configDir, 'config.json');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return { removedEntries: [], problem: (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : `${file} cannot be read` };
  }
  const cfg = parseDockerConfig(text, configDir, file);
  if (cfg.state !== 'ok') return { removedEntries: [], problem: cfg.problem };
  const h = host.toLowerCase();
  const result: LogoutResult = { removedEntries: [] };
  const src = credentialSourceFor(cfg, h);
  if (src.kind === 'helper') {
    result.helper = src.helper;
    const erased = await eraseWithHelper(src.helper, h, opts.pathEnv, opts.timeoutMs ?? 5000);
    result.helperErased = erased === true;
    if (erased === 'missing') result.problem = `docker-credential-${src.helper} is not on PATH: the credential it may hold for ${h} was not erased`;
  }
  const json = JSON.parse(text.replace(/^\uFEFF/, '')) as { auths?: unknown };
  result.removedEntries.push(...dropHostAuths(json, h));
  if (result.removedEntries.length) await writeAuthFile(file, json);
  return result;
}
