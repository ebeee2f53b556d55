// The TLS trust for extra CA certificates (the sandbox's, a corporate proxy's), built once and
// shared by every connection: our own probes (tls.ts) and every Azure SDK client.
// Passing `ca: [...rootCertificates, ...extra]` to tls.connect / an https.Agent makes Node parse
// all ~140 root certificates again for every single connection: measured, that was half the CPU
// time of a healthy diagnosis (610 ms of 1.3 s), and far more on a loaded machine.
import * as tls from 'node:tls';

export interface CaTlsOptions {
  /** Node's roots plus the extra CAs (what the SDKs' `tlsOptions.ca` documents). */
  ca: string[];
  /**
   * The same trust, parsed once. Node's https.Agent hands its options to tls.connect, which uses
   * `secureContext` instead of building one from `ca` (the Azure clients get `agentTlsOptions`).
   */
  secureContext: tls.SecureContext;
}

/**
 * What an https.Agent needs for the same trust: the parsed context alone. Not `ca`: Node's https
 * Agent.getName concatenates `options.ca` (all ~140 root PEMs, ~200 kB) into its pool key on every
 * request, socket and release (measured: 10 ms of CPU in a healthy diagnosis). One object per CA
 * set, so the SDKs' agent caches (keyed by this object) keep one agent, one pool, per trust.
 */
export interface AgentTls {
  secureContext: tls.SecureContext;
}

/** A handful of distinct CA sets per process at most (the CLI has one); bounded anyway. */
const KEPT = 8;
type Trust = CaTlsOptions & { agent: AgentTls };
const contexts = new Map<string, Trust>();

/** TLS options trusting `extraCaPem` on top of Node's roots (undefined when there are none). */
export function caTlsOptions(extraCaPem: readonly string[] | undefined): CaTlsOptions | undefined {
  return trustFor(extraCaPem);
}

/** TLS options for an https.Agent (the SDK clients' `tlsOptions`): the shared context, no `ca` list. */
export function agentTlsOptions(extraCaPem: readonly string[] | undefined): AgentTls | undefined {
  return trustFor(extraCaPem)?.agent;
}

function trustFor(extraCaPem: readonly string[] | undefined): Trust | undefined {
  if (!extraCaPem?.length) return undefined;
  const key = extraCaPem.join('\n');
  let hit = contexts.get(key);
  if (!hit) {
    const ca = [...tls.rootCertificates, ...extraCaPem];
    const secureContext = tls.createSecureContext({ ca });
    hit = { ca, secureContext, agent: { secureContext } };
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
