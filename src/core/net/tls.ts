// TLS handshake that always completes far enough to see the certificate, so a failure can
// name who issued it (a corporate proxy intercepting, a self-signed test cert...).
import { connect as tlsConnect, checkServerIdentity, type TLSSocket, type PeerCertificate, type DetailedPeerCertificate } from 'node:tls';
import { joinMessages, msg } from '../text/message';
import type { Socket } from 'node:net';
import { NetError, toNetError } from './errors';
import { secureContextFor } from './secure-context';

export { trustedCas } from './secure-context';

export interface CertSummary {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  altNames?: string;
  fingerprint256: string;
}

export interface TlsInfo {
  /** Chain verified against the trusted roots (Node's + extra CAs). */
  trusted: boolean;
  /** Node's verification error code, e.g. SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_GET_ISSUER_CERT_LOCALLY. */
  verifyError?: string;
  /** The leaf names the host. */
  nameMatches: boolean;
  nameError?: string;
  protocol?: string;
  /** Leaf first. */
  chain: CertSummary[];
  /** Human name of who issued the leaf (O or CN of the leaf's issuer); of the chain's root for interception. */
  issuer: string;
  rootIssuer: string;
  durationMs: number;
}

function dn(part: unknown): string {
  if (!part || typeof part !== 'object') return '';
  const p = part as Record<string, string | string[]>;
  const pick = (k: string) => (Array.isArray(p[k]) ? (p[k]).join('+') : p[k]);
  return [pick('CN') && `CN=${pick('CN')}`, pick('O') && `O=${pick('O')}`].filter(Boolean).join(', ');
}

function humanName(part: unknown): string {
  if (!part || typeof part !== 'object') return 'unknown issuer';
  const p = part as Record<string, string>;
  return String(p.O || p.CN || 'unknown issuer');
}

function summarise(cert: PeerCertificate): CertSummary {
  return {
    subject: dn(cert.subject),
    issuer: dn(cert.issuer),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    altNames: cert.subjectaltname,
    fingerprint256: cert.fingerprint256,
  };
}

export function describeChain(socket: TLSSocket, detailed?: DetailedPeerCertificate): { chain: CertSummary[]; issuer: string; rootIssuer: string } {
  const chain: CertSummary[] = [];
  let cert = detailed ?? (socket.getPeerCertificate(true));
  if (!cert || !cert.raw) return { chain, issuer: 'no certificate', rootIssuer: 'no certificate' };
  const issuer = humanName(cert.issuer);
  let root = cert;
  const seen = new Set<string>();
  while (cert && cert.raw && !seen.has(cert.fingerprint256) && chain.length < 10) {
    seen.add(cert.fingerprint256);
    chain.push(summarise(cert));
    root = cert;
    cert = cert.issuerCertificate;
  }
  return { chain, issuer, rootIssuer: humanName(root.issuer) };
}

export interface TlsOptions {
  servername: string;
  extraCaPem?: string[];
  signal: AbortSignal;
}

/** Handshake over an already connected socket; never rejects on trust problems (see TlsInfo). */
export function tlsHandshake(socket: Socket, opts: TlsOptions): Promise<{ socket: TLSSocket; info: TlsInfo }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const { signal } = opts;
    if (signal.aborted) { socket.destroy(); return reject(toNetError(new Error('aborted'), 'tls', signal)); }
    const tlsSocket = tlsConnect({
      socket,
      servername: opts.servername,
      // Shared, built once: a `ca` list here would re-parse every root certificate per connection.
      secureContext: secureContextFor(opts.extraCaPem),
      rejectUnauthorized: false, // decided below, after the certificate has been seen
      ALPNProtocols: ['http/1.1'],
    });
    const onAbort = () => { tlsSocket.destroy(); reject(toNetError(new Error('aborted'), 'tls', signal)); };
    signal.addEventListener('abort', onAbort, { once: true });
    tlsSocket.once('secureConnect', () => {
      signal.removeEventListener('abort', onAbort);
      tlsSocket.removeAllListeners('error');
      // One (costly) read of the chain serves both the summary and the name check.
      const peer = tlsSocket.getPeerCertificate(true) as DetailedPeerCertificate | undefined;
      const { chain, issuer, rootIssuer } = describeChain(tlsSocket, peer);
      const nameErr = peer && peer.raw ? checkServerIdentity(opts.servername, peer) : new Error('no certificate');
      const authErr = tlsSocket.authorizationError as unknown as Error | string | null;
      let verifyError = authErr ? String((authErr as { code?: string }).code ?? authErr) : undefined;
      // Node folds the host name check into `authorized`; keep chain trust and name apart.
      if (verifyError === 'ERR_TLS_CERT_ALTNAME_INVALID') verifyError = undefined;
      resolve({
        socket: tlsSocket,
        info: {
          trusted: tlsSocket.authorized || verifyError === undefined,
          verifyError,
          nameMatches: !nameErr,
          nameError: nameErr?.message,
          protocol: tlsSocket.getProtocol() ?? undefined,
          chain, issuer, rootIssuer,
          durationMs: performance.now() - t0,
        },
      });
    });
    tlsSocket.once('error', (err) => {
      signal.removeEventListener('abort', onAbort);
      tlsSocket.destroy();
      const e = toNetError(err, 'tls', signal);
      // A peer that closes during the handshake is a reset in the TLS phase, not a trust problem.
      reject(e.kind === 'other' ? new NetError('tls', 'tls-other', e.text, e.code) : e);
    });
  });
}

/** The NetError a strict client (docker, curl) would raise for this handshake, or undefined if it is fine. */
export function tlsVerdict(info: TlsInfo, host: string): NetError | undefined {
  if (!info.trusted) {
    const issued = info.rootIssuer !== info.issuer
      ? msg('issued by {issuer}, chain ends at {root}', { issuer: info.issuer, root: info.rootIssuer })
      : msg('issued by {issuer}', { issuer: info.issuer });
    return new NetError('tls', 'tls-untrusted',
      joinMessages([msg('the certificate of {host} is not trusted ({code})', { host, code: info.verifyError ?? 'unknown reason' }), issued]),
      info.verifyError, { issuer: info.issuer, rootIssuer: info.rootIssuer });
  }
  if (!info.nameMatches) {
    return new NetError('tls', 'tls-name', joinMessages([msg('the certificate presented for {host} does not name it ({reason})', { host, reason: info.nameError ?? '' }), msg('issued by {issuer}', { issuer: info.issuer })]), 'ERR_TLS_CERT_ALTNAME_INVALID', { issuer: info.issuer });
  }
  return undefined;
}
