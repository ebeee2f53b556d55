import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { explainText } from '../../../src/core/explain';

// Every error text quoted in the two seeds (Symptoms sections) and in registry-recipe.md, with the cause expected first.
const SEED_SYMPTOMS: [string, string][] = [
  // troubleshoot-network.nl.md
  ['dial tcp: lookup myregistry.azurecr.io', 'network.dns-resolution-failed'],
  ['Client.Timeout exceeded while awaiting headers', 'network.login-server-timeout'],
  ['Could not connect to the registry login server', 'network.login-server-unreachable'],
  ['Error response from daemon: login attempt failed with status: 403 Forbidden', 'network.ip-rule-excludes-client'],
  ['Error response from daemon: Get <registry>: proxyconnect tcp: EOF Login failed', 'network.client-proxy-broken'],
  ['Failed to save firewall and virtual network settings for container registry', 'network.sku-no-network-rules'],
  ['host is not reachable', 'network.private-endpoint-dns-public'],
  ['ACR Tasks is unable to push or pull images', 'network.trusted-services-bypass-off'],
  ['ACR-taken kan geen push- of pull-afbeeldingen maken', 'network.trusted-services-bypass-off'],
  ["Azure Security Center can't scan images in the registry, or scan results don't appear in Azure Security Center", 'network.trusted-services-bypass-off'],
  ['Azure Security Center kunt geen afbeeldingen in het register scannen of scanresultaten worden niet weergegeven in Azure Security Center', 'network.trusted-services-bypass-off'],
  ['Unable to add or modify virtual network settings or public access rules', 'network.service-endpoint-rule-missing'],
  ['Kan geen instellingen voor virtuele netwerken of regels voor openbare toegang toevoegen of wijzigen', 'network.service-endpoint-rule-missing'],
  // #configure-vnet-access: what Azure shows for an NSG, a firewall, Bastion (seed wording in Dutch too).
  ['Controleer de NSG-regels en servicetags die worden gebruikt om verkeer van andere resources in het netwerk naar het register te beperken', 'network.nsg-blocks-registry'],
  ['Effective security rule DenyAllOutBound (priority 65500) denies TCP 443 to 20.50.1.1', 'network.nsg-blocks-registry'],
  ['HTTPS request from 10.3.1.4:51234 to contoso.azurecr.io:443. Action: Deny. No rule matched. Proceeding with default action', 'network.firewall-blocks-registry'],
  ['Als Azure Firewall of een vergelijkbare oplossing is geconfigureerd in het netwerk', 'network.firewall-blocks-registry'],
  ['Momenteel wordt Azure Bastion eindpunt niet ondersteund', 'network.bastion-endpoint-unsupported'],
  // troubleshoot-login.nl.md
  ['unauthorized: authentication required', 'credentials.invalid'],
  ['unauthorized: Application not registered with AAD', 'credentials.service-principal-invalid'],
  // acr.md symptom list
  ["client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall", 'network.ip-rule-excludes-client'],
  ['denied: requested access to the resource is denied', 'authz.missing-acrpush'],
  ['Error response from daemon: Get https://contoso.azurecr.io/v2/: unauthorized', 'credentials.invalid'],
  ['toomanyrequests', 'network.throttled'],
];

