// The TLS trust for extra CA certificates (the sandbox's, a corporate proxy's), built once and
// shared by every connection: our own probes (tls.ts) and every Azure SDK client.
// Passing `ca: [...rootCertificates, ...extra]` to tls.connect / an https.Agent makes Node parse
// all ~140 root certificates again for every single connection: measured, that was half the CPU
// time of a healthy diagnosis (610 ms of 1.3 s), and far more on a loaded machine.
import { createHash } from 'node:crypto';
import * as tls from 'node:tls';

export interface CaTlsOptions {
  /** Node's roots plus the extra CAs (what the SDKs' `tlsOptions.ca` documents). */
  ca: string[];
  /**
   * The same trust, parsed once. Node's https.Agent hands its options to tls.connect, which uses
   * `secureContext` instead of building one from `ca`. `ca` stays too: VS Code's extension host
   * (its proxy support) gives requests whose options name no `ca` its own CA list, and then the
   * sandbox's or a corporate CA is not trusted (MSAL: endpoints_resolution_error). Node's https.Agent
   * puts `${ca}` into its pool key several times per request (getName): this array's own toString
   * names its CA set in a few bytes instead of joining ~200 KB of PEM each time (withShortName).
   */
  secureContext: tls.SecureContext;
}

/** A handful of distinct CA sets per process at most (the CLI has one); bounded anyway. */
const KEPT = 8;
const contexts = new Map<string, CaTlsOptions>();

/**
 * `ca` with an own toString that names this CA set by its digest: what https.Agent's pool key reads.
 * A digest, not a counter: the extension's bundles each have a copy of this module, and equal names
 * must mean equal trust in every copy. Only this array has it: a copy (spread, map, concat) is a
 * plain array again, with the plain (whole-PEM) toString, so another CA list never shares a pool.
 */
export function withShortName(ca: string[]): string[] {
  const name = `ca-set-sha256:${createHash('sha256').update(ca.join('\n')).digest('base64url')}`;
  Object.defineProperty(ca, 'toString', { value: () => name, enumerable: false });
  return ca;
}

/** TLS options trusting `extraCaPem` on top of Node's roots (undefined when there are none). */
export function caTlsOptions(extraCaPem: readonly string[] | undefined): CaTlsOptions | undefined {
  if (!extraCaPem?.length) return undefined;
  const key = extraCaPem.join('\n');
  let hit = contexts.get(key);
  if (!hit) {
    const ca = withShortName([...tls.rootCertificates, ...extraCaPem]);
    const secureContext = tls.createSecureContext({ ca });
    hit = { ca, secureContext };
    contexts.set(key, hit);
    if (contexts.size > KEPT) contexts.delete(contexts.keys().next().value!);
  }
  return hit;
}

/** CA list for tls options: undefined = Node's defaults (which include NODE_EXTRA_CA_CERTS). */
export function trustedCas(extraCaPem: readonly string[] | undefined): string[] | undefined {
  return caTlsOptions(extraCaPem)?.ca;
}

/** The shared context; undefined without extra CAs (Node's default context then applies). */
export function secureContextFor(extraCaPem: readonly string[] | undefined): tls.SecureContext | undefined {
  return caTlsOptions(extraCaPem)?.secureContext;
}
