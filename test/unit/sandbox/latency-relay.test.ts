// The latency relay really delays (a TLS handshake through it takes at least its round trips) and
// stays bounded (connections and queued bytes). Lower bounds only: a busy machine only adds time.
import { strict as assert } from 'node:assert';
import * as net from 'node:net';
import * as tls from 'node:tls';
import * as crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LatencyRelay, isRelayAddress } from '../../../sandbox/latency/relay';
import { latencyProfile, PROFILES } from '../../../sandbox/latency/profiles';

const listen = (s: net.Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as net.AddressInfo).port)));

function selfSigned(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-test-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=relay.test',
      '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem')], { stdio: 'ignore' });
    return { key: fs.readFileSync(path.join(dir, 'k.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'c.pem'), 'utf8') };
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

describe('sandbox latency relay', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

  async function relayTo(upstreamPort: number, rttMs: number, extra: Partial<ConstructorParameters<typeof LatencyRelay>[0]> = {}) {
    const probe = net.createServer(); const port = await listen(probe); await new Promise((r) => probe.close(r));
    const relay = new LatencyRelay({ host: '127.0.0.1', port, upstreamHost: '127.0.0.1', upstreamPort, rttMs, ...extra });
    await relay.start();
    cleanups.push(() => relay.stop());
    return { relay, port };
  }

  it('a TLS handshake plus one request pays at least TCP + TLS + request round trips, and the flights are counted', async () => {
    const pair = selfSigned();
    const server = tls.createServer({ ...pair, minVersion: 'TLSv1.3' }, (s) => s.on('data', () => s.write('pong')));
    const upstreamPort = await listen(server);
    cleanups.push(() => new Promise((r) => server.close(r)));
    const rtt = 60;
    const { relay, port } = await relayTo(upstreamPort, rtt);
    const t0 = performance.now();
    const sock = tls.connect({ host: '127.0.0.1', port, ca: pair.cert, servername: 'relay.test', checkServerIdentity: () => undefined });
    await new Promise<void>((resolve, reject) => { sock.once('secureConnect', () => resolve()); sock.once('error', reject); });
    const handshake = performance.now() - t0;
    sock.write('ping');
    await new Promise<void>((resolve) => sock.once('data', () => resolve()));
    const total = performance.now() - t0;
    sock.destroy();
    // TCP (charged to the first flight) + TLS 1.3 (one round trip) before secureConnect; the request one more.
    assert.ok(handshake >= 2 * rtt - 2, `handshake took ${handshake.toFixed(1)} ms, less than 2 round trips of ${rtt} ms`);
    assert.ok(total >= 3 * rtt - 2, `handshake + request took ${total.toFixed(1)} ms, less than 3 round trips of ${rtt} ms`);
    assert.equal(relay.stats.connections, 1);
    assert.ok(relay.stats.flights >= 2, `flights ${relay.stats.flights}`);
  });

  it('passes data through unchanged, in order, and half-closes like TCP', async () => {
    const server = net.createServer({ allowHalfOpen: true }, (s) => { const got: Buffer[] = []; s.on('data', (b) => got.push(b)); s.on('end', () => s.end(crypto.createHash('sha256').update(Buffer.concat(got)).digest('hex'))); });
    const upstreamPort = await listen(server);
    cleanups.push(() => new Promise((r) => server.close(r)));
    const { port } = await relayTo(upstreamPort, 10);
    const data = crypto.randomBytes(3 * 1024 * 1024);
    const answer = await new Promise<string>((resolve, reject) => {
      const c = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true });
      let out = ''; c.on('data', (b) => { out += b.toString('utf8'); }); c.on('end', () => resolve(out)); c.on('error', reject);
      c.end(data);
    });
    assert.equal(answer, crypto.createHash('sha256').update(data).digest('hex'));
  });

  it('closes connections beyond maxConnections at once and keeps the ones it has', async () => {
    const server = net.createServer((s) => s.on('data', (b) => s.write(b)));
    const upstreamPort = await listen(server);
    cleanups.push(() => { server.close(); });
    const { relay, port } = await relayTo(upstreamPort, 0, { maxConnections: 2 });
    const open = (): Promise<net.Socket> => new Promise((resolve) => { const c = net.connect(port, '127.0.0.1', () => resolve(c)); c.on('error', () => undefined); });
    const a = await open(); const b = await open();
    await new Promise((r) => setTimeout(r, 50));
    const c = await open();
    const closed = await new Promise<boolean>((resolve) => { c.once('close', () => resolve(true)); c.write('x'); });
    assert.equal(closed, true);
    assert.equal(relay.stats.rejected, 1);
    const echo = await new Promise<string>((resolve) => { a.once('data', (d) => resolve(String(d))); a.write('still here'); });
    assert.equal(echo, 'still here');
    a.destroy(); b.destroy(); c.destroy();
  });

  it('bounds what it queues when the receiver does not read (pauses the sender)', async () => {
    const held: net.Socket[] = [];
    const server = net.createServer((s) => { s.pause(); held.push(s); });
    const upstreamPort = await listen(server);
    cleanups.push(() => { for (const s of held) s.destroy(); server.close(); });
    const max = 256 * 1024;
    const { relay, port } = await relayTo(upstreamPort, 0, { maxBufferedBytes: max });
    const c = net.connect(port, '127.0.0.1'); c.on('error', () => undefined);
    const chunk = Buffer.alloc(64 * 1024, 1);
    for (let i = 0; i < 400; i++) c.write(chunk); // 25 MB offered, far beyond socket buffers + the cap
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(relay.stats.pauses >= 1, 'the relay never paused its sender');
    assert.ok(relay.stats.peakQueuedBytes <= max + 2 * chunk.length, `queued ${relay.stats.peakQueuedBytes} bytes, cap ${max}`);
    c.destroy();
  });

  it('listens only on sandbox or loopback addresses and rejects nonsense round trips', () => {
    assert.ok(isRelayAddress('192.0.2.20') && isRelayAddress('127.0.0.1'));
    assert.ok(!isRelayAddress('0.0.0.0') && !isRelayAddress('10.0.0.1') && !isRelayAddress('8.8.8.8'));
    assert.throws(() => new LatencyRelay({ host: '0.0.0.0', port: 1, upstreamHost: '127.0.0.1', upstreamPort: 2, rttMs: 1 }), /not a sandbox or loopback address/);
    assert.throws(() => new LatencyRelay({ host: '127.0.0.1', port: 1, upstreamHost: '127.0.0.1', upstreamPort: 2, rttMs: -1 }), /out of range/);
  });

  it('profiles: near and far as the issue gives them, a wrong name is a clear error', () => {
    assert.deepEqual([PROFILES.near.registryRttMs, PROFILES.near.azureRttMs, PROFILES.far.registryRttMs, PROFILES.far.azureRttMs], [20, 40, 90, 150]);
    assert.equal(latencyProfile(undefined).name, 'loopback');
    assert.throws(() => latencyProfile('mars'), /Unknown latency profile 'mars'.*loopback, near, far/);
  });
});