const RECIPE_TEXTS: [string, string][] = [
  ['Error response from daemon: Get "https://contoso.azurecr.io/v2/": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.', 'credentials.invalid'],
  ['Error response from daemon: Get "https://contoso.azurecr.io/v2/": dial tcp: lookup contoso.azurecr.io on 127.0.0.1:53: read udp 127.0.0.1:41234->127.0.0.1:53: read: connection refused', 'network.dns-resolution-failed'],
  ['Error response from daemon: Get "https://contoso.azurecr.io/v2/": dial tcp 192.0.2.40:443: connect: connection refused', 'network.login-server-unreachable'],
  ['Error response from daemon: Get "https://contoso.azurecr.io/v2/": net/http: TLS handshake timeout', 'network.login-server-timeout'],
  ['Error response from daemon: Get "https://contoso.azurecr.io/v2/": dial tcp 192.0.2.42:443: i/o timeout', 'network.login-server-timeout'],
  ['error pulling image configuration: download failed after attempts=6: dial tcp 192.0.2.21:443: i/o timeout', 'network.data-endpoint-blocked'],
  ['Error response from daemon: Get "https://contoso.azurecr.io/v2/": x509: certificate signed by unknown authority', 'network.tls-untrusted'],
  ['Error response from daemon: login attempt to https://contoso.azurecr.io/v2/ failed with status: 403 Forbidden', 'network.ip-rule-excludes-client'],
  ['error parsing HTTP 403 response body: invalid character \'c\' looking for beginning of value: "client with IP \'192.0.2.1\' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."', 'network.ip-rule-excludes-client'],
  ['Error response from daemon: login attempt to https://contoso.azurecr.io/v2/ failed with status: 429 Too Many Requests', 'network.throttled'],
  ['toomanyrequests: toomanyrequests: too many requests.', 'network.throttled'],
  ['Get "https://contoso.azurecr.io/v2/": unexpected EOF', 'network.client-proxy-broken'],
  ['Get "https://contoso.azurecr.io/v2/": read tcp 192.0.2.1:5555->192.0.2.51:8888: read: connection reset by peer', 'network.client-proxy-broken'],
  ['Get "https://contoso.azurecr.io/v2/": proxyconnect tcp: dial tcp 192.0.2.51:8888: connect: connection refused', 'network.client-proxy-broken'],
  ['Cannot connect to the Docker daemon at unix:///run/sbx/docker.sock. Is the docker daemon running?', 'docker.daemon-unreachable'],
  ['Error response from daemon: Head "https://contoso.azurecr.io/v2/hello/manifests/v1": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.', 'credentials.invalid'],
  ['CONNECTIVITY_SSL_ERROR', 'network.tls-untrusted'],
  ['CONNECTIVITY_REFRESH_TOKEN_ERROR', 'credentials.aad-exchange-failed'],
];

describe('explain', () => {
  for (const [text, expected] of [...SEED_SYMPTOMS, ...RECIPE_TEXTS]) {
    it(`maps "${text.slice(0, 70)}" to ${expected}`, () => {
      const r = explainText(text);
      assert.ok(r.matches.length > 0, 'some cause');
      assert.equal(r.matches[0].causeId, expected, JSON.stringify(r.matches.slice(0, 3)));
    });
  }

  it('reads the client IP and the host out of the text', () => {
    assert.equal(explainText("client with IP '192.0.2.1' is not allowed access").params.clientIp, '192.0.2.1');
    assert.equal(explainText('dial tcp: lookup contoso.azurecr.io on 127.0.0.1:53').params.host, 'contoso.azurecr.io');
  });

  it('maps a missing tag to its cause and says it is not an access problem', () => {
    const r = explainText('manifest for contoso.azurecr.io/hello:nope not found: manifest unknown: manifest unknown');
    assert.equal(r.matches[0]?.causeId, 'image.tag-not-found');
    assert.ok(!r.matches.some((m) => m.causeId.startsWith('network.') || m.causeId.startsWith('credentials.')));
    assert.equal(r.notes.length, 1);
  });

  it('finds nothing in unrelated text and never throws', () => {
    assert.equal(explainText('hello world').matches.length, 0);
    assert.equal(explainText('').matches.length, 0);
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => { explainText(s); return true; }));
    explainText('x'.repeat(1_000_000));
  });

  it('redacts secrets in what it echoes', () => {
    const r = explainText('docker login -u admin -p Sup3rSecret! contoso.azurecr.io: unauthorized: authentication required');
    assert.ok(!JSON.stringify(r).includes('Sup3rSecret'));
  });
  it('quotes each place in the text once, as the text spells it', () => {
    const r = explainText('Error response from daemon: Get "https://contoso.azurecr.io/v2/": proxyconnect tcp: EOF');
    const proxy = r.matches.find((m) => m.causeId === 'network.client-proxy-broken');
    assert.ok(proxy, 'the proxy cause is found');
    assert.deepEqual(proxy.matched, ['proxyconnect tcp: EOF']);
  });
});
