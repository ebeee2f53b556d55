// The container tooling people really have (issue #22): credential helpers that are missing, fail
// or refuse, a Docker context pointing at nothing, rootless Docker's socket, a socket a second user
// may not open, an old docker CLI, WSL without Docker Desktop's integration, Cloud Shell, and podman
// and containerd as the client.
import { basicAuth, type ScenarioDef } from './types';
import { giveArmReadOnly, removeRoles } from './helpers';
import { IP, PROXY_PORT } from '../addresses';

const S = { seed: 'troubleshoot-login', section: 'check-docker-configuration', registry: 'contoso', usesArm: false } as const;
/** Nothing listens there (sandbox/addresses.ts: refused). */
const DEAD_ENDPOINT = 'tcp://192.0.2.40:2375';
/** The clients the machine has besides docker, hidden where the user has none. */
export const OTHER_CLIENTS = ['podman', 'ctr', 'nerdctl'] as const;

export const clientScenarios: ScenarioDef[] = [
  {
    info: { ...S, name: 'credential-helper-missing', description: 'config.json says "credsStore": "desktop" (Docker Desktop\'s helper), but docker-credential-desktop is not installed: docker pull fails with "executable file not found".', expectedCause: 'client.credential-helper-missing', operation: 'pull' },
    setup(ctx) { ctx.dockerConfig = { auths: {}, credsStore: 'desktop' }; },
  },
  {
    info: { ...S, name: 'credential-helper-failing', description: 'config.json names the credential helper "secretservice" for contoso.azurecr.io; docker-credential-secretservice is there but exits 1 with an error of its own.', expectedCause: 'client.credential-helper-failed', operation: 'pull' },
    setup(ctx) {
      ctx.dockerConfig = { auths: {}, credHelpers: { 'contoso.azurecr.io': 'secretservice' } };
      ctx.fakeBin = { 'docker-credential-secretservice': 'echo "error: the keyring database is corrupt (unexpected EOF at byte 412)" >&2; exit 1' };
    },
  },
  {
    info: { ...S, name: 'credential-helper-refusing', description: 'config.json says "credsStore": "osxkeychain"; the helper answers "User interaction is not allowed." (a locked keychain in a session without a desktop).', expectedCause: 'client.credential-helper-refused', operation: 'pull' },
    setup(ctx) {
      ctx.dockerConfig = { auths: {}, credsStore: 'osxkeychain' };
      ctx.fakeBin = { 'docker-credential-osxkeychain': 'echo "User interaction is not allowed."; exit 1' };
    },
  },
  {
    info: { ...S, name: 'docker-context-dead', description: `The current Docker context "remote" (docker context use remote) points at ${DEAD_ENDPOINT}, where nothing listens; DOCKER_HOST is not set.`, expectedCause: 'client.docker-context-unreachable', checkHealthCode: 'DOCKER_DAEMON_ERROR' },
    setup(ctx) {
      ctx.dockerConfig = { auths: {}, currentContext: 'remote' };
      ctx.dockerContexts = { remote: DEAD_ENDPOINT };
      ctx.clientEnv.DOCKER_HOST = '';
    },
  },
  {
    info: { ...S, name: 'docker-rootless-socket', description: 'Rootless Docker: the daemon listens on $XDG_RUNTIME_DIR/docker.sock; DOCKER_HOST is not set, so docker tries /var/run/docker.sock, where nothing is.', expectedCause: 'client.docker-rootless-socket', checkHealthCode: 'DOCKER_DAEMON_ERROR' },
    setup(ctx) {
      ctx.clientEnv.DOCKER_HOST = '';
      ctx.rootlessSocket = true;
    },
  },
  {
    info: { ...S, name: 'docker-socket-permission', description: 'A second, unprivileged user (uid 65534) runs docker: the daemon runs, but its socket is root\'s (0660) and the user is not in the docker group.', expectedCause: 'client.docker-socket-permission', checkHealthCode: 'DOCKER_DAEMON_ERROR', runAsUid: 65534 },
    setup(ctx) { ctx.runAsUid = 65534; },
  },
  {
    info: { ...S, name: 'docker-cli-old', description: 'The docker command on PATH is an old client (a small docker that reports 17.09.1-ce and passes everything else to the real CLI); the daemon is the real, current one.', expectedCause: 'client.docker-cli-too-old', checkHealthCode: 'DOCKER_VERSION_ERROR' },
    setup(ctx) {
      ctx.fakeBin = { docker: 'case "$1" in --version|-v) echo "Docker version 17.09.1-ce, build 19e2cf6";; *) exec /usr/bin/docker "$@";; esac' };
    },
  },
  {
    info: { ...S, name: 'wsl-integration-off', description: 'A WSL 2 distribution (WSL_DISTRO_NAME=Ubuntu) whose Docker Desktop WSL integration is off: no docker command in the distribution.', expectedCause: 'client.wsl-integration-off', checkHealthCode: 'DOCKER_COMMAND_ERROR' },
    // A plain distribution: no other container client either (the auto choice would take that one).
    setup(ctx) { ctx.hideDockerCli = true; ctx.hideCommands = [...OTHER_CLIENTS]; ctx.clientEnv.WSL_DISTRO_NAME = 'Ubuntu'; },
  },
  {
    info: { ...S, name: 'cloud-shell-no-daemon', description: 'Azure Cloud Shell (AZUREPS_HOST_ENVIRONMENT=cloud-shell/1.0, ACC_CLOUD): the docker CLI is there, no Docker daemon by design.', expectedCause: 'client.cloud-shell-no-daemon', checkHealthCode: 'DOCKER_DAEMON_ERROR' },
    setup(ctx) {
      ctx.clientEnv.AZUREPS_HOST_ENVIRONMENT = 'cloud-shell/1.0';
      ctx.clientEnv.ACC_CLOUD = 'PROD';
      ctx.clientEnv.DOCKER_HOST = 'unix:///run/docker-in-cloud-shell-does-not-exist.sock';
    },
  },
  {
    info: { ...S, name: 'podman-auth-stale', description: 'The user works with podman: its auth.json (REGISTRY_AUTH_FILE) holds the service principal with a secret that has since been rotated; podman pull is refused.', expectedCause: 'client.podman-auth-stale', client: 'podman', operation: 'pull' },
    setup(ctx) {
      ctx.podmanAuth = { auths: { 'contoso.azurecr.io': { auth: basicAuth(ctx.sp.appId, 'rotated-away-secret-0000000000') } } };
    },
  },
  {
    info: { ...S, name: 'podman-auth-malformed', description: 'The user works with podman: its auth.json is cut off (not valid JSON); podman login and pull fail with "unmarshaling JSON".', expectedCause: 'client.podman-config-malformed', client: 'podman' },
    setup(ctx) { ctx.podmanAuth = { __raw: '{"auths": {"contoso.azurecr.io": {"auth": "' }; },
  },
  {
    info: { ...S, name: 'podman-proxy-containers-conf', description: `The user works with podman; its containers.conf (CONTAINERS_CONF) sets [engine] env = ["HTTPS_PROXY=http://${IP.brokenProxy}:${PROXY_PORT}"], a proxy that closes every connection after CONNECT, while the shell has no proxy: podman pull fails with "proxyconnect".`, expectedCause: 'network.client-proxy-broken', client: 'podman', operation: 'pull', seed: 'troubleshoot-network', section: 'configure-client-firewall-access' },
    setup(ctx) {
      ctx.clientHome = { 'containers.conf': `[engine]\nenv = ["HTTPS_PROXY=http://${IP.brokenProxy}:${PROXY_PORT}"]\n` };
      ctx.clientEnv.CONTAINERS_CONF = '{clientHome}/containers.conf';
      ctx.podmanAuth = { auths: {} };
    },
  },
  {
    info: { ...S, name: 'podman-registries-d-blocked', description: 'The user works with podman; a drop-in ~/.config/containers/registries.conf.d/90-contoso.conf says blocked = true for contoso.azurecr.io: podman refuses to pull from it.', expectedCause: 'client.podman-registry-redirected', client: 'podman', operation: 'pull' },
    setup(ctx) {
      ctx.clientHome = { '.config/containers/registries.conf.d/90-contoso.conf': '[[registry]]\nprefix = "contoso.azurecr.io"\nlocation = "contoso.azurecr.io"\nblocked = true\n' };
      ctx.podmanAuth = { auths: {} };
    },
  },
  {
    info: { ...S, name: 'podman-missing', description: 'The user asks about podman (--client podman), which is not installed.', expectedCause: 'client.tool-not-found', client: 'podman' },
    setup(ctx) { ctx.hideCommands = ['podman']; },
  },
  {
    info: { ...S, name: 'containerd-no-acrpull', description: 'ctr pulls contoso.azurecr.io/hello:v1 through a real containerd as the service principal, which reads the registry through ARM but holds no AcrPull: the pull is refused.', expectedCause: 'authz.missing-acrpull', client: 'containerd', operation: 'pull', usesArm: true, section: 'confirm-credentials-are-authorized-to-access-registry' },
    setup(ctx) {
      ctx.containerd = { running: true };
      removeRoles(ctx, ctx.sp.objectId, ['AcrPull', 'AcrPush', 'Reader', 'Owner', 'Contributor']);
      giveArmReadOnly(ctx, ctx.contoso, ctx.sp.objectId);
    },
  },
  {
    info: { ...S, name: 'containerd-hosts-elsewhere', description: `containerd's config_path holds contoso.azurecr.io/hosts.toml with server = "https://${IP.refused}" (a cache that was taken down: nothing listens): ctr --hosts-dir and the kubelet resolve the image there, not at the registry.`, expectedCause: 'client.containerd-hosts-redirected', client: 'containerd', operation: 'pull' },
    setup(ctx) {
      ctx.containerd = { running: true, hosts: { 'contoso.azurecr.io': `server = "https://${IP.refused}"\n\n[host."https://${IP.refused}"]\n  capabilities = ["pull", "resolve"]\n` } };
    },
  },
  {
    info: { ...S, name: 'containerd-down', description: 'The user works with ctr, but containerd is not running: nothing answers at CONTAINERD_ADDRESS.', expectedCause: 'client.containerd-unreachable', client: 'containerd' },
    setup(ctx) { ctx.containerd = { running: false }; },
  },
];
