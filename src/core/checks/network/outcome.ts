// Turn a probe failure into a check outcome: which cause a NetError points to, and the
// evidence (phase, code, timings) — the same mapping for the login server and data endpoints.
import type { CheckContext, CheckOutcome, Evidence } from '../../engine/types';
import type { NetOptions } from '../../net/connection';
import { NetError } from '../../net/errors';
import { NET } from './ids';
import { privateEndpointFor } from './registry-network-facts';
import type { CauseId } from '../../catalogue/types';
import { msg } from '../../text/message';

export function netOptions(ctx: CheckContext): NetOptions {
  return { resolve: ctx.env.resolve, proxy: ctx.env.proxy, extraCaPem: ctx.env.extraCaPem };
}

export function errorEvidence(e: NetError): Evidence {
  const ev: Evidence = { phase: e.phase, error: e.kind };
  if (e.code) ev.code = e.code;
  for (const [k, v] of Object.entries(e.details)) if (v !== undefined) ev[k] = typeof v === 'number' ? Math.round(v) : v;
  return ev;
}

/** The cause a failure to reach the login server points to. */
export function causeForLoginServerError(e: NetError, ctx: CheckContext): CauseId {
  const arm = ctx.data(NET.arm);
  const address = typeof e.details.address === 'string' ? e.details.address : undefined;
  const pe = privateEndpointFor(arm, address);
  if (pe && pe.status !== 'Approved' && e.phase !== 'dns' && e.phase !== 'proxy') return 'network.private-endpoint-not-approved';
  if (e.phase === 'dns') return 'network.dns-resolution-failed';
  if (e.phase === 'proxy') return 'network.client-proxy-broken';
  if (e.kind === 'tls-untrusted' || e.kind === 'tls-name') return 'network.tls-untrusted';
  if (e.kind === 'timeout') return 'network.login-server-timeout';
  if (e.kind === 'refused' || e.kind === 'unreachable') return 'network.login-server-unreachable';
  if (e.phase === 'tls') return 'network.tls-untrusted';
  return 'network.login-server-unreachable';
}

export function failureOutcome(e: unknown, ctx: CheckContext, what: string): CheckOutcome {
  if (!(e instanceof NetError)) throw e;
  if (e.kind === 'aborted') throw e; // cancelled: the engine reports it
  const causeId = causeForLoginServerError(e, ctx);
  const fixParams: Record<string, string> = {};
  if (typeof e.details.issuer === 'string') fixParams.issuer = e.details.issuer;
  if (typeof e.details.proxy === 'string') fixParams.proxy = e.details.proxy;
  return { status: 'fail', message: msg('{what}: {message}', { what, message: e.message }), causeId, evidence: errorEvidence(e), fixParams };
}

export function ms(n: number | undefined): number | undefined {
  return n === undefined ? undefined : Math.round(n);
}
