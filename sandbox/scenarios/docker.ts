// troubleshoot-login #check-docker-configuration (+ check-health DOCKER_* codes)
import type { ScenarioDef } from './types';

const S = { seed: 'troubleshoot-login', section: 'check-docker-configuration', registry: 'contoso', usesArm: false } as const;

export const dockerScenarios: ScenarioDef[] = [
  {
    info: { ...S, name: 'docker-cli-missing', description: 'The docker CLI is not on the client\'s PATH.', expectedCause: 'docker.cli-missing', checkHealthCode: 'DOCKER_COMMAND_ERROR' },
    // No other container client either: with podman on PATH, podman would be the client diagnosed.
    setup(ctx) { ctx.hideDockerCli = true; ctx.hideCommands = ['podman', 'ctr', 'nerdctl']; },
  },
  {
    info: { ...S, name: 'docker-daemon-down', description: 'The Docker daemon is not running (no socket).', expectedCause: 'docker.daemon-unreachable', checkHealthCode: 'DOCKER_DAEMON_ERROR' },
    setup(ctx) { ctx.dockerd.running = false; },
  },
  {
    info: { ...S, name: 'docker-version-old', description: 'The daemon reports Docker 17.09 (API 1.32), older than the 18.03 minimum (socket proxy in front of the real daemon).', expectedCause: 'docker.version-too-old', checkHealthCode: 'DOCKER_VERSION_ERROR' },
    setup(ctx) { ctx.dockerd.oldVersion = true; },
  },
  {
    info: { ...S, name: 'docker-config-malformed', description: 'The client\'s Docker config.json is not valid JSON.', expectedCause: 'docker.config-malformed' },
    setup(ctx) { ctx.dockerConfig = { __raw: '{"auths": {"contoso.azurecr.io": {"auth": "' }; },
  },
];

export const dockerPullScenario: ScenarioDef = {
  info: { ...S, name: 'docker-pull-failed', description: 'The daemon cannot pull mcr.microsoft.com/mcr/hello-world (the name does not resolve).', expectedCause: 'docker.pull-failed', checkHealthCode: 'DOCKER_PULL_ERROR' },
  setup(ctx) { delete ctx.hosts['mcr.microsoft.com']; },
};
