// The address this machine sends from toward a destination: a connected UDP socket makes the OS
// pick the route and source address without sending a packet. On an Azure VM that is the NIC's
// private IP, which places the machine in one subnet of its virtual network.
import * as dgram from 'node:dgram';
import { isIP } from 'node:net';

/** undefined when the OS has no route to `ip` (or `ip` is not an IP address). */
export function sourceAddressToward(ip: string, signal?: AbortSignal): Promise<string | undefined> {
  const family = isIP(ip);
  if (!family || signal?.aborted) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
    let done = false;
    const finish = (v: string | undefined) => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      try { socket.close(); } catch { /* already closed */ }
      resolve(v);
    };
    const onAbort = () => finish(undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('error', () => finish(undefined));
    try {
      socket.connect(443, ip, () => {
        try { finish(socket.address().address); } catch { finish(undefined); }
      });
    } catch { finish(undefined); }
  });
}
