// The platform the Docker daemon pulls for (its /info: OSType, Architecture) in the OCI index's
// terms, and whether an index entry serves it — as containerd's platform matcher decides for a
// pull: same os, same (normalised) architecture, and for arm the variant (v8 is arm64's default).
import type { Platform } from '../acr/registry-api';

const ARCH: Record<string, { architecture: string; variant?: string }> = {
  x86_64: { architecture: 'amd64' }, amd64: { architecture: 'amd64' }, x86: { architecture: '386' }, i386: { architecture: '386' }, i686: { architecture: '386' },
  aarch64: { architecture: 'arm64', variant: 'v8' }, arm64: { architecture: 'arm64', variant: 'v8' },
  armv7l: { architecture: 'arm', variant: 'v7' }, armhf: { architecture: 'arm', variant: 'v7' }, armv6l: { architecture: 'arm', variant: 'v6' }, armel: { architecture: 'arm', variant: 'v6' },
  ppc64le: { architecture: 'ppc64le' }, s390x: { architecture: 's390x' }, riscv64: { architecture: 'riscv64' },
};

/** The daemon's platform from its /info (undefined when it does not say). */
export function platformFromInfo(info: unknown): Platform | undefined {
  const o = (typeof info === 'object' && info !== null ? info : {}) as Record<string, unknown>;
  const os = typeof o.OSType === 'string' ? o.OSType.toLowerCase().slice(0, 40) : undefined;
  const raw = typeof o.Architecture === 'string' ? o.Architecture.toLowerCase().slice(0, 40) : undefined;
  if (!os || !raw) return undefined;
  const a = ARCH[raw] ?? { architecture: raw };
  return { os, architecture: a.architecture, ...(a.variant ? { variant: a.variant } : {}) };
}

/** Whether an index entry's platform is one the daemon pulls. */
export function platformMatches(daemon: Platform, entry: Platform): boolean {
  if ((entry.os ?? '').toLowerCase() !== daemon.os || (entry.architecture ?? '').toLowerCase() !== daemon.architecture) return false;
  if (daemon.architecture === 'arm64') return !entry.variant || entry.variant === 'v8';
  if (daemon.architecture === 'arm') return !entry.variant || !daemon.variant || Number(entry.variant.slice(1)) <= Number(daemon.variant.slice(1));
  return true;
}

/** 'linux/arm/v7', 'linux/amd64'. */
export function formatPlatform(p: Platform): string {
  return [p.os ?? '?', p.architecture ?? '?', p.variant].filter(Boolean).join('/');
}
