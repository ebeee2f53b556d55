// The network namespace `acrsbx`: only `lo`, with the sandbox's 192.0.2.x addresses on it, and the
// files `ip netns exec` binds over /etc (hosts, resolv.conf, docker/certs.d). Nothing can leave it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IP, NETNS, allAddresses, defaultHosts } from './addresses';

export { NETNS };

export const NETNS_ETC = `/etc/netns/${NETNS}`;
export const NETNS_PATH = `/run/netns/${NETNS}`;
export const HOSTS_FILE = path.join(NETNS_ETC, 'hosts');
export const CERTS_D = path.join(NETNS_ETC, 'docker', 'certs.d');

function ip(args: string[], allowFail = false): string {
  try {
    return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (allowFail) return '';
    const err = e as { stderr?: string };
    throw new Error(`ip ${args.join(' ')} failed: ${err.stderr ?? String(e)}`);
  }
}

function ipBatch(cmds: string[]): void {
  try {
    execFileSync('ip', ['-n', NETNS, '-batch', '-'], { input: cmds.join('\n') + '\n', encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`ip -n ${NETNS} -batch failed: ${(e as { stderr?: string }).stderr ?? String(e)}`);
  }
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function namespaceExists(): boolean {
  return fs.existsSync(NETNS_PATH);
}

/** True when this process runs in the sandbox's network namespace. */
export function insideNamespace(): boolean {
  if (!namespaceExists()) return false;
  const a = fs.statSync('/proc/self/ns/net');
  const b = fs.statSync(NETNS_PATH);
  return a.ino === b.ino && a.dev === b.dev;
}

/** Create (idempotently) the namespace, its addresses and its /etc files. Needs root. */
export function ensureNamespace(): void {
  if (!isRoot()) throw new Error('The sandbox needs root (network namespaces): run it with sudo or as root.');
  if (!namespaceExists()) ip(['netns', 'add', NETNS]);
  // One `ip -batch` for the link, the addresses and the routes (one process instead of ~40).
  const have = ip(['-n', NETNS, '-o', 'addr', 'show', 'dev', 'lo']);
  const cmds = ['link set lo up'];
  for (const a of allAddresses()) if (!have.includes(` ${a}/32`)) cmds.push(`addr add ${a}/32 dev lo`);
  // Every connection inside the namespace goes over lo; by default the kernel picks the
  // destination itself as source. Make the client address the source for every sandbox address
  // so the front sees one stable "client IP" (firewall rules compare against it).
  for (const a of allAddresses()) {
    if (a !== IP.client) cmds.push(`route replace table local local ${a} dev lo proto kernel scope host src ${IP.client}`);
  }
  ipBatch(cmds);
  fs.mkdirSync(CERTS_D, { recursive: true });
  if (!fs.existsSync(HOSTS_FILE)) writeHosts(defaultHosts());
  // A resolver that refuses at once: a name missing from hosts fails fast instead of going to
  // the machine's real resolver.
  fs.writeFileSync(path.join(NETNS_ETC, 'resolv.conf'), 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
}

/** Rewrite the namespace's hosts file in place (same inode: bind mounts of it keep seeing it). */
export function writeHosts(map: Record<string, string>): void {
  const lines = ['127.0.0.1 localhost', '::1 localhost ip6-localhost ip6-loopback'];
  for (const [name, addr] of Object.entries(map)) lines.push(`${addr} ${name}`);
  fs.mkdirSync(NETNS_ETC, { recursive: true });
  const fd = fs.openSync(HOSTS_FILE, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC);
  try { fs.writeSync(fd, lines.join('\n') + '\n'); } finally { fs.closeSync(fd); }
}

/** Remove the namespace and its /etc files (after everything in it has stopped). */
export function teardownNamespace(): void {
  if (namespaceExists()) ip(['netns', 'del', NETNS], true);
  fs.rmSync(NETNS_ETC, { recursive: true, force: true });
}

// Who is using the namespace: one file per launcher process, so the last one to leave removes it
// and two launchers sharing a namespace (npm start and a test run) never pull it from each other.
const HOLDERS = `/run/acr-doctor-netns/${NETNS}`;

function pidAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Marks this process as a user of the namespace; the returned release removes it when no one else holds it. */
export function holdNamespace(): () => void {
  fs.mkdirSync(HOLDERS, { recursive: true });
  const mine = path.join(HOLDERS, String(process.pid));
  fs.writeFileSync(mine, '');
  let released = false;
  return () => {
    if (released) return;
    released = true;
    fs.rmSync(mine, { force: true });
    const others = fs.readdirSync(HOLDERS).filter((f) => {
      const pid = Number(f);
      if (Number.isInteger(pid) && pidAlive(pid)) return true;
      fs.rmSync(path.join(HOLDERS, f), { force: true }); // a launcher that died without releasing
      return false;
    });
    if (others.length) return;
    fs.rmSync(HOLDERS, { recursive: true, force: true });
    teardownNamespace();
  };
}
