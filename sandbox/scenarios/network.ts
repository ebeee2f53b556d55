// troubleshoot-network #configure-client-firewall-access (+ CONNECTIVITY_* codes)
import { IP, NAMES, PROXY_PORT } from '../addresses';
import type { ScenarioDef } from './types';

const S = { seed: 'troubleshoot-network', section: 'configure-client-firewall-access', registry: 'contoso', usesArm: false } as const;
const NOBODY_UID = 65534;
const broken = `http://${IP.brokenProxy}:${PROXY_PORT}`;
const tiny = `http://${IP.tinyproxy}:${PROXY_PORT}`;

export const networkScenarios: ScenarioDef[] = [
  {
    info: { ...S, name: 'dns-missing', description: 'contoso.azurecr.io does not resolve (missing from DNS).', expectedCause: 'network.dns-resolution-failed', checkHealthCode: 'CONNECTIVITY_DNS_ERROR' },
    setup(ctx) { delete ctx.hosts[NAMES.contoso]; },
  },
  {
    info: { ...S, name: 'login-server-refused', description: 'contoso.azurecr.io resolves to an address where nothing listens (connection refused).', expectedCause: 'network.login-server-unreachable', checkHealthCode: 'CONNECTIVITY_CHALLENGE_ERROR' },
    setup(ctx) { ctx.hosts[NAMES.contoso] = IP.refused; },
  },
  {
    info: { ...S, name: 'black-hole', description: 'contoso.azurecr.io resolves to a listener that accepts and never answers (TLS handshake timeout).', expectedCause: 'network.login-server-timeout', checkHealthCode: 'CONNECTIVITY_CHALLENGE_ERROR' },
    setup(ctx) { ctx.hosts[NAMES.contoso] = IP.blackHole; },
  },
  {
    info: { ...S, name: 'firewall-drop', description: 'A client firewall silently drops traffic to the login server (i/o timeout).', expectedCause: 'network.login-server-timeout', checkHealthCode: 'CONNECTIVITY_CHALLENGE_ERROR' },
    setup(ctx) { ctx.nft.push({ kind: 'drop', address: IP.contoso }); },
  },
  {
    info: { ...S, name: 'data-endpoint-blocked', description: 'The client firewall allows the login server but drops the data endpoint contoso.westeurope.data.azurecr.io: login works, blob download times out.', expectedCause: 'network.data-endpoint-blocked', operation: 'pull' },
    setup(ctx) { ctx.nft.push({ kind: 'drop', address: IP.contosoDataWeu }); },
  },
  {
    info: { ...S, name: 'replica-data-endpoint-blocked', description: 'The client is routed to the northeurope replica, whose data endpoint the firewall drops (westeurope is allowed).', expectedCause: 'network.replica-data-endpoint-blocked', usesArm: true, operation: 'pull' },
    setup(ctx) {
      ctx.faults.contoso = { ...ctx.faults.contoso, dataRegion: 'northeurope' };
      ctx.nft.push({ kind: 'drop', address: IP.contosoDataNeu });
    },
  },
  {
    info: { ...S, name: 'client-proxy-broken', description: 'The client and the daemon use an HTTPS proxy that closes the connection after CONNECT.', expectedCause: 'network.client-proxy-broken', clientProxy: broken },
    setup(ctx) {
      ctx.clientEnv.HTTPS_PROXY = broken; ctx.clientEnv.HTTP_PROXY = broken;
      ctx.dockerd.proxy = { HTTPS_PROXY: broken, HTTP_PROXY: broken };
    },
  },
  {
    info: { ...S, name: 'daemon-proxy-missing', description: 'The network only lets the proxy (tinyproxy) reach the registry; the shell has HTTPS_PROXY but dockerd has no proxy.', expectedCause: 'network.daemon-proxy-missing', clientProxy: tiny },
    setup(ctx) {
      ctx.clientEnv.HTTPS_PROXY = tiny; ctx.clientEnv.HTTP_PROXY = tiny;
      ctx.nft.push({ kind: 'proxy-only', addresses: [IP.contoso, IP.contosoDataWeu, IP.contosoDataNeu], proxyUid: NOBODY_UID });
    },
  },
  {
    info: { ...S, name: 'tls-unknown-ca', description: 'A TLS-inspecting device answers with a certificate from a CA nobody trusts.', expectedCause: 'network.tls-untrusted', checkHealthCode: 'CONNECTIVITY_SSL_ERROR' },
    setup(ctx) { ctx.intercept = true; },
  },
  {
    info: { ...S, name: 'challenge-invalid', description: 'GET /v2/ answers 401 without a Bearer realm/service challenge.', expectedCause: 'network.challenge-invalid', checkHealthCode: 'CONNECTIVITY_AAD_LOGIN_ERROR' },
    setup(ctx) { ctx.faults.contoso = { challengeInvalid: true }; },
  },
  {
    info: { ...S, name: 'throttled', description: 'The registry answers 429 TOOMANYREQUESTS.', expectedCause: 'network.throttled', checkHealthCode: 'CONNECTIVITY_TOOMANYREQUESTS_ERROR' },
    setup(ctx) { ctx.faults.contoso = { throttle: true }; },
  },
];
