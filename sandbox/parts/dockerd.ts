// A real dockerd with its own socket, data root and exec root, in the sandbox's network namespace.
// `ip netns exec … dockerd` fails ("Devices cgroup isn't mounted": it remounts /sys), so dockerd is
// started from the machine's mount namespace in a private one of its own, with the namespace's
// hosts/resolv.conf/docker dir bound over /etc, then `nsenter --net`.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { NETNS_ETC, NETNS_PATH } from '../netns';
import { OwnedProcess, waitFor } from './process';

export interface DockerdOptions { dir: string }

export function dockerPing(socketPath: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request({ socketPath, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume(); resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
    req.end();
  });
}

/**
 * The machine's mount namespace: `ip netns exec` gave us one with /sys remounted (no cgroups), so
 * look for the nearest ancestor process in a different mount namespace and hold it open.
 */
let hostMntFd: number | undefined;
function hostMountNamespace(): string | undefined {
  if (hostMntFd !== undefined) return `/proc/${process.pid}/fd/${hostMntFd}`;
  const mine = fs.readlinkSync('/proc/self/ns/mnt');
  let pid = process.pid;
  for (let i = 0; i < 64; i++) {
    let ppid: number;
    try { ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ')[1]); } catch { return undefined; }
    if (!ppid || ppid <= 1) return undefined;
    try {
      if (fs.readlinkSync(`/proc/${ppid}/ns/mnt`) !== mine) {
        hostMntFd = fs.openSync(`/proc/${ppid}/ns/mnt`, 'r');
        return `/proc/${process.pid}/fd/${hostMntFd}`;
      }
    } catch { /* not readable: keep walking */ }
    pid = ppid;
  }
  return undefined;
}

/** Shell lines that mount the cgroup v1/v2 hierarchies when /sys has none (last resort). */
function cgroupMountScript(): string {
  let lines: string[] = [];
  try { lines = fs.readFileSync('/proc/self/cgroup', 'utf8').trim().split('\n'); } catch { return 'true'; }
  const cmds = ['mount -t tmpfs cgroup_root /sys/fs/cgroup'];
  for (const l of lines) {
    const [, ctrl] = l.split(':');
    if (ctrl === undefined) continue;
    if (ctrl === '') { cmds.push('mkdir -p /sys/fs/cgroup/unified', 'mount -t cgroup2 cgroup2 /sys/fs/cgroup/unified'); continue; }
    const dir = ctrl.startsWith('name=') ? ctrl.slice(5) : ctrl;
    const o = ctrl.startsWith('name=') ? `none,${ctrl}` : ctrl;
    cmds.push(`mkdir -p /sys/fs/cgroup/${dir}`, `mount -t cgroup -o ${o} cgroup /sys/fs/cgroup/${dir}`);
  }
  return `{ [ -e /sys/fs/cgroup/devices/devices.list ] || [ -e /sys/fs/cgroup/cgroup.controllers ] || { ${cmds.join(' && ')}; }; }`;
}

export class Dockerd {
  private proc?: OwnedProcess;
  private proxyEnv: Record<string, string> = {};
  readonly socketPath: string;

  constructor(private readonly o: DockerdOptions) {
    fs.mkdirSync(o.dir, { recursive: true });
    this.socketPath = path.join(o.dir, 'docker.sock');
  }

  get host(): string { return `unix://${this.socketPath}`; }
  get running(): boolean { return !!this.proc?.running; }
  get pid(): number | undefined { return this.proc?.pid; }
  get proxy(): Readonly<Record<string, string>> { return this.proxyEnv; }
  log(): string { return this.proc?.log() ?? ''; }

  /** Proxy environment the daemon should run with (takes effect at the next start). */
  setProxy(env: Record<string, string>): void { this.proxyEnv = { ...env }; }

  async start(): Promise<void> {
    if (this.running) return;
    const d = this.o.dir;
    const inner = [
      cgroupMountScript(),
      `mount --bind ${NETNS_ETC}/hosts /etc/hosts`,
      `mount --bind ${NETNS_ETC}/resolv.conf /etc/resolv.conf`,
      'mkdir -p /etc/docker',
      `mount --bind ${NETNS_ETC}/docker /etc/docker`,
      `exec nsenter --net=${NETNS_PATH} dockerd --data-root ${d}/data --exec-root ${d}/exec --pidfile ${d}/dockerd.pid ` +
        `-H unix://${this.socketPath} --iptables=false --ip6tables=false --bridge=none --storage-driver=vfs ` +
        `--userland-proxy=false --log-level=warn`,
    ].join(' && ');
    const hostMnt = hostMountNamespace();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', ...this.proxyEnv };
    this.proc = new OwnedProcess({
      name: 'dockerd', command: hostMnt ? 'nsenter' : 'unshare',
      args: [...(hostMnt ? [`--mount=${hostMnt}`, '--', 'unshare'] : []), '-m', '--propagation', 'private', 'sh', '-c', inner],
      env, logFile: path.join(d, 'dockerd.log'),
    });
    try { fs.rmSync(this.socketPath, { force: true }); } catch { /* stale socket */ }
    this.proc.start();
    await waitFor('dockerd', async () => {
      if (!this.proc?.running) throw new Error('dockerd exited');
      return dockerPing(this.socketPath);
    }, 30000, () => this.log());
  }

  async stop(): Promise<void> {
    await this.proc?.stop(15000);
    this.proc = undefined;
  }

  async restart(): Promise<void> { await this.stop(); await this.start(); }
}
