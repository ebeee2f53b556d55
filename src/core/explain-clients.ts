// explain's rules for the container tooling people really have (issue: Docker Desktop's credential
// helpers, WSL, the daemon's socket, contexts, Cloud Shell, old clients, podman, containerd): each
// text names its fault, so these outrank the Docker-configuration and bare-401 readings. Wording
// from the tools' sources: docker/docker-credential-helpers (client/client.go: "error getting
// credentials - err: %v, out: `%s`"), docker/cli (context, socket, Engine API version errors),
// Docker Desktop's WSL shim, azure-cli's acr login, containers/image, containerd's remotes.
import type { SymptomRule } from './explain';

export const CLIENT_RULES: SymptomRule[] = [
  // Docker Desktop's helper is a Windows .exe: in WSL it is on PATH only with the integration on.
  { label: 'credential helper .exe missing (WSL)', pattern: /exec: \\?"docker-credential-(?<helper>[a-z0-9-]+)\.exe\\?": executable file not found/i, causes: ['client.wsl-integration-off', 'client.credential-helper-missing'], weight: 101, specific: true },
  { label: 'credential helper missing', pattern: /exec: \\?"docker-credential-(?<helper>[a-z0-9.-]+)\\?": executable file not found|docker-credential-(?<helper2>[a-z0-9.-]+) resolves to executable in current directory/i, causes: ['client.credential-helper-missing', 'client.wsl-integration-off'], weight: 100, specific: true },
  // The store behind the helper will not hand out the login (locked keychain, no D-Bus session, gpg, no logon session).
  { label: 'credential store refuses', pattern: /(?:getting|storing|erasing) credentials - err: [^\n]{0,80}out: `[^`]{0,300}(?:user interaction is not allowed|d-bus|x11 \$display|gpg: decryption failed|logon session does not exist|password store is empty|keychain is locked|the specified item could not be found in the keychain)/i, causes: ['client.credential-helper-refused', 'client.credential-helper-failed'], weight: 100, specific: true },
  { label: 'credential helper fails', pattern: /(?:getting|storing|erasing) credentials - err: (?:exit status \d+|signal: \w+|invalid character|unexpected end of JSON input)/i, causes: ['client.credential-helper-failed', 'client.credential-helper-refused'], weight: 99, specific: true },
  // podman (containers/image) running a credHelpers helper it cannot find.
  { label: 'containers/image: credential helper missing', pattern: /getting username and password: [^\n]{0,200}exec: "docker-credential-(?<helper>[a-z0-9.-]+)": executable file not found/i, causes: ['client.credential-helper-missing'], weight: 101, specific: true },
  { label: 'containers/image: auth.json not JSON', pattern: /(?:reading JSON file|unmarshaling JSON at) "[^"]*containers\/auth\.json"/i, causes: ['client.podman-config-malformed'], weight: 99, specific: true },

  { label: 'Docker socket permission denied', pattern: /permission denied while trying to connect to the docker (?:daemon socket|api) at (?<socket>unix:\/\/\S+?)[:\s]|permission denied while trying to connect to the docker (?:daemon socket|api) at unix:|connect EACCES \S*docker\.sock|dial unix \S*docker\.sock: connect: permission denied/i, causes: ['client.docker-socket-permission', 'client.docker-rootless-socket'], weight: 101, specific: true },
  // docker/cli: a current context whose metadata is gone, or an endpoint elsewhere that does not answer.
  { label: 'Docker context missing', pattern: /current context "(?<context>[^"]{1,100})" is not found on the file system|context "(?<context2>[^"]{1,100})": context not found/i, causes: ['client.docker-context-unreachable'], weight: 101, specific: true },
  { label: 'Docker endpoint elsewhere does not answer', pattern: /(?:cannot connect to the docker daemon at|failed to connect to the docker api at) (?<endpoint>(?:tcp|ssh|npipe|https?):\/\/[^\s;.]+(?:\.[^\s;.]+)*)|docker system dial-stdio\] has exited with/i, causes: ['client.docker-context-unreachable', 'docker.daemon-unreachable'], weight: 102, specific: true },
  { label: 'rootless Docker socket does not answer', pattern: /(?:cannot connect to the docker daemon at|failed to connect to the docker api at) unix:\/\/\/run\/user\/\d+\/docker\.sock/i, causes: ['docker.daemon-unreachable', 'client.docker-rootless-socket'], weight: 102, specific: true },
  { label: 'Docker daemon does not answer (Docker 28)', pattern: /failed to connect to the docker api at unix:\/\/\S+/i, causes: ['docker.daemon-unreachable'], weight: 100, specific: true },
  { label: 'WSL without Docker Desktop integration', pattern: /could not be found in this wsl 2 distro|activate the wsl integration in docker desktop/i, causes: ['client.wsl-integration-off'], weight: 100, specific: true },
  { label: 'Cloud Shell has no Docker daemon', pattern: /not supported in azure cloud shell/i, causes: ['client.cloud-shell-no-daemon'], weight: 100, specific: true },
  { label: 'Docker client too old for the daemon', pattern: /client version [\d.]+ is too old\. minimum supported api version is [\d.]+/i, causes: ['client.docker-cli-too-old', 'docker.version-too-old'], weight: 96, specific: true },
];
