// The proxy containerd's own pulls use (the kubelet's through CRI): the running daemon's
// environment (/proc/<pid>/environ, readable by root and its owner), else the HTTP(S)_PROXY /
// NO_PROXY that containerd.service's systemd drop-ins set. ctr and nerdctl fetch in their own
// process, with the shell's.
import type { ProxySettings } from '../engine/environment';
import { containerdConfigFor, containerdProcesses, systemdProxy, type ContainerdProcess } from './config';

export interface ContainerdDaemonProxy {
  settings: ProxySettings;
  /** Where it was read: "process <pid>" or the drop-in files; undefined when nothing sets one. */
  from?: string;
  pid?: number;
}

export interface DaemonProxySources {
  processes(): ContainerdProcess[];
  unit(): { vars: Record<string, string>; files: string[] };
}

const LIVE: DaemonProxySources = { processes: () => containerdProcesses(), unit: () => systemdProxy() };

export function containerdDaemonProxy(address: string, sources: DaemonProxySources = LIVE): ContainerdDaemonProxy {
  const { process: proc } = containerdConfigFor(address, sources.processes());
  const fromEnv = proc?.env && Object.fromEntries(Object.entries(proc.env).filter(([k]) => /^(https?_proxy|no_proxy)$/i.test(k)));
  const useEnv = !!fromEnv && Object.keys(fromEnv).length > 0;
  const unit = useEnv ? undefined : sources.unit();
  const vars = useEnv ? fromEnv : unit!.vars;
  const pick = (k: string) => vars[k.toUpperCase()] ?? vars[k.toLowerCase()];
  const settings: ProxySettings = {
    ...(pick('https_proxy') !== undefined ? { httpsProxy: pick('https_proxy') } : {}),
    ...(pick('http_proxy') !== undefined ? { httpProxy: pick('http_proxy') } : {}),
    ...(pick('no_proxy') !== undefined ? { noProxy: pick('no_proxy') } : {}),
  };
  const from = useEnv ? `process ${proc.pid}` : unit!.files.length ? unit!.files.join(', ') : undefined;
  return { settings, from, pid: proc?.pid };
}
