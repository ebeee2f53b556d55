// Layers come from data endpoints, not the login server: blob GETs answer 307 to
// <registry>.<region>.data.azurecr.io (one per replica) or to blob storage. A firewall that
// allows only the login server lets `docker login` work and pulls hang — probe them directly.
import type { Check, CheckContext, CheckOutcome, Evidence } from '../../engine/types';
import { settledData, settledFinding } from '../../engine/context';
import { httpRequest } from '../../net/http';
import { NetError } from '../../net/errors';
import { resolveHost } from '../../net/dns';
import { parseDataEndpointHost, parseRedirect } from '../../net/redirect';
import { scopeFor, type AcrNet } from '../../acr/token-flow';
import { identityToken } from '../login/identity-token';
import { NET } from './ids';
import { LOGIN } from '../login/check-ids';
import { IMAGE } from '../image/ids';
import { targetRepository } from '../../engine/target';
import { blobRedirect, getManifest, type RegistryApi } from '../../acr/registry-api';
import { errorEvidence, netOptions, ms } from './outcome';
import { privateEndpointFor, privateIpsFor, reachesViaPrivateEndpoint } from './registry-network-facts';


import type { CauseId } from '../../catalogue/types';
import { msg, prose, joinMessages, type Message } from '../../text/message';

const STORED_CREDENTIAL = LOGIN.storedCredential;
const IMAGE_MANIFEST = IMAGE.manifest;

export interface EndpointProbe {
  host: string;
  ok: boolean;
  causeId?: CauseId;
  message: Message;
  evidence: Evidence;
}

/**
 * Probe one data endpoint host the way the daemon would reach it; map a failure to its cause.
 * The request goes first; ARM's view, the login server's DNS and challenge only interpret it
 * (waited for here when the caller `awaits` them).
 */
export async function probeDataEndpoint(ctx: CheckContext, host: string, url = `https://${host}/`, headers?: Record<string, string>): Promise<EndpointProbe> {
  const context = async () => {
    const arm = await settledData(ctx, NET.arm);
    const loginDns = await settledData(ctx, NET.dns);
    const loginOnPe = reachesViaPrivateEndpoint(arm, loginDns?.addresses, ctx.target.loginServer, (await settledFinding(ctx, NET.challenge))?.status === 'pass');
    const region = parseDataEndpointHost(host)?.region;
    const home = arm?.location?.toLowerCase().replace(/\s+/g, '');
    const blockedCause: CauseId = region && home && region !== home ? 'network.replica-data-endpoint-blocked' : 'network.data-endpoint-blocked';
    return { arm, loginDns, loginOnPe, blockedCause };
  };
  try {
    const res = await httpRequest({ ...netOptions(ctx), url, signal: ctx.signal, maxBodyBytes: 4096, headers });
    const { arm, loginOnPe } = await context();
    const evidence: Evidence = { host, status: res.status, address: res.remoteAddress, proxy: res.proxy, totalMs: ms(res.timings.totalMs) };
    if (loginOnPe && privateIpsFor(arm, host).length && !privateIpsFor(arm, host).includes(res.remoteAddress) && !res.proxy) {
      return { host, ok: false, causeId: 'network.private-endpoint-data-dns-missing', evidence, message: msg('{host} resolves to {remoteAddress}, not to the private endpoint, while the login server uses the private endpoint', { host, remoteAddress: res.remoteAddress }) };
    }
    return { host, ok: true, evidence, message: msg('{host} answered {status} in {ms} ms', { host, status: res.status, ms: ms(res.timings.totalMs) }) };
  } catch (e) {
    if (!(e instanceof NetError) || e.kind === 'aborted') throw e;
    const { arm, loginDns, loginOnPe, blockedCause } = await context();
    const evidence: Evidence = { host, ...errorEvidence(e) };
    const address = typeof e.details.address === 'string' ? e.details.address : undefined;
    const pe = privateEndpointFor(arm, address);
    if (pe && pe.status !== 'Approved') return { host, ok: false, causeId: 'network.private-endpoint-not-approved', evidence, message: msg('{host} ({address}) is behind private endpoint connection {connectionName}, which is {status}', { host, address, connectionName: pe.connectionName, status: pe.status }) };
    if (e.phase === 'dns') {
      if (loginOnPe || (loginDns && arm?.privateEndpoints.some((p) => p.status === 'Approved'))) {
        return { host, ok: false, causeId: 'network.private-endpoint-data-dns-missing', evidence, message: msg('dial tcp: lookup {host}: no such host — the login server resolves (private endpoint), the data endpoint has no DNS record', { host }) };
      }
      return { host, ok: false, causeId: blockedCause, evidence, message: msg('dial tcp: lookup {host}: no such host', { host }) };
    }
    if (e.phase === 'proxy') return { host, ok: false, causeId: 'network.client-proxy-broken', evidence, message: msg('the proxy does not reach {host}: {message}', { host, message: e.message }) };
    if (e.kind === 'tls-untrusted' || e.kind === 'tls-name') return { host, ok: false, causeId: 'network.tls-untrusted', evidence, message: prose(e.message) };
    const what = e.kind === 'timeout' ? 'i/o timeout' : e.kind;
    return { host, ok: false, causeId: blockedCause, evidence, message: msg('dial tcp {address}:443: {what} — {host} is blocked while the login server is reachable', { address: address ?? host, what, host }) };
  }
}

