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
