// Starts the sandbox world (sandbox/world.ts, another engineer's) for the extension and e2e levels
// and `npm start`. Loaded by path at run time so the harness type-checks on its own.
// The namespace's addresses fit one world at a time: a lock file makes harness users on the same
// machine (several developers' test runs) wait their turn instead of failing with EADDRINUSE.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { World } from '../../sandbox/types';
import { repoRoot } from './paths';

interface WorldModule {
  startWorld(options: { scenario: string }): Promise<World>;
}

// One lock per namespace: worlds in different namespaces (ACR_SANDBOX_NETNS) do not collide.
const LOCK = path.join(os.tmpdir(), `acr-doctor-world-${process.env.ACR_SANDBOX_NETNS || 'acrsbx'}.lock`);
const LOCK_WAIT_MS = 10 * 60_000;

export async function startSandboxWorld(scenario: string): Promise<World> {
  if (process.getuid?.() !== 0) throw new Error('the sandbox world needs root (network namespace acrsbx)');
  const file = path.join(repoRoot, 'sandbox', 'world.ts');
  const mod = (await import(file)) as Partial<WorldModule>;
  if (typeof mod.startWorld !== 'function') throw new Error(`${file} does not export startWorld()`);
  await takeLock();
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const world = await mod.startWorld({ scenario });
      const stop = world.stop.bind(world);
      return Object.assign(world, { stop: async () => { try { await stop(); } finally { releaseLock(); } } });
    } catch (error) {
      // A world started without this harness (a developer's `npm run sandbox`, integration tests)
      // holds the addresses: wait for it too.
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && Date.now() < deadline) {
        console.log(`sandbox addresses in use by another world (${(error as Error).message}); retrying in 10 s`);
        await new Promise((r) => setTimeout(r, 10_000));
        continue;
      }
      releaseLock();
      throw error;
    }
  }
}

async function takeLock(): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      process.once('exit', releaseLock);
      return;
    } catch {
      const holder = Number(fs.readFileSync(LOCK, 'utf8').trim() || 0);
      if (!holder || !alive(holder)) { fs.rmSync(LOCK, { force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`another sandbox world (pid ${holder}) held ${LOCK} for ${LOCK_WAIT_MS / 60_000} min`);
      if (!told) { console.log(`waiting for the sandbox world of pid ${holder} to stop (${LOCK})`); told = true; }
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
}

function releaseLock(): void {
  try {
    if (fs.readFileSync(LOCK, 'utf8').trim() === String(process.pid)) fs.rmSync(LOCK, { force: true });
  } catch {
    // Not ours or gone.
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}