/** A pull token from the identity the run judges (any that works when none is named). */
function pullToken(ctx: CheckContext, net: AcrNet, tokenUrl: string, scope: string): Promise<{ token?: string; source: string }> {
  return identityToken(ctx, net, tokenUrl, scope);
}

const MANIFEST_ACCEPT = [
  'application/vnd.docker.distribution.manifest.v2+json', 'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json', 'application/vnd.oci.image.index.v1+json',
].join(', ');

interface Manifest { config?: { digest?: string }; layers?: { digest?: string; size?: number }[]; manifests?: { digest?: string }[] }

async function getJson<T>(ctx: CheckContext, url: string, token: string, accept?: string): Promise<T | undefined> {
  const res = await httpRequest({ ...netOptions(ctx), keepAlive: ctx.connections, url, signal: ctx.signal, headers: { authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) } });
  return res.status === 200 ? res.json<T>() : undefined;
}

/** Find a blob of some repository: the smallest thing whose GET redirects to the data endpoint. */
async function findBlob(ctx: CheckContext, base: string, repository: string, token: string): Promise<string | undefined> {
  const tags = await getJson<{ tags?: unknown }>(ctx, `${base}/v2/${repository}/tags/list?n=20`, token);
  const list = Array.isArray(tags?.tags) ? tags.tags.filter((t): t is string => typeof t === 'string') : [];
  const tag = list.includes('latest') ? 'latest' : list[0];
  if (!tag) return undefined;
  let m = await getJson<Manifest>(ctx, `${base}/v2/${repository}/manifests/${encodeURIComponent(tag)}`, token, MANIFEST_ACCEPT);
  const child = m?.manifests?.find((x) => typeof x.digest === 'string')?.digest;
  if (child) m = await getJson<Manifest>(ctx, `${base}/v2/${repository}/manifests/${child}`, token, MANIFEST_ACCEPT);
  return m?.config?.digest ?? m?.layers?.[0]?.digest;
}

