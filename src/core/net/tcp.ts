// A plain TCP connect with a deadline: tells refused, unreachable and black-holed apart.
import { Socket, connect } from 'node:net';
import { toNetError } from './errors';

export interface TcpConnected {
  socket: Socket;
  address: string;
  port: number;
  durationMs: number;
}

export function tcpConnect(address: string, port: number, signal: AbortSignal): Promise<TcpConnected> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(toNetError(new Error('aborted'), 'connect', signal));
    const socket = connect({ host: address, port });
    const onAbort = () => { socket.destroy(); reject(toNetError(new Error('aborted'), 'connect', signal)); };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      socket.removeAllListeners('error');
      resolve({ socket, address, port, durationMs: performance.now() - t0 });
    });
    socket.once('error', (err) => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(toNetError(err, 'connect', signal));
    });
  });
}
