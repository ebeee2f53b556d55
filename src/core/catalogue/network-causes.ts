// Network causes: every cause of the seed troubleshoot-network.nl.md and the connectivity codes
// of `az acr check-health`. Dutch wording follows the seed's; English follows learn.microsoft.com.
import type { Cause, CauseRecord, FixTemplate, Localized } from './types';
import { LAYER } from './layers';
import { HEALTH_PAGE, NETWORK_PAGE, NETWORK_SECTIONS } from './sections';

const FW = 'configure-client-firewall-access';
const PUB = 'configure-public-access-to-registry';
const VNET = 'configure-vnet-access';
const SVC = 'configure-service-access';

const docs = (title: Localized, page: string, anchor = ''): FixTemplate => ({ kind: 'openDocs', title, docs: { page, anchor } });
const sectionDocs = (anchor: string): FixTemplate =>
  docs({ en: `Open the docs: ${NETWORK_SECTIONS[anchor].en}`, nl: `Documentatie openen: ${NETWORK_SECTIONS[anchor].nl}` }, NETWORK_PAGE, anchor);
const healthDocs = (code: string): FixTemplate =>
  docs({ en: `Open the check-health error reference (${code})`, nl: `Foutverwijzing van check-health openen (${code})` }, HEALTH_PAGE, code.toLowerCase());
const copy = (title: Localized, command: string, requires?: string[]): FixTemplate => ({ kind: 'copyCommand', title, command, requires });
const azure = (title: Localized, action: string, command: string, requires?: string[]): FixTemplate =>
  ({ kind: 'changeAzureSetting', title, action, command, requires });

function cause<Id extends string>(c: Omit<CauseRecord<Id>, 'sectionTitle' | 'docs' | 'seed'> & Partial<Pick<Cause, 'seed' | 'sectionTitle' | 'docs'>>): CauseRecord<Id> {
  return { seed: 'troubleshoot-network', sectionTitle: NETWORK_SECTIONS[c.section], docs: { page: NETWORK_PAGE, anchor: c.section }, ...c };
}

