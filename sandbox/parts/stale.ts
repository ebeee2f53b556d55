// Leftovers of a world whose process died without stop() (SIGKILL, crash): its children (dockerd,
// registries, tinyproxy) and temp dir would block the next start (addresses in use). Each world
// records its children under /run/acr-sandbox (not /etc/netns: `ip netns exec` binds every file
// there over /etc); a new world reaps those whose world is gone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NETNS } from '../addresses';

const DIR = '/run/acr-sandbox';

const FILE = () => path.join(DIR, `${NETNS}.owned`);

function startTime(pid: number): string | undefined {
  try { return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ')[19]; } catch { return undefined; }
}

interface Entry { worldPid: number; worldStart: string; pid?: number; start?: string; dir?: string }

function readEntries(): Entry[] {
  try {
    return fs.readFileSync(FILE(), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Entry);
  } catch { return []; }
}

const self = (): Pick<Entry, 'worldPid' | 'worldStart'> => ({ worldPid: process.pid, worldStart: startTime(process.pid) ?? '' });

export function recordChild(pid: number): void {
  const start = startTime(pid);
  if (!start) return;
  fs.mkdirSync(DIR, { recursive: true });
  fs.appendFileSync(FILE(), JSON.stringify({ ...self(), pid, start }) + '\n');
}

export function recordDir(dir: string): void {
  fs.mkdirSync(DIR, { recursive: true });
  fs.appendFileSync(FILE(), JSON.stringify({ ...self(), dir }) + '\n');
}

/** Forget what this world recorded (called by stop()). */
export function forgetOwn(): void {
  const me = self();
  const keep = readEntries().filter((e) => !(e.worldPid === me.worldPid && e.worldStart === me.worldStart));
  try { fs.writeFileSync(FILE(), keep.map((e) => JSON.stringify(e)).join('\n') + (keep.length ? '\n' : '')); } catch { /* namespace gone */ }
}

/** Kill the children and remove the temp dirs of worlds whose process is gone. Returns what was reaped. */
export async function reapStale(): Promise<{ pids: number[]; dirs: string[] }> {
  const entries = readEntries();
  const dead = (e: Entry) => startTime(e.worldPid) !== e.worldStart;
  const pids: number[] = []; const dirs: string[] = [];
  for (const e of entries.filter(dead)) {
    if (e.pid && e.start && startTime(e.pid) === e.start) { try { process.kill(e.pid, 'SIGKILL'); pids.push(e.pid); } catch { /* gone */ } }
  }
  if (pids.length) {
    const end = Date.now() + 5000;
    while (pids.some((p) => startTime(p) !== undefined) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  }
  for (const e of entries.filter(dead)) {
    if (e.dir && fs.existsSync(e.dir)) { fs.rmSync(e.dir, { recursive: true, force: true }); dirs.push(e.dir); }
  }
  const keep = entries.filter((e) => !dead(e));
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(FILE(), keep.map((e) => JSON.stringify(e)).join('\n') + (keep.length ? '\n' : ''));
  return { pids, dirs };
}

/** PIDs of other live worlds recorded for this namespace. */
export function liveWorlds(): number[] {
  const me = process.pid;
  const out = new Set<number>();
  for (const e of readEntries()) if (e.worldPid !== me && startTime(e.worldPid) === e.worldStart) out.add(e.worldPid);
  return [...out];
}