export const blobRedirectCheck: Check = {
  id: NET.blobRedirect, area: 'network', title: 'A blob download redirects to a reachable data endpoint',
  // Starts once the challenge is in; the stored credential and ARM are read when needed.
  needs: [NET.challenge], awaits: [STORED_CREDENTIAL, NET.arm, NET.dns, IMAGE_MANIFEST], timeoutMs: 5000,
  async run(ctx): Promise<CheckOutcome> {
    // A named image: one of its own layers, through the redirect, and every replica's endpoint.
    if (ctx.env.image) return imageLayerThroughRedirect(ctx);
    const ch = ctx.data(NET.challenge)!;
    const login = ctx.target.loginServer;
    const base = `https://${login}`;
    // The token chain and the reads after it reuse the run's connections to the login server
    // (net.challenge has just shown the path works); the data endpoint probes stay fresh.
    const net: AcrNet = { ...netOptions(ctx), loginServer: login, signal: ctx.signal, keepAlive: ctx.connections };
    let repository = targetRepository(ctx.env);
    let source = 'none';
    if (!repository) {
      const cat = await pullToken(ctx, net, ch.realm, 'registry:catalog:*');
      source = cat.source;
      if (cat.token) {
        const list = await getJson<{ repositories?: unknown }>(ctx, `${base}/v2/_catalog?n=20`, cat.token);
        repository = Array.isArray(list?.repositories) ? list.repositories.find((r): r is string => typeof r === 'string') : undefined;
      }
    }
    if (!repository) return { status: 'info', message: msg('no repository to test a blob download with (give --repository, or sign in / docker login so one can be listed)'), evidence: { credential: source } };
    const pull = await pullToken(ctx, net, ch.realm, scopeFor(repository, ['pull']));
    if (!pull.token) return { status: 'info', message: msg('no credential can pull {repository}; the blob redirect was not tested (the login checks say why)', { repository }), evidence: { repository } };
    const digest = await findBlob(ctx, base, repository, pull.token);
    if (!digest) return { status: 'info', message: msg('{repository} has no tag or manifest to test a blob download with', { repository }), evidence: { repository, credential: pull.source } };
    const blobUrl = `${base}/v2/${repository}/blobs/${digest}`;
    const res = await httpRequest({ ...netOptions(ctx), keepAlive: ctx.connections, url: blobUrl, signal: ctx.signal, maxBodyBytes: 1, headers: { authorization: `Bearer ${pull.token}` } });
    const target = parseRedirect(res.status, res.headers.location, blobUrl);
    const evidence: Evidence = { repository, digest, status: res.status, credential: pull.source };
    if (!target) {
      if (res.status === 200) return { status: 'pass', message: msg('the login server serves blobs itself (no redirect)'), evidence };
      return { status: 'info', message: msg('GET blob answered {status} without a redirect', { status: res.status }), evidence };
    }
    evidence.redirect = target.display;
    evidence.redirectKind = target.kind;
    const probe = await probeDataEndpoint(ctx, target.host, target.url);
    if (probe.ok) return { status: 'pass', message: msg('blob GET → 307 {host}, which answered', { host: target.host }), evidence: { ...evidence, ...probe.evidence }, data: { host: target.host } };
    return { status: 'fail', causeId: probe.causeId, message: msg('blob GET → 307 {host}: {message}', { host: target.host, message: probe.message }), evidence: { ...evidence, ...probe.evidence }, fixParams: { dataEndpoint: target.host } };
  },
};

/**
 * The named image's smallest layer: a ranged GET (one byte) on the login server, its 307 followed
 * to the data endpoint; then the same path on every other data endpoint ARM lists (one per
 * replica), so a replica the client may be routed to is named too when it is blocked.
 */
