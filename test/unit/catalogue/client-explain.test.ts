// explain knows the client tools' own error texts (Docker Desktop's helpers, WSL, sockets, Cloud
// Shell, old clients, podman, containerd): each text finds its cause among the first matches.
import { strict as assert } from 'node:assert';
import { explainText } from '../../../src/core/explain';

const CASES: [string, string][] = [
  ['client.credential-helper-missing', 'Error saving credentials: error storing credentials - err: exec: "docker-credential-desktop": executable file not found in $PATH, out: ``'],
  ['client.credential-helper-missing', 'Error saving credentials: error storing credentials - err: docker-credential-desktop resolves to executable in current directory (./docker-credential-desktop), out: ``'],
  ['client.credential-helper-refused', 'error getting credentials - err: exit status 1, out: `User interaction is not allowed.`'],
  ['client.credential-helper-failed', 'error getting credentials - err: exit status 1, out: `the store is corrupt`'],
  ['client.wsl-integration-off', "The command 'docker' could not be found in this WSL 2 distro. We recommend to activate the WSL integration in Docker Desktop settings."],
  ['client.docker-socket-permission', 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: dial unix /var/run/docker.sock: connect: permission denied'],
  ['client.cloud-shell-no-daemon', "This command requires running the docker daemon, which is not supported in Azure Cloud Shell. You may want to use 'az acr login -n myreg --expose-token' to get an access token, which does not require Docker to be installed."],
  ['client.docker-cli-too-old', 'Error response from daemon: client version 1.24 is too old. Minimum supported API version is 1.40, please upgrade your client to a newer version'],
  ['client.containerd-unreachable', 'ctr: failed to dial "/run/containerd/containerd.sock": context deadline exceeded'],
  ['client.podman-config-malformed', 'Error: reading JSON file "/run/user/1000/containers/auth.json": unmarshaling JSON at "/run/user/1000/containers/auth.json": unexpected end of JSON input'],
  ['client.podman-auth-stale', 'Error: authenticating creds for "contoso.azurecr.io": Requesting bearer token: invalid status code from registry 401 (Unauthorized)'],
  ['authz.missing-acrpull', 'ctr: failed to resolve reference "contoso.azurecr.io/hello:v1": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'],
  ['credentials.invalid', 'failed to pull and unpack image "contoso.azurecr.io/hello:v1": failed to resolve reference "contoso.azurecr.io/hello:v1": failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized'],
];

describe('explain: the container clients\' own error texts', () => {
  for (const [cause, text] of CASES) {
    it(`${cause} ← ${text.slice(0, 70)}`, () => {
      const top = explainText(text).matches.slice(0, 3).map((m) => m.causeId);
      assert.ok(top.includes(cause as never), `${cause} not among ${top.join(', ')}`);
    });
  }
});

// The texts as each tool prints them (sources named), where the text names its fault: ranked first.
const FIRST: [string, string, string][] = [
  // docker-credential-helpers client/client.go via docker/cli's native store.
  ['client.credential-helper-missing', 'docker pull', 'error getting credentials - err: exec: "docker-credential-desktop": executable file not found in $PATH, out: ``'],
  ['client.credential-helper-missing', 'nerdctl (logrus)', 'time="2026-12-07T20:00:00Z" level=fatal msg="error getting credentials - err: exec: \\"docker-credential-desktop\\": executable file not found in $PATH, out: ``"'],
  ['client.credential-helper-missing', 'podman with credHelpers', 'Error: initializing source docker://contoso.azurecr.io/hello:v1: getting username and password: 1 error occurred:\n\t* exec: "docker-credential-desktop": executable file not found in $PATH'],
  ['client.wsl-integration-off', 'docker in WSL with a Windows config.json', 'error getting credentials - err: exec: "docker-credential-desktop.exe": executable file not found in $PATH, out: ``'],
  ['client.credential-helper-failed', 'a helper exiting 1', 'error getting credentials - err: exit status 1, out: ``'],
  ['client.credential-helper-failed', 'docker login storing', 'Error saving credentials: error storing credentials - err: exit status 1, out: `error storing credentials`'],
  ['client.credential-helper-refused', 'osxkeychain', 'error getting credentials - err: exit status 1, out: `User interaction is not allowed.`'],
  ['client.credential-helper-refused', 'secretservice', 'error getting credentials - err: exit status 1, out: `Cannot autolaunch D-Bus without X11 $DISPLAY`'],
  ['client.credential-helper-refused', 'wincred', 'error getting credentials - err: exit status 1, out: `A specified logon session does not exist. It may already have been terminated.`'],
  ['client.credential-helper-refused', 'pass', 'error getting credentials - err: exit status 2, out: `gpg: decryption failed: No secret key`'],
  // docker/cli: the daemon's socket.
  ['client.docker-socket-permission', 'docker before 28', 'Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/auth": dial unix /var/run/docker.sock: connect: permission denied'],
  ['client.docker-socket-permission', 'the first line only', 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock'],
  ['client.docker-socket-permission', 'docker 28', 'permission denied while trying to connect to the docker API at unix:///var/run/docker.sock'],
  ['client.docker-socket-permission', 'dockerode', 'Error: connect EACCES /var/run/docker.sock'],
  // docker/cli: contexts.
  ['client.docker-context-unreachable', 'a context on tcp', 'Cannot connect to the Docker daemon at tcp://192.0.2.99:2376. Is the docker daemon running?'],
  ['client.docker-context-unreachable', 'docker 28, a context on tcp', 'failed to connect to the docker API at tcp://192.0.2.99:2376; check if the path is correct and if the daemon is running: dial tcp 192.0.2.99:2376: connect: connection refused'],
  ['client.docker-context-unreachable', 'a context over ssh', 'error during connect: Get "http://docker.example.com/v1.47/version": command [ssh -o ConnectTimeout=30 -T -- build@192.0.2.99 docker system dial-stdio] has exited with exit status 255, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr=ssh: connect to host 192.0.2.99 port 22: Connection refused'],
  ['client.docker-context-unreachable', 'a context left over', 'Current context "remote" is not found on the file system, please check your config file at /home/u/.docker/config.json'],
  ['docker.daemon-unreachable', 'docker 28, the local socket', 'failed to connect to the docker API at unix:///var/run/docker.sock; check if the path is correct and if the daemon is running: dial unix /var/run/docker.sock: connect: no such file or directory'],
  // Docker Desktop's WSL shim; azure-cli's acr login in Cloud Shell; docker/cli against a newer daemon.
  ['client.wsl-integration-off', 'WSL shim', "The command 'docker' could not be found in this WSL 2 distro.\nWe recommend to activate the WSL integration in Docker Desktop settings.\n\nFor details about using Docker Desktop with WSL 2, visit:\n\nhttps://docs.docker.com/go/wsl2/"],
  ['client.cloud-shell-no-daemon', 'az acr login', "This command requires running the docker daemon, which is not supported in Azure Cloud Shell. You may want to use 'az acr login -n contoso --expose-token' to get an access token, which does not require Docker to be installed."],
  ['client.docker-cli-too-old', 'docker/cli', 'Error response from daemon: client version 1.24 is too old. Minimum supported API version is 1.40, please upgrade your client to a newer version'],
  // containers/image (podman).
  ['client.podman-config-malformed', 'podman pull', 'Error: initializing source docker://contoso.azurecr.io/hello:v1: getting username and password: 1 error occurred:\n\t* reading JSON file "/run/user/1000/containers/auth.json": unmarshaling JSON at "/run/user/1000/containers/auth.json": unexpected end of JSON input'],
  // 401s: podman's, ctr's and nerdctl's say the registry refused, not why.
  ['credentials.invalid', 'podman login', 'Error: logging into "contoso.azurecr.io": invalid username/password'],
  ['credentials.invalid', 'nerdctl pull', 'FATA[0000] failed to resolve reference "contoso.azurecr.io/hello:v1": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://contoso.azurecr.io/oauth2/token?scope=repository%3Ahello%3Apull&service=contoso.azurecr.io: 401 Unauthorized'],
  ['credentials.invalid', 'ctr pull --user', 'ctr: failed to resolve reference "contoso.azurecr.io/hello:v1": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://contoso.azurecr.io/oauth2/token?scope=repository%3Ahello%3Apull&service=contoso.azurecr.io: 401 Unauthorized'],
  ['credentials.anonymous-pull-disabled', 'ctr pull without a login', 'ctr: failed to resolve reference "contoso.azurecr.io/hello:v1": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://contoso.azurecr.io/oauth2/token?scope=repository%3Ahello%3Apull&service=contoso.azurecr.io: 401 Unauthorized'],
];

describe('explain: a client text that names its fault ranks that cause first', () => {
  for (const [cause, who, text] of FIRST) {
    it(`${cause} ← ${who}`, () => {
      const ranked = explainText(text).matches.map((m) => m.causeId);
      assert.equal(ranked[0], cause, `${who}: ranked ${ranked.slice(0, 3).join(', ')}`);
    });
  }
  it('a podman pull refused with "invalid username/password" keeps podman\'s stale login among the first causes (the text cannot tell stored from none)', () => {
    const ranked = explainText('Error: initializing source docker://contoso.azurecr.io/hello:v1: unable to retrieve auth token: invalid username/password: unauthorized: authentication required').matches.slice(0, 5).map((m) => m.causeId);
    assert.ok(ranked.includes('client.podman-auth-stale') || ranked.includes('credentials.stale-docker-credential'), ranked.join(', '));
  });
});