export const NETWORK_CAUSES = [
  cause({
    id: 'network.dns-resolution-failed', section: FW, layer: LAYER.clientPath + 2, checkHealthCode: 'CONNECTIVITY_DNS_ERROR',
    title: { en: 'The login server name does not resolve', nl: 'De naam van de aanmeldingsserver wordt niet omgezet' },
    explanation: {
      en: 'DNS on this machine returns no address for the registry\'s login server, so Docker cannot even start a connection. A typo in the name, a registry that does not exist, or a DNS server (VPN, corporate resolver, private DNS zone) that does not know the name.',
      nl: 'DNS op deze computer geeft geen adres voor de aanmeldingsserver van het register, dus Docker kan niet eens verbinding maken. Een typefout in de naam, een register dat niet bestaat, of een DNS-server (VPN, bedrijfsresolver, privé-DNS-zone) die de naam niet kent.',
    },
    symptoms: ['dial tcp: lookup', 'no such host', 'could not resolve host', 'name or service not known', 'temporary failure in name resolution', 'getaddrinfo enotfound'],
    fixes: [
      copy({ en: 'Look the name up yourself', nl: 'Zoek de naam zelf op' }, 'nslookup {loginServer}'),
      healthDocs('CONNECTIVITY_DNS_ERROR'),
      sectionDocs(FW),
    ],
  }),
  cause({
    id: 'network.client-proxy-broken', section: FW, layer: LAYER.clientPath + 0,
    title: { en: 'The HTTPS proxy does not pass the connection on', nl: 'De HTTPS-proxy geeft de verbinding niet door' },
    explanation: {
      en: 'This machine sends registry traffic through an HTTPS proxy (HTTPS_PROXY), and the proxy refuses, closes the connection after CONNECT ("proxyconnect tcp: EOF"), or is not running. Behind an HTTPS proxy, both the Docker client and the Docker daemon must be configured for the proxy.',
      nl: 'Deze computer stuurt registerverkeer via een HTTPS-proxy (HTTPS_PROXY), en de proxy weigert, sluit de verbinding na CONNECT ("proxyconnect tcp: EOF") of draait niet. Zorg ervoor dat achter een HTTPS-proxy zowel uw Docker-client als de Docker-daemon zijn geconfigureerd voor proxygedrag.',
    },
    symptoms: ['proxyconnect tcp: eof', 'proxyconnect tcp:', 'proxyconnect', 'unexpected eof', 'connection reset by peer'],
    fixes: [
      copy({ en: 'Test the proxy with curl', nl: 'Test de proxy met curl' }, 'curl -sv --proxy {proxy} https://{loginServer}/v2/', ['proxy']),
      copy({ en: 'Show the proxy podman takes from containers.conf ([engine] env), then correct or remove it', nl: 'De proxy tonen die podman uit containers.conf haalt ([engine] env), en die daarna verbeteren of verwijderen' }, 'grep -n -i proxy {containersConf}', ['containersConf']),
      { ...docs({ en: 'podman docs: containers.conf, [engine] env', nl: 'podman-documentatie: containers.conf, [engine] env' }, 'https://github.com/containers/common/blob/main/docs/containers.conf.5.md', 'engine-table'), requires: ['containersConf'] },
      docs({ en: 'Docker daemon proxy configuration', nl: 'Proxyconfiguratie van de Docker-daemon' }, 'https://docs.docker.com/config/daemon/systemd/', 'httphttps-proxy'),
      sectionDocs(FW),
    ],
  }),
  cause({
    id: 'network.daemon-proxy-missing', section: FW, layer: LAYER.clientPath + 1,
    title: { en: 'The Docker daemon does not use the same proxy as the client', nl: 'De Docker-daemon gebruikt niet dezelfde proxy als de client' },
    explanation: {
      en: 'Your shell has a proxy (HTTPS_PROXY) but the Docker daemon, which does the actual pulling and pushing, has none or another one. `docker login` and `docker pull` then fail or time out while curl works. If you change the daemon\'s proxy settings, restart the daemon.',
      nl: 'Uw shell heeft een proxy (HTTPS_PROXY), maar de Docker-daemon, die het eigenlijke pullen en pushen doet, heeft er geen of een andere. `docker login` en `docker pull` mislukken dan of verlopen, terwijl curl werkt. Als u de proxyinstellingen voor de Docker-daemon wijzigt, moet u de daemon opnieuw opstarten.',
    },
    symptoms: ['client.timeout exceeded while awaiting headers', 'net/http: tls handshake timeout', 'i/o timeout'],
    fixes: [
      copy({ en: 'Give the daemon the proxy (systemd drop-in) and restart it', nl: 'Geef de daemon de proxy (systemd drop-in) en start hem opnieuw op' },
        'sudo mkdir -p /etc/systemd/system/docker.service.d && printf \'[Service]\\nEnvironment="HTTPS_PROXY={proxy}" "NO_PROXY={noProxy}"\\n\' | sudo tee /etc/systemd/system/docker.service.d/http-proxy.conf && sudo systemctl daemon-reload && sudo systemctl restart docker', ['proxy']),
      docs({ en: 'Docker daemon proxy configuration', nl: 'Proxyconfiguratie van de Docker-daemon' }, 'https://docs.docker.com/config/daemon/systemd/', 'httphttps-proxy'),
      sectionDocs(FW),
    ],
  }),
  cause({
    id: 'network.login-server-unreachable', section: FW, layer: LAYER.clientPath + 3, checkHealthCode: 'CONNECTIVITY_CHALLENGE_ERROR',
    title: { en: 'The login server refuses the connection', nl: 'De aanmeldingsserver weigert de verbinding' },
    explanation: {
      en: 'The name resolves, but nothing accepts a connection on port 443 at that address: a client firewall that rejects, a wrong DNS entry (hosts file, private DNS zone) or a network that cannot route there.',
      nl: 'De naam wordt omgezet, maar op dat adres neemt niets een verbinding op poort 443 aan: een clientfirewall die weigert, een verkeerde DNS-vermelding (hosts-bestand, privé-DNS-zone) of een netwerk dat er niet heen kan routeren.',
    },
    symptoms: ['could not connect to the registry login server', 'connect: connection refused', 'connection refused', 'no route to host', 'network is unreachable'],
    fixes: [
      copy({ en: 'Check the connection with curl', nl: 'Controleer de verbinding met curl' }, 'curl -sv https://{loginServer}/v2/'),
      healthDocs('CONNECTIVITY_CHALLENGE_ERROR'),
      docs({ en: 'Firewall rules for a registry', nl: 'Firewallregels voor een register' }, 'container-registry-firewall-access-rules'),
      sectionDocs(FW),
    ],
  }),
  cause({
    id: 'network.login-server-timeout', section: FW, layer: LAYER.clientPath + 3,
    title: { en: 'The login server does not answer (firewall drop or black hole)', nl: 'De aanmeldingsserver antwoordt niet (firewall laat vallen of zwart gat)' },
    explanation: {
      en: 'Connections to the login server get no answer before the deadline: a client firewall or proxy that silently drops the traffic. Configure firewall rules to reach the registry\'s public REST endpoint and its data endpoints.',
      nl: 'Verbindingen met de aanmeldingsserver krijgen geen antwoord binnen de tijd: een clientfirewall of proxy die het verkeer stil laat vallen. Configureer firewallregels voor toegang tot de openbare REST- en gegevens-eindpunten van het register.',
    },
    symptoms: ['client.timeout exceeded while awaiting headers', 'net/http: tls handshake timeout', 'i/o timeout', 'could not connect to the registry login server', 'context deadline exceeded', 'operation timed out'],
    fixes: [
      copy({ en: 'Check the connection with curl (10 s limit)', nl: 'Controleer de verbinding met curl (max. 10 s)' }, 'curl -sv --max-time 10 https://{loginServer}/v2/'),
      docs({ en: 'Firewall rules for a registry', nl: 'Firewallregels voor een register' }, 'container-registry-firewall-access-rules'),
      sectionDocs(FW),
    ],
  }),
  cause({
    id: 'network.tls-untrusted', section: FW, layer: LAYER.clientPath + 4, checkHealthCode: 'CONNECTIVITY_SSL_ERROR',
    title: { en: 'The registry\'s certificate is not trusted (TLS interception?)', nl: 'Het certificaat van het register wordt niet vertrouwd (TLS-interceptie?)' },
    explanation: {
      en: 'The certificate presented for the login server does not lead to a trusted root, or does not name the server. Usually a proxy or firewall that inspects TLS with its own CA ({issuer}); trust that CA on this machine and in Docker (certs.d), or exempt the registry from inspection.',
      nl: 'Het certificaat dat voor de aanmeldingsserver wordt getoond, leidt niet naar een vertrouwde basis-CA of noemt de server niet. Meestal een proxy of firewall die TLS inspecteert met een eigen CA ({issuer}); vertrouw die CA op deze computer en in Docker (certs.d), of zonder het register uit van inspectie.',
    },
    symptoms: ['x509: certificate signed by unknown authority', 'x509:', 'certificate verify failed', 'unable to get local issuer certificate', 'self signed certificate', 'self-signed certificate', 'ssl error', 'certificate is valid for'],
    fixes: [
      copy({ en: 'Show the certificate chain', nl: 'Toon de certificaatketen' }, 'openssl s_client -connect {loginServer}:443 -servername {loginServer} -showcerts </dev/null'),
      healthDocs('CONNECTIVITY_SSL_ERROR'),
      sectionDocs(FW),
    ],
  }),
  cause({
    id: 'network.challenge-invalid', section: FW, layer: LAYER.registryEndpoints + 0, checkHealthCode: 'CONNECTIVITY_AAD_LOGIN_ERROR',
    title: { en: 'The server at the login server address does not answer like a registry', nl: 'De server op het adres van de aanmeldingsserver antwoordt niet als een register' },
    explanation: {
      en: '`GET /v2/` did not answer 401 with a `Bearer realm=…,service=…` challenge pointing at the login server itself. Something else answers for the registry\'s name (a proxy, captive portal, wrong DNS entry), or the challenge points elsewhere; ACR Doctor never sends credentials to a realm on another host.',
      nl: '`GET /v2/` antwoordde niet met 401 en een `Bearer realm=…,service=…`-uitdaging die naar de aanmeldingsserver zelf wijst. Iets anders antwoordt voor de naam van het register (een proxy, captive portal, verkeerde DNS-vermelding), of de uitdaging wijst elders heen; ACR Doctor stuurt nooit referenties naar een realm op een andere host.',
    },
    symptoms: ['unauthorized: application not registered with aad', 'www-authenticate', 'invalid challenge'],
    fixes: [
      copy({ en: 'Look at the challenge yourself', nl: 'Bekijk de uitdaging zelf' }, 'curl -si https://{loginServer}/v2/'),
      healthDocs('CONNECTIVITY_AAD_LOGIN_ERROR'),
      sectionDocs(FW),
    ],
  }),
  cause({
    id: 'network.throttled', section: FW, layer: LAYER.registryEndpoints + 5, checkHealthCode: 'CONNECTIVITY_TOOMANYREQUESTS_ERROR',
    title: { en: 'The registry is throttling requests (429)', nl: 'Het register beperkt aanvragen (429)' },
    explanation: {
      en: 'The registry answers 429 Too Many Requests: this client (or everyone behind the same address) exceeded the SKU\'s request rate. Wait and retry with back-off, spread pulls, or move to a higher SKU.',
      nl: 'Het register antwoordt 429 Too Many Requests: deze client (of iedereen achter hetzelfde adres) heeft het aantal aanvragen van de SKU overschreden. Wacht en probeer het opnieuw met toenemende pauzes, spreid pulls, of kies een hogere SKU.',
    },
    symptoms: ['toomanyrequests', '429 too many requests', 'too many requests'],
    fixes: [
      copy({ en: 'Show the registry\'s usage', nl: 'Toon het gebruik van het register' }, 'az acr show-usage --name {registry} --output table'),
      healthDocs('CONNECTIVITY_TOOMANYREQUESTS_ERROR'),
    ],
  }),
  cause({
    id: 'network.data-endpoint-blocked', section: FW, layer: LAYER.registryEndpoints + 2,
    title: { en: 'The data endpoint is blocked (login works, pulls fail)', nl: 'Het gegevens-eindpunt is geblokkeerd (aanmelden lukt, pullen niet)' },
    explanation: {
      en: 'Layers are not served by the login server: blob requests redirect to a data endpoint ({dataEndpoint}). A client firewall or proxy that allows only `<registry>.azurecr.io` lets `docker login` work but pulls hang. Allow the data endpoint(s) too: `<registry-name>.<region>.data.azurecr.io`.',
      nl: 'Lagen komen niet van de aanmeldingsserver: blob-aanvragen worden omgeleid naar een gegevens-eindpunt ({dataEndpoint}). Een clientfirewall of proxy die alleen `<registryname>.azurecr.io` toestaat, laat `docker login` werken maar pulls blijven hangen. Configureer ook regels voor het gegevens-eindpunt: `<registry-name>.<region>.data.azurecr.io`.',
    },
    symptoms: ['error pulling image configuration', 'download failed after attempts', '.data.azurecr.io', 'blob.core.windows.net'],
    fixes: [
      copy({ en: 'List the registry\'s endpoints for your firewall', nl: 'Toon de eindpunten van het register voor uw firewall' }, 'az acr show-endpoints --name {registry}'),
      copy({ en: 'Check the data endpoint with curl', nl: 'Controleer het gegevens-eindpunt met curl' }, 'curl -sv --max-time 10 https://{dataEndpoint}/', ['dataEndpoint']),
      docs({ en: 'Dedicated data endpoints', nl: 'Toegewezen gegevens-eindpunten' }, 'container-registry-dedicated-data-endpoints'),
      sectionDocs(FW),
    ],
  }),
  cause({
    id: 'network.replica-data-endpoint-blocked', section: FW, layer: LAYER.registryEndpoints + 3,
    title: { en: 'A replica\'s data endpoint is blocked', nl: 'Het gegevens-eindpunt van een replica is geblokkeerd' },
    explanation: {
      en: 'The registry is geo-replicated; clients are routed to the nearest replica and pull from that region\'s data endpoint ({dataEndpoint}). Configure access to the data endpoint of every regional replica, not just the home region.',
      nl: 'Het register is geo-gerepliceerd; clients worden naar de dichtstbijzijnde replica geleid en pullen van het gegevens-eindpunt van die regio ({dataEndpoint}). Configureer voor een geo-gerepliceerd register de toegang tot het gegevens-eindpunt voor elke regionale replica.',
    },
    symptoms: ['download failed after attempts'],
    fixes: [
      copy({ en: 'List every endpoint (all replicas)', nl: 'Toon alle eindpunten (alle replica\'s)' }, 'az acr show-endpoints --name {registry}'),
      copy({ en: 'Check that replica\'s data endpoint', nl: 'Controleer het gegevens-eindpunt van die replica' }, 'curl -sv --max-time 10 https://{dataEndpoint}/', ['dataEndpoint']),
      sectionDocs(FW),
    ],
  }),
  cause({
    id: 'network.public-access-disabled', section: PUB, layer: LAYER.registryNetwork + 1,
    title: { en: 'Public network access to the registry is disabled', nl: 'Openbare netwerktoegang tot het register is uitgeschakeld' },
    explanation: {
      en: 'The registry\'s publicNetworkAccess is Disabled: only private endpoints can reach it, and this client comes over the public endpoint. Connect through the registry\'s private endpoint (VPN, VNet), or enable public access for selected networks.',
      nl: 'publicNetworkAccess van het register staat op Disabled: alleen privé-eindpunten kunnen het bereiken, en deze client komt via het openbare eindpunt. Maak verbinding via het privé-eindpunt van het register (VPN, VNet), of sta openbare toegang toe voor geselecteerde netwerken.',
    },
    symptoms: ['login attempt failed with status: 403 forbidden', '403 forbidden', 'not allowed access', 'public network access is disabled'],
    fixes: [
      azure({ en: 'Enable public network access', nl: 'Openbare netwerktoegang inschakelen' }, 'registry.enablePublicNetworkAccess', 'az acr update --name {registry} --public-network-enabled true'),
      docs({ en: 'Public IP network rules', nl: 'Regels voor openbare IP-netwerken' }, 'container-registry-access-selected-networks'),
      sectionDocs(PUB),
    ],
  }),
  cause({
    id: 'network.ip-rule-excludes-client', section: PUB, layer: LAYER.registryNetwork + 2, checkHealthCode: 'CONNECTIVITY_FORBIDDEN_ERROR',
    title: { en: 'The registry\'s firewall does not allow this client\'s IP address', nl: 'De firewall van het register staat het IP-adres van deze client niet toe' },
    explanation: {
      en: 'The registry allows public access only from selected networks (default action Deny), and no IP rule covers this client\'s address {clientIp}. Add a rule for it (or its range), or reach the registry over a private endpoint.',
      nl: 'Het register staat openbare toegang alleen toe vanuit geselecteerde netwerken (standaardactie Deny), en geen IP-regel dekt het adres {clientIp} van deze client. Voeg er een regel voor toe (of voor het bereik), of bereik het register via een privé-eindpunt.',
    },
    symptoms: ['is not allowed access', "client with ip '", 'aka.ms/acr/firewall', 'login attempt failed with status: 403 forbidden', '403 forbidden', 'error parsing http 403 response body'],
    fixes: [
      azure({ en: 'Allow this client\'s IP address', nl: 'Het IP-adres van deze client toestaan' }, 'registry.addIpRule', 'az acr network-rule add --name {registry} --ip-address {clientIp}', ['clientIp']),
      healthDocs('CONNECTIVITY_FORBIDDEN_ERROR'),
      docs({ en: 'Public IP network rules', nl: 'Regels voor openbare IP-netwerken' }, 'container-registry-access-selected-networks'),
      sectionDocs(PUB),
    ],
  }),
  cause({
    id: 'network.sku-no-network-rules', section: PUB, layer: LAYER.registryNetwork + 0,
    title: { en: 'Network rules need the Premium SKU', nl: 'Netwerkregels vereisen de Premium-SKU' },
    explanation: {
      en: 'IP rules, virtual network rules and private endpoints are Premium features. On a {sku} registry the settings cannot be saved ("Failed to save firewall and virtual network settings for container registry").',
      nl: 'IP-regels, regels voor virtuele netwerken en privé-eindpunten zijn Premium-functies. Bij een {sku}-register kunnen de instellingen niet worden opgeslagen ("Failed to save firewall and virtual network settings for container registry").',
    },
    symptoms: ['failed to save firewall and virtual network settings for container registry', 'failed to save firewall'],
    fixes: [
      azure({ en: 'Upgrade the registry to Premium', nl: 'Het register naar Premium upgraden' }, 'registry.upgradeToPremium', 'az acr update --name {registry} --sku Premium'),
      sectionDocs(PUB),
    ],
  }),
  cause({
    id: 'network.private-endpoint-dns-public', section: VNET, layer: LAYER.clientPath + 5,
    title: { en: 'DNS gives the public address, not the private endpoint\'s', nl: 'DNS geeft het openbare adres, niet dat van het privé-eindpunt' },
    explanation: {
      en: 'The registry has a private endpoint ({privateIp}), but DNS on this machine resolves {loginServer} to {resolvedIp}. Make sure DNS records exist for the registry FQDN and for each data endpoint FQDN (private DNS zone privatelink.azurecr.io linked to your network, or your own DNS).',
      nl: 'Het register heeft een privé-eindpunt ({privateIp}), maar DNS op deze computer zet {loginServer} om naar {resolvedIp}. Zorg ervoor dat DNS-records zijn geconfigureerd voor de FQDN van het register en voor elk van de FQDN\'s van het gegevens-eindpunt (privé-DNS-zone privatelink.azurecr.io gekoppeld aan uw netwerk, of uw eigen DNS).',
    },
    symptoms: ['host is not reachable'],
    fixes: [
      copy({ en: 'Check what DNS returns', nl: 'Controleer wat DNS teruggeeft' }, 'nslookup {loginServer}'),
      docs({ en: 'Private endpoint DNS configuration', nl: 'DNS-configuratie voor privé-eindpunten' }, 'container-registry-private-link', 'dns-configuration-options'),
      sectionDocs(VNET),
    ],
  }),
  cause({
    id: 'network.private-endpoint-data-dns-missing', section: VNET, layer: LAYER.clientPath + 6,
    title: { en: 'A data endpoint has no private DNS record', nl: 'Een gegevens-eindpunt heeft geen privé-DNS-record' },
    explanation: {
      en: 'The login server resolves to the private endpoint, but the data endpoint {dataEndpoint} does not (it fails or gives a public address). Pulls then fail after login succeeds. Add a record for each data endpoint FQDN.',
      nl: 'De aanmeldingsserver wordt omgezet naar het privé-eindpunt, maar het gegevens-eindpunt {dataEndpoint} niet (mislukt of geeft een openbaar adres). Pulls mislukken dan nadat het aanmelden is gelukt. Zorg voor een DNS-record voor elk van de FQDN\'s van het gegevens-eindpunt.',
    },
    symptoms: ['host is not reachable'],
    fixes: [
      copy({ en: 'Check what DNS returns for the data endpoint', nl: 'Controleer wat DNS teruggeeft voor het gegevens-eindpunt' }, 'nslookup {dataEndpoint}', ['dataEndpoint']),
      docs({ en: 'Private endpoint DNS configuration', nl: 'DNS-configuratie voor privé-eindpunten' }, 'container-registry-private-link', 'dns-configuration-options'),
      sectionDocs(VNET),
    ],
  }),
  cause({
    // Below "refused/unreachable": a pending connection is why the private IP does not answer.
    id: 'network.private-endpoint-not-approved', section: VNET, layer: LAYER.clientPath + 2,
    title: { en: 'The private endpoint connection is not approved', nl: 'De verbinding met het privé-eindpunt is niet goedgekeurd' },
    explanation: {
      en: 'The registry\'s private endpoint connection {connectionName} is {connectionState}, not Approved: traffic over it is not accepted until a registry owner approves it.',
      nl: 'De verbinding {connectionName} met het privé-eindpunt van het register is {connectionState}, niet Approved: verkeer erover wordt pas geaccepteerd als een eigenaar van het register de verbinding goedkeurt.',
    },
    symptoms: ['host is not reachable'],
    fixes: [
      azure({ en: 'Approve the private endpoint connection', nl: 'De verbinding met het privé-eindpunt goedkeuren' }, 'registry.approvePrivateEndpoint',
        'az acr private-endpoint-connection approve --registry-name {registry} --name {connectionName}', ['connectionName']),
      docs({ en: 'Private Link for a registry', nl: 'Private Link voor een register' }, 'container-registry-private-link'),
      sectionDocs(VNET),
    ],
  }),
  cause({
    id: 'network.service-endpoint-rule-missing', section: VNET, layer: LAYER.registryNetwork + 4,
    title: { en: 'No network rule for the service endpoint\'s subnet', nl: 'Geen netwerkregel voor het subnet van het service-eindpunt' },
    explanation: {
      en: 'A service endpoint for the registry is configured, but the registry has no virtual network rule that allows access from that network subnet. The service endpoint only supports access from virtual machines and AKS clusters in the network.',
      nl: 'Er is een service-eindpunt voor het register geconfigureerd, maar het register heeft geen netwerkregel die toegang toestaat vanuit dat netwerksubnet. Het service-eindpunt ondersteunt alleen toegang vanaf virtuele machines en AKS-clusters in het netwerk.',
    },
    // The seed's symptom (English as in the docs, Dutch as in the seed): the portal or az cannot add
    // or change virtual network settings.
    symptoms: [
      'unable to add or modify virtual network settings', 'cannot add or modify virtual network settings', 'cannot add virtual network settings',
      "can't add virtual network settings", 'kan geen instellingen voor virtuele netwerken',
    ],
    fixes: [
      azure({ en: 'Allow the subnet', nl: 'Het subnet toestaan' }, 'registry.addSubnetRule', 'az acr network-rule add --name {registry} --subnet {subnetId}', ['subnetId']),
      copy({ en: 'Or allow this client\'s IP address', nl: 'Of sta het IP-adres van deze client toe' }, 'az acr network-rule add --name {registry} --ip-address {clientIp}', ['clientIp']),
      sectionDocs(VNET),
    ],
  }),
  cause({
    id: 'network.resource-provider-unregistered', section: VNET, layer: LAYER.registryNetwork + 5,
    title: { en: 'Microsoft.ContainerRegistry is not registered in the network\'s subscription', nl: 'De resourceprovider Microsoft.ContainerRegistry is niet geregistreerd in het abonnement van het netwerk' },
    explanation: {
      en: 'To restrict registry access with a virtual network in another Azure subscription, the Microsoft.ContainerRegistry resource provider must be registered in that subscription.',
      nl: 'Als u de registertoegang wilt beperken met behulp van een virtueel netwerk in een ander Azure-abonnement, moet u de resourceprovider Microsoft.ContainerRegistry in dat abonnement registreren.',
    },
    symptoms: ['failed to save firewall and virtual network settings for container registry', 'subscription is not registered', 'missingsubscriptionregistration'],
    fixes: [
      azure({ en: 'Register the resource provider', nl: 'De resourceprovider registreren' }, 'subscription.registerContainerRegistryProvider',
        'az provider register --namespace Microsoft.ContainerRegistry --subscription {subscriptionId}', ['subscriptionId']),
      sectionDocs(VNET),
    ],
  }),
  cause({
    id: 'network.nsg-blocks-registry', section: VNET, layer: LAYER.clientPath + 1,
    title: { en: 'An NSG rule blocks traffic from the network to the registry', nl: 'Een NSG-regel blokkeert verkeer van het netwerk naar het register' },
    explanation: {
      en: 'A network security group on the subnet of the client (a VM, a build agent, the nodes of an AKS cluster) or of the registry\'s private endpoint has a rule ({nsgRule}, priority {nsgRulePriority}) that denies TCP 443 to the registry — by the AzureContainerRegistry service tag, Internet, the private endpoint\'s address or everything — before any rule allows it. Check the NSG rules and service tags used to restrict traffic from other resources in the network to the registry; the login server and every data endpoint need port 443.',
      nl: 'Een netwerkbeveiligingsgroep (NSG) op het subnet van de client (een VM, een buildagent, de nodes van een AKS-cluster) of van het privé-eindpunt van het register heeft een regel ({nsgRule}, prioriteit {nsgRulePriority}) die TCP 443 naar het register weigert — via de servicetag AzureContainerRegistry, Internet, het adres van het privé-eindpunt of alles — voordat een regel het toestaat. Controleer de NSG-regels en servicetags die worden gebruikt om verkeer van andere resources in het netwerk naar het register te beperken; de aanmeldingsserver en elk gegevenseindpunt hebben poort 443 nodig.',
    },
    symptoms: ['network security group', 'securityrule', 'nsg rule', 'denyalloutbound', 'azurecontainerregistry service tag', 'nsg-regel', 'netwerkbeveiligingsgroep', 'servicetags'],
    fixes: [
      copy({ en: 'Allow TCP 443 to the registry before the denying rule', nl: 'TCP 443 naar het register toestaan vóór de weigerende regel' },
        'az network nsg rule create --resource-group {nsgResourceGroup} --nsg-name {nsg} --name AllowContainerRegistry443 --priority {allowPriority} --direction {nsgDirection} --access Allow --protocol Tcp --source-address-prefixes {sourcePrefix} --destination-port-ranges 443 --destination-address-prefixes {destinationPrefix}',
        ['nsg', 'nsgResourceGroup', 'allowPriority', 'nsgDirection', 'sourcePrefix', 'destinationPrefix']),
      copy({ en: 'Or delete the denying rule', nl: 'Of de weigerende regel verwijderen' },
        'az network nsg rule delete --resource-group {nsgResourceGroup} --nsg-name {nsg} --name {customNsgRule}', ['nsg', 'nsgResourceGroup', 'customNsgRule']),
      copy({ en: 'List the NSG\'s rules, the default rules too', nl: 'De regels van de NSG weergeven, ook de standaardregels' },
        'az network nsg rule list --resource-group {nsgResourceGroup} --nsg-name {nsg} --include-default --output table', ['nsg', 'nsgResourceGroup']),
      docs({ en: 'Virtual network service tags', nl: 'Servicetags voor virtuele netwerken' }, 'https://learn.microsoft.com/azure/virtual-network/service-tags-overview'),
      sectionDocs(VNET),
    ],
  }),
  cause({
    id: 'network.firewall-blocks-registry', section: VNET, layer: LAYER.clientPath + 1,
    title: { en: 'An Azure Firewall or route in the network does not let traffic reach the registry', nl: 'Een Azure Firewall of route in het netwerk laat het verkeer het register niet bereiken' },
    explanation: {
      en: 'The client\'s subnet (a VM, a build agent, the nodes of an AKS cluster) has a route table that sends registry traffic to an Azure Firewall or similar appliance ({firewallIp}) whose network and application rules do not allow the registry endpoints ({blockedFqdns}), or a route that drops it. If Azure Firewall or a similar solution is configured in the network, check that traffic from other resources such as an AKS cluster is enabled to reach the registry endpoints: the login server <registry>.azurecr.io and every data endpoint <registry>.<region>.data.azurecr.io (or *.azurecr.io, or the AzureContainerRegistry service tag in a network rule).',
      nl: 'Het subnet van de client (een VM, een buildagent, de nodes van een AKS-cluster) heeft een routetabel die het verkeer naar het register naar een Azure Firewall of vergelijkbaar apparaat ({firewallIp}) stuurt waarvan de netwerk- en toepassingsregels de register-eindpunten ({blockedFqdns}) niet toestaan, of een route die het laat vallen. Als Azure Firewall of een vergelijkbare oplossing is geconfigureerd in het netwerk, controleert u of het verkeer dat afkomstig is van andere resources, zoals een AKS-cluster, is ingeschakeld om de register-eindpunten te bereiken: de aanmeldingsserver <registry>.azurecr.io en elk gegevenseindpunt <registry>.<regio>.data.azurecr.io (of *.azurecr.io, of de servicetag AzureContainerRegistry in een netwerkregel).',
    },
    symptoms: ['azure firewall', 'no rule matched. proceeding with default action', 'azurefirewallsubnet', 'virtual appliance', 'virtueel apparaat', 'nexthoptype'],
    fixes: [
      copy({ en: 'Allow the registry endpoints in the firewall policy', nl: 'De register-eindpunten toestaan in het firewallbeleid' },
        'az network firewall policy rule-collection-group collection add-filter-collection --resource-group {firewallPolicyResourceGroup} --policy-name {firewallPolicy} --rule-collection-group-name {firewallPolicyGroup} --name AllowContainerRegistry --collection-priority {firewallCollectionPriority} --action Allow --rule-type ApplicationRule --rule-name allow-{registry} --protocols Https=443 --source-addresses {sourcePrefix} --target-fqdns {blockedFqdns}',
        ['firewallPolicy', 'firewallPolicyResourceGroup', 'firewallPolicyGroup', 'firewallCollectionPriority', 'sourcePrefix', 'blockedFqdns']),
      copy({ en: 'Allow the registry endpoints in the firewall\'s application rules', nl: 'De register-eindpunten toestaan in de toepassingsregels van de firewall' },
        'az network firewall application-rule create --resource-group {firewallResourceGroup} --firewall-name {classicFirewall} --collection-name AllowContainerRegistry --priority {firewallCollectionPriority} --action Allow --name allow-{registry} --protocols Https=443 --source-addresses {sourcePrefix} --target-fqdns {blockedFqdns}',
        ['classicFirewall', 'firewallResourceGroup', 'firewallCollectionPriority', 'sourcePrefix', 'blockedFqdns']),
      copy({ en: 'Show the route that carries the traffic', nl: 'De route weergeven die het verkeer draagt' },
        'az network route-table route show --resource-group {routeTableResourceGroup} --route-table-name {routeTable} --name {route}', ['routeTable', 'routeTableResourceGroup', 'route']),
      docs({ en: 'Configure rules to access a registry behind a firewall', nl: 'Regels configureren voor toegang tot een register achter een firewall' }, 'container-registry-firewall-access-rules'),
      docs({ en: 'Required outbound network rules and FQDNs for AKS clusters', nl: 'Vereiste uitgaande netwerkregels en FQDN\'s voor AKS-clusters' }, 'https://learn.microsoft.com/azure/aks/limit-egress-traffic#required-outbound-network-rules-and-fqdns-for-aks-clusters'),
      sectionDocs(VNET),
    ],
  }),
  cause({
    id: 'network.bastion-endpoint-unsupported', section: VNET, layer: LAYER.clientPath + 1,
    title: { en: 'An Azure Bastion endpoint is not supported for the registry', nl: 'Een Azure Bastion-eindpunt wordt niet ondersteund voor het register' },
    explanation: {
      en: 'Reach the registry from the virtual network through a private endpoint (Private Link) or a service endpoint. Currently an Azure Bastion endpoint is not supported: a private endpoint placed in the AzureBastionSubnet ({privateEndpoint}), or a tunnel through Azure Bastion from this machine (the login server then resolves to this machine\'s own loopback address), does not carry registry traffic. Create the private endpoint in an ordinary subnet of the virtual network and point the private DNS zone at it; reach it from a VM in the network, over VPN or ExpressRoute.',
      nl: 'Bereik het register vanuit het virtuele netwerk via een privé-eindpunt (Private Link) of een service-eindpunt. Momenteel wordt Azure Bastion eindpunt niet ondersteund: een privé-eindpunt in het AzureBastionSubnet ({privateEndpoint}), of een tunnel via Azure Bastion vanaf deze computer (de aanmeldingsserver wordt dan omgezet naar het eigen loopback-adres van deze computer), draagt geen verkeer naar het register. Maak het privé-eindpunt in een gewoon subnet van het virtuele netwerk en laat de privé-DNS-zone ernaar verwijzen; bereik het vanaf een VM in het netwerk, via VPN of ExpressRoute.',
    },
    symptoms: ['azure bastion', 'azurebastionsubnet', 'bastion tunnel', 'bastion-eindpunt', 'bastion eindpunt'],
    fixes: [
      copy({ en: 'Create a private endpoint in another subnet', nl: 'Een privé-eindpunt in een ander subnet maken' },
        'az network private-endpoint create --resource-group {peResourceGroup} --name {registry}-pe --vnet-name {vnet} --subnet <subnet-for-private-endpoints> --private-connection-resource-id {registryId} --group-id registry --connection-name {registry}-pe-connection',
        ['peResourceGroup', 'vnet', 'registryId']),
      copy({ en: 'Then delete the private endpoint in the Bastion subnet', nl: 'Verwijder daarna het privé-eindpunt in het Bastion-subnet' },
        'az network private-endpoint delete --resource-group {peResourceGroup} --name {privateEndpoint}', ['peResourceGroup', 'privateEndpoint']),
      copy({ en: 'Or work on a VM in the network: sign in to it through Bastion and run docker there', nl: 'Of werk op een VM in het netwerk: meld u er via Bastion bij aan en voer docker daar uit' },
        'az network bastion ssh --name {bastion} --resource-group {bastionResourceGroup} --target-resource-id <vm-resource-id> --auth-type AAD', ['bastion', 'bastionResourceGroup']),
      copy({ en: 'Find what points the login server at this machine', nl: 'Zoek wat de aanmeldingsserver naar deze computer laat wijzen' }, 'grep -n {loginServer} /etc/hosts', ['bastion']),
      docs({ en: 'Private Link for a registry', nl: 'Private Link voor een register' }, 'container-registry-private-link'),
      sectionDocs(VNET),
    ],
  }),
  cause({
    id: 'network.trusted-services-bypass-off', section: SVC, layer: LAYER.registryNetwork + 6,
    title: { en: 'Trusted Azure services cannot reach the network-restricted registry', nl: 'Vertrouwde Azure-services kunnen het register met netwerkbeperkingen niet bereiken' },
    explanation: {
      en: 'The registry restricts network access (private endpoints, selected subnets or IP addresses) and does not allow trusted services (networkRuleBypassOptions = None). Microsoft Defender scanning, ACR Tasks and some other Azure services then cannot reach it; App Service and Container Instances cannot use a network-restricted registry at all.',
      nl: 'Het register beperkt de netwerktoegang (privé-eindpunten, geselecteerde subnetten of IP-adressen) en staat vertrouwde services niet toe (networkRuleBypassOptions = None). Microsoft Defender-scans, ACR-taken en sommige andere Azure-services kunnen het dan niet bereiken; Azure App Service en Azure Container Instances hebben geen toegang tot een containerregister met netwerkbeperkingen.',
    },
    // The seed's symptoms: ACR Tasks cannot push or pull; (Defender for Cloud, formerly) Azure
    // Security Center cannot scan the registry's images or shows no scan results.
    symptoms: [
      'acr tasks is unable to push or pull', 'acr tasks cannot push or pull', "acr tasks can't push or pull", 'acr-taken kan geen push- of pull',
      "security center can't scan", 'security center cannot scan', 'security center is unable to scan', "scan results don't appear", 'scan results do not appear',
      'kunt geen afbeeldingen in het register scannen', 'kan geen scan', 'scanresultaten worden niet weergegeven',
    ],
    fixes: [
      azure({ en: 'Allow trusted Azure services', nl: 'Vertrouwde Azure-services toestaan' }, 'registry.allowTrustedServices', 'az acr update --name {registry} --allow-trusted-services true'),
      sectionDocs(SVC),
    ],
  }),
  cause({
    // The check-health error reference has a CMK_ERROR section (#cmk_error): the cause's own page.
    id: 'registry.cmk-identity-broken', seed: 'check-health', section: 'cmk_error', layer: LAYER.registryEndpoints + 8, checkHealthCode: 'CMK_ERROR',
    sectionTitle: { en: 'Health check error reference: CMK_ERROR', nl: 'Foutverwijzing van de statuscontrole: CMK_ERROR' },
    docs: { page: HEALTH_PAGE, anchor: 'cmk_error' },
    title: { en: 'The registry cannot access the identity of its customer-managed key', nl: 'Het register heeft geen toegang tot de identiteit van de door de klant beheerde sleutel' },
    explanation: {
      en: 'The registry is encrypted with a customer-managed key, and it cannot access the user-assigned or system-assigned managed identity used to configure that encryption (the identity may have been deleted or removed from the registry), or that identity has lost access to the key (access policy or role removed, key vault firewall). The registry then fails requests; rotate the key with another managed identity.',
      nl: 'Het register is versleuteld met een door de klant beheerde sleutel, en het heeft geen toegang tot de door de gebruiker of het systeem toegewezen beheerde identiteit waarmee die versleuteling is ingesteld (de identiteit is mogelijk verwijderd of van het register gehaald), of die identiteit heeft geen toegang meer tot de sleutel (toegangsbeleid of rol verwijderd, firewall van de sleutelkluis). Het register laat aanvragen dan mislukken; roteer de sleutel met een andere beheerde identiteit.',
    },
    symptoms: ['cmk_error'],
    fixes: [
      copy({ en: 'Show the registry\'s encryption settings', nl: 'Toon de versleutelingsinstellingen van het register' }, 'az acr encryption show --name {registry}'),
      healthDocs('CMK_ERROR'),
      docs({ en: 'Check a registry\'s health', nl: 'De status van een register controleren' }, 'container-registry-check-health'),
    ],
  }),
];
