// The TLS trust every Azure client gets when extra CA certificates are configured (the sandbox's,
// a corporate proxy's): Node's roots plus the extra ones, as `ca`, and the same list already parsed
// into one SecureContext. Without it every new connection parses ~150 root certificates again
// (about 20 ms of CPU each: a listing, a token request and each SDK client open their own).
import * as tls from 'node:tls';

export interface CaTlsOptions {
  /** Node's roots plus the extra CAs (what the SDKs' `tlsOptions.ca` documents). */
  ca: string[];
  /**
   * The same trust, parsed once. Node's https.Agent hands its options to tls.connect, which uses
   * `secureContext` instead of building one from `ca`; an SDK that dropped unknown keys would
   * still pass `ca`, only slower.
   */
  secureContext: tls.SecureContext;
}

const contexts = new Map<string, CaTlsOptions>();
const KEPT = 8;

/** TLS options trusting `extraCaPem` on top of Node's roots (undefined when there are none). */
export function caTlsOptions(extraCaPem: readonly string[] | undefined): CaTlsOptions | undefined {
  if (!extraCaPem?.length) return undefined;
  const key = extraCaPem.join('\n');
  let hit = contexts.get(key);
  if (!hit) {
    const ca = [...tls.rootCertificates, ...extraCaPem];
    hit = { ca, secureContext: tls.createSecureContext({ ca }) };
    contexts.set(key, hit);
    if (contexts.size > KEPT) contexts.delete(contexts.keys().next().value!);
  }
  return hit;
}
