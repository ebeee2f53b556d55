// An https:// proxy is spoken to over TLS: CONNECT and its Proxy-Authorization travel only inside
// the TLS session with the proxy (src/core/net/proxy-connection.ts). A recorder in front of a real
// TLS CONNECT proxy sees every byte the client sends on the wire.
import { strict as assert } from 'node:assert';
import { connect, createServer as createNetServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { openTlsConnection } from '../../../src/core/net/connection';
import { NetError } from '../../../src/core/net/errors';
import { makePki, type TestPki } from '../net/helpers/pki';
import { httpsServer, type Running } from '../net/helpers/servers';

const USER = 'proxy-user';
const PASSWORD = 'pr0xy-s3cret-pw';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

function listen(server: Server): Promise<number> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
}

describe('security: an https:// proxy gets its credentials only inside TLS', function () {
  this.timeout(30_000);
  let pki: TestPki;
  let registry: Running;
  let servers: Server[];
  let sockets: Socket[];
  let wire: Buffer[];
  let decryptedHeads: string[];
  let proxyPort: number;

  before(() => { pki = makePki(['localhost', 'contoso.azurecr.io']); });
  after(() => pki.cleanup());

  beforeEach(async () => {
    servers = []; sockets = []; wire = []; decryptedHeads = [];
    registry = await httpsServer(pki.cert, pki.key, (_req, res) => res.end('ok'));
    // The TLS CONNECT proxy: reads CONNECT inside TLS, then tunnels to the registry.
    const tlsProxy = createTlsServer({ key: pki.key, cert: pki.cert }, (client: TLSSocket) => {
      sockets.push(client);
      let head = '';
      const onData = (d: Buffer) => {
        head += d.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        client.removeListener('data', onData);
        decryptedHeads.push(head.slice(0, end));
        const up = connect(registry.port, '127.0.0.1', () => {
          client.write('HTTP/1.1 200 Connection established\r\n\r\n');
          up.pipe(client); client.pipe(up);
        });
        sockets.push(up);
        up.on('error', () => client.destroy());
      };
      client.on('data', onData);
      client.on('error', () => undefined);
    });
    const tlsPort = await listen(tlsProxy);
    // The wire between client and proxy: every byte the client sends is recorded, then relayed.
    const recorder = createNetServer((client) => {
      const up = connect(tlsPort, '127.0.0.1');
      sockets.push(client, up);
      client.on('data', (d: Buffer) => { wire.push(Buffer.from(d)); up.write(d); });
      up.pipe(client);
      client.on('error', () => up.destroy());
      up.on('error', () => client.destroy());
    });
    proxyPort = await listen(recorder);
    servers.push(tlsProxy, recorder);
  });

  afterEach(async () => {
    for (const s of sockets) s.destroy();
    for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
    await registry.close();
  });

  const open = (extraCaPem?: string[]) => openTlsConnection({
    host: 'contoso.azurecr.io', port: 443, signal: AbortSignal.timeout(10_000),
    proxy: { httpsProxy: `https://${USER}:${PASSWORD}@localhost:${proxyPort}` },
    resolve: { localhost: '127.0.0.1' }, ...(extraCaPem ? { extraCaPem } : {}),
  });

  it('tunnels through TLS to the proxy: the wire never carries CONNECT or the credentials, the proxy reads them inside TLS', async () => {
    const conn = await open([pki.caPem]);
    try {
      assert.equal(conn.tls.trusted, true);
      assert.equal(conn.proxy?.display, `https://***@localhost:${proxyPort}`);
    } finally { conn.socket.destroy(); }
    const onWire = Buffer.concat(wire).toString('latin1');
    assert.ok(onWire.length > 0, 'the client spoke to the proxy');
    for (const secret of ['CONNECT', 'Proxy-Authorization', BASIC, PASSWORD]) assert.ok(!onWire.includes(secret), `"${secret}" went over the wire in clear`);
    assert.equal(decryptedHeads.length, 1);
    assert.match(decryptedHeads[0], /^CONNECT contoso\.azurecr\.io:443 HTTP\/1\.1\r\n/);
    assert.ok(decryptedHeads[0].includes(`Proxy-Authorization: Basic ${BASIC}`), 'the proxy got its credentials inside TLS');
  });

  it('sends nothing to an https:// proxy whose certificate is not trusted', async () => {
    await assert.rejects(open(), (e: unknown) => e instanceof NetError && e.phase === 'proxy' && e.kind === 'tls-untrusted' && /nothing \(no Proxy-Authorization\) was sent/.test(e.message));
    assert.deepEqual(decryptedHeads, [], 'no CONNECT reached the proxy');
    const onWire = Buffer.concat(wire).toString('latin1');
    for (const secret of ['CONNECT', BASIC, PASSWORD]) assert.ok(!onWire.includes(secret), `"${secret}" went over the wire`);
  });
});
