import { strict as assert } from 'node:assert';
import { explainText } from '../../../src/core/explain';
import { describeReading, readText } from '../../../src/core/explain-reading';

const first = (t: string) => explainText(t).matches[0]?.causeId;
const ranked = (t: string) => explainText(t).matches.map((m) => m.causeId);

describe('explain: what the text says about itself', () => {
  it('reads tool, operation, image and codes, and says them in one line', () => {
    const r = readText('docker push contoso.azurecr.io/web:1\nunauthorized: authentication required\n401 Unauthorized');
    assert.equal(r.tool, 'docker');
    assert.equal(r.operation, 'push');
    assert.equal(r.image, 'contoso.azurecr.io/web:1');
    assert.equal(r.host, 'contoso.azurecr.io');
    assert.deepEqual(r.httpStatus, ['401']);
    assert.deepEqual(describeReading(r), { en: 'docker push of contoso.azurecr.io/web:1 → 401', nl: 'docker push van contoso.azurecr.io/web:1 → 401' });
  });

  it('tells the tools apart by how they frame an error', () => {
    const cases: [string, string][] = [
      ['time="2026-01-01T00:00:00Z" level=fatal msg="initializing source docker://contoso.azurecr.io/hello:v1: manifest unknown"', 'skopeo'],
      ['Trying to pull contoso.azurecr.io/hello:v1...\nError: initializing source docker://contoso.azurecr.io/hello:v1: reading manifest v1', 'podman'],
      ['ERROR: failed to solve: contoso.azurecr.io/base:1: not found', 'buildkit'],
      ['Failed to pull image "contoso.azurecr.io/a:1": rpc error: code = NotFound', 'kubelet'],
      ['ctr: failed to resolve reference "contoso.azurecr.io/a:1": not found', 'containerd'],
      ['Error: looks like "https://contoso.azurecr.io/helm/v1/repo" is not a valid chart repository or cannot be reached', 'helm'],
      ["ERROR: Could not connect to the registry login server 'contoso.azurecr.io'.", 'az'],
      ['curl: (6) Could not resolve host: contoso.azurecr.io', 'curl'],
      ['(HTTP code 404) unexpected - manifest unknown', 'docker-sdk'],
      ['##[error]Error response from daemon: Get "https://contoso.azurecr.io/v2/": unauthorized', 'azure-pipelines'],
      ['Error response from daemon: Get "https://contoso.azurecr.io/v2/": unauthorized: authentication required', 'docker'],
    ];
    for (const [text, tool] of cases) assert.equal(readText(text).tool, tool, text);
  });

  it('collects OCI codes, AADSTS and ARM codes', () => {
    const r = readText('{"errors":[{"code":"NAME_UNKNOWN"}]} AADSTS7000215 (AuthorizationFailed)');
    assert.deepEqual(r.ociCodes, ['NAME_UNKNOWN']);
    assert.deepEqual(r.aadsts, ['AADSTS7000215']);
    assert.deepEqual(r.armCodes, ['AuthorizationFailed']);
  });

  it('ranks only causes the operation can meet: a refused pull is never a missing AcrPush, a refused push never a missing AcrPull', () => {
    const pull = ranked("Error response from daemon: pull access denied for contoso.azurecr.io/hello, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
    assert.equal(pull[0], 'authz.missing-acrpull');
    assert.ok(!pull.includes('authz.missing-acrpush'), pull.join(', '));
    const push = ranked('docker push contoso.azurecr.io/hello:v1\ndenied: requested access to the resource is denied');
    assert.equal(push[0], 'authz.missing-acrpush');
    assert.ok(!push.includes('authz.missing-acrpull'), push.join(', '));
    // podman never needs the Docker daemon (a cause it cannot meet is left out when others fit).
    const podman = ranked('Trying to pull contoso.azurecr.io/hello:v1...\nError: initializing source docker://contoso.azurecr.io/hello:v1: dial tcp: lookup contoso.azurecr.io: no such host (is the docker daemon running?)');
    assert.equal(podman[0], 'network.dns-resolution-failed');
    assert.ok(!podman.includes('docker.daemon-unreachable'), podman.join(', '));
  });

  it('puts the specific before the generic: throttling, a lock, a missing manifest, DNS above any credentials cause', () => {
    assert.equal(first('unauthorized: authentication required\n429 Too Many Requests: TOOMANYREQUESTS'), 'network.throttled');
    assert.equal(first('denied: requested access to the resource is denied: The operation is disallowed on this registry, repository or image.'), 'image.locked');
    assert.equal(first('unauthorized: authentication required; manifest for contoso.azurecr.io/hello:v2 not found: manifest unknown'), 'image.tag-not-found');
    assert.equal(first('Get "https://contoso.azurecr.io/oauth2/token": unauthorized: authentication required; dial tcp: lookup contoso.azurecr.io: no such host'), 'network.dns-resolution-failed');
  });

  it('says when the text carries nothing beyond "unauthorized", with the check that tells each fitting cause apart', () => {
    const r = explainText('Error response from daemon: Get "https://contoso.azurecr.io/v2/": unauthorized: authentication required');
    assert.ok(r.bareUnauthorized && r.bareUnauthorized.length >= 3, JSON.stringify(r.bareUnauthorized));
    for (const t of r.bareUnauthorized) { assert.ok(t.check.en.length > 20); assert.ok(t.check.nl.length > 20); }
    // A login cannot be an anonymous pull.
    assert.ok(!r.bareUnauthorized.some((t) => t.causeId === 'credentials.anonymous-pull-disabled'));
    assert.ok(r.localizedNotes.some((n) => /only that the registry refused/.test(n.en) && /alleen dat het register/.test(n.nl)));
    // A text with more to say is not bare.
    assert.equal(explainText('unauthorized: authentication required\nAADSTS7000222: secret expired').bareUnauthorized, undefined);
    assert.equal(explainText('denied: requested access to the resource is denied').bareUnauthorized, undefined);
  });

  it('says when the text carries nothing beyond "403 Forbidden" (or a bare 401), with the firewall checks; the firewall\'s own words are not bare', () => {
    for (const text of ['Error response from daemon: login attempt to https://contoso.azurecr.io/v2/ failed with status: 403 Forbidden', 'curl: (22) The requested URL returned error: 403', 'HTTP 403']) {
      const r = explainText(text);
      assert.equal(r.bareSignal, '403', text);
      assert.deepEqual(r.bareUnauthorized!.map((t) => t.causeId), ['network.ip-rule-excludes-client', 'network.public-access-disabled', 'network.private-endpoint-dns-public', 'network.service-endpoint-rule-missing'], text);
      for (const t of r.bareUnauthorized!) { assert.ok(t.check.en.length > 20); assert.ok(t.check.nl.length > 20); }
      assert.ok(r.localizedNotes.some((n) => /403 Forbidden/.test(n.en) && /alleen dat het register/.test(n.nl)), text);
    }
    assert.equal(explainText('HTTP 401').bareSignal, '401');
    assert.equal(explainText("curl: (22) The requested URL returned error: 403 client with IP '203.0.113.7' is not allowed access.").bareUnauthorized, undefined);
    assert.equal(explainText('Error: 429 Too Many Requests').bareUnauthorized, undefined);
  });

  it('reads no registry status from the Docker Engine API\'s wrapper or a stack trace\'s line numbers', () => {
    const py = 'docker.errors.APIError: 500 Server Error for http+docker://localhost/v1.41/auth: Internal Server Error ("Get "https://contoso.azurecr.io/v2/": unauthorized: authentication required")\n  File "/usr/lib/python3/dist-packages/docker/api/client.py", line 429, in _raise_for_status';
    assert.deepEqual(readText(py).httpStatus, []);
    assert.equal(readText(py).tool, 'docker-sdk');
    // A daemon 500 around a registry 401 is still a bare unauthorized.
    assert.ok(explainText(py).bareUnauthorized?.length);
    const node = "at IncomingMessage.emit (node:events:536:35) at Modem.buildRequest (/app/node_modules/docker-modem/lib/modem.js:424:9) { reason: 'server error', statusCode: 500, json: { message: 'Get \"https://contoso.azurecr.io/v2/\": unauthorized' } }";
    assert.deepEqual(readText(node).httpStatus, []);
    assert.deepEqual(readText('Error response from daemon: login attempt to https://contoso.azurecr.io/v2/ failed with status: 429 Too Many Requests').httpStatus, ['429']);
  });

  it('reads a bare HTTP status line as what it can mean for a registry (401, 403, 404, 429, 5xx, EOF)', () => {
    assert.equal(first('HTTP 401'), 'credentials.invalid');
    assert.equal(first('HTTP 403'), 'network.ip-rule-excludes-client');
    assert.equal(first('404 Not Found'), 'image.tag-not-found');
    assert.equal(first('429'), 'network.throttled');
    assert.equal(first('500 Internal Server Error'), 'credentials.access-token-failed');
    assert.equal(first('HTTP 502 Bad Gateway'), 'network.client-proxy-broken');
    assert.equal(first('504 Gateway Timeout'), 'network.login-server-timeout');
    assert.equal(first('EOF'), 'network.client-proxy-broken');
  });

  it('reads Entra, ARM and check-health codes in az output', () => {
    assert.equal(first('ERROR: AADSTS7000222: The provided client secret keys for app are expired.'), 'expiry.service-principal-secret');
    assert.equal(first("ERROR: (MissingSubscriptionRegistration) The subscription is not registered to use namespace 'Microsoft.ContainerRegistry'."), 'network.resource-provider-unregistered');
    assert.equal(first("ERROR: 2026-01-01 An error occurred: CONNECTIVITY_ACCESS_TOKEN_ERROR\nAccess to registry 'contoso.azurecr.io' was denied. Response code: 401."), 'credentials.invalid');
  });
});