async function imageLayerThroughRedirect(ctx: CheckContext): Promise<CheckOutcome> {
  const found = await settledData(ctx, IMAGE_MANIFEST);
  if (!found) return { status: 'info', message: msg('the named image\'s manifest could not be read, so none of its layers was fetched (the image check says why)') };
  const api: RegistryApi = { ...netOptions(ctx), loginServer: ctx.target.loginServer, token: found.token, signal: ctx.signal, keepAlive: ctx.connections };
  const repository = found.image.repository;
  let manifest = found.manifest;
  if (manifest.entries?.length) {
    const entry = manifest.entries.find((e) => e.platform.os === 'linux' && e.platform.architecture === 'amd64') ?? manifest.entries[0];
    const child = await getManifest(api, repository, entry.digest);
    if (!child.ok) return { status: 'info', message: msg('the platform manifest {digest} of {repository} could not be read ({status}: {reason})', { digest: entry.digest, repository, status: child.status, reason: child.reason }), evidence: { repository } };
    manifest = child;
  }
  const layer = [...(manifest.layers ?? [])].sort((a, b) => (a.size ?? Infinity) - (b.size ?? Infinity))[0]?.digest ?? manifest.config;
  if (!layer) return { status: 'info', message: msg('the manifest of {repository} lists no layer to fetch', { repository }), evidence: { repository } };
  const res = await blobRedirect(api, repository, layer);
  const blobUrl = `https://${ctx.target.loginServer}/v2/${repository}/blobs/${layer}`;
  const target = parseRedirect(res.status, res.headers.location, blobUrl);
  const evidence: Evidence = { image: `${repository}@${found.manifest.digest ?? found.reference}`, layer, range: 'bytes=0-0', status: res.status, tokenFrom: found.tokenSource };
  if (!target) {
    if (res.status === 200 || res.status === 206) return { status: 'pass', message: msg('the login server serves the layer {layer} of {repository} itself (no redirect)', { layer, repository }), evidence };
    return { status: 'info', message: msg('GET blob answered {status} without a redirect', { status: res.status }), evidence };
  }
  evidence.redirect = target.display;
  evidence.redirectKind = target.kind;
  const arm = await settledData(ctx, NET.arm);
  const path = new URL(target.url);
  const replicas = (arm?.dataEndpointEnabled ? arm.dataEndpointHostNames : []).map((h) => h.toLowerCase()).filter((h) => h !== target.host.toLowerCase());
  const [probe, ...others] = await Promise.all([
    probeDataEndpoint(ctx, target.host, target.url, { range: 'bytes=0-0' }),
    ...replicas.map((h) => probeDataEndpoint(ctx, h, `https://${h}${path.pathname}${path.search}`, { range: 'bytes=0-0' })),
  ]);
  const all = [probe, ...others];
  evidence.endpoints = all.map((p) => `${p.host}: ${p.ok ? 'ok' : p.evidence.error ?? p.causeId}`);
  const bad = all.filter((p) => !p.ok);
  if (!bad.length) {
    const ev = { ...evidence, ...probe.evidence };
    const hosts = replicas.join(', ');
    return replicas.length
      ? { status: 'pass', evidence: ev, data: { host: target.host }, message: msg('the layer {layer} of {repository}: blob GET → 307 {host}, which answered (one byte asked for); the other replicas\' data endpoints answered too ({hosts})', { layer, repository, host: target.host, hosts }) }
      : { status: 'pass', evidence: ev, data: { host: target.host }, message: msg('the layer {layer} of {repository}: blob GET → 307 {host}, which answered (one byte asked for)', { layer, repository, host: target.host }) };
  }
  // The endpoint the client was sent to first: it is the one this pull fails on.
  const first = probe.ok ? bad[0] : probe;
  return {
    status: 'fail', causeId: first.causeId, evidence: { ...evidence, ...first.evidence }, fixParams: { dataEndpoint: first.host },
    message: msg('the layer {layer} of {repository}: blob GET → 307 {host}; {reasons}', { layer, repository, host: target.host, reasons: joinMessages(bad.map((p) => p.message)) }),
  };
}

export const dataEndpointsCheck: Check = {
  id: NET.dataEndpoints, area: 'network', title: 'Every data endpoint (one per replica) is reachable',
  needs: [NET.arm], awaits: [NET.dns, NET.challenge], timeoutMs: 3500,
  async run(ctx): Promise<CheckOutcome> {
    const arm = ctx.data(NET.arm);
    if (!arm) return { status: 'info', message: msg('the registry\'s ARM view is not available') };
    const hosts = arm.dataEndpointHostNames.map((h) => h.toLowerCase());
    if (!arm.dataEndpointEnabled || hosts.length === 0) {
      return { status: 'info', message: msg('dedicated data endpoints are off: layers come from Azure blob storage (tested by the blob redirect check)'), evidence: { dataEndpointEnabled: !!arm.dataEndpointEnabled } };
    }
    // Resolve first in parallel so a DNS problem is reported even when TLS is slow.
    await Promise.allSettled(hosts.map((h) => resolveHost(h, ctx.env.resolve, ctx.signal)));
    const probes = await Promise.all(hosts.map((h) => probeDataEndpoint(ctx, h)));
    const bad = probes.filter((p) => !p.ok);
    const evidence: Evidence = { endpoints: probes.map((p) => `${p.host}: ${p.ok ? 'ok' : p.evidence.error ?? p.causeId}`) };
    if (!bad.length) return { status: 'pass', message: msg('{n} data endpoint(s) reachable: {hosts}', { n: hosts.length, hosts: hosts.join(', ') }), evidence };
    // The home region's endpoint first: it explains more pulls than a replica's.
    const first = bad.find((p) => p.causeId !== 'network.replica-data-endpoint-blocked') ?? bad[0];
    return {
      status: 'fail', causeId: first.causeId, evidence: { ...evidence, ...first.evidence },
      message: joinMessages(bad.map((p) => p.message)), fixParams: { dataEndpoint: first.host },
    };
  },
};
