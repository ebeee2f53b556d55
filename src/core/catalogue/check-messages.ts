// Dutch for the checks' messages. Checks speak English (one sentence about what was seen, see
// CheckOutcome.message); the front ends localise it here, so the checks stay as they are:
//   localizeCheckMessage('connected to 192.0.2.20:443 in 3 ms', 'nl') → 'verbonden met 192.0.2.20:443 in 3 ms'
// Each entry is an English template with {placeholders} and its Dutch wording (close to the seeds'
// words: aanmeldingsserver, gegevenseindpunt, referentie, privé-eindpunt). A placeholder written
// {@name} holds a sentence of its own (a reason) and is localised too. A message no entry matches
// stays English; quoted error text (docker's, Entra's, the registry's) is never translated.
import type { Locale } from './index';
import { TARGET_MESSAGES } from './target-messages';

type Entry = { en: string; nl: string };

const ENTRIES: readonly Entry[] = [
  // The engine (src/core/engine/runner.ts).
  { en: 'not run: its prerequisites depend on each other (a cycle)', nl: 'niet uitgevoerd: de voorwaarden hangen van elkaar af (een kringloop)' },
  { en: 'cancelled', nl: 'geannuleerd' },
  { en: "stopped: the run's {ms} ms budget ran out", nl: 'gestopt: de tijd van {ms} ms voor de diagnose was op' },
  { en: 'no result within its {ms} ms deadline', nl: 'geen resultaat binnen de termijn van {ms} ms' },
  { en: 'stopped before it finished ({msg})', nl: 'gestopt voordat de controle klaar was ({msg})' },
  { en: 'the check could not complete: {msg}', nl: 'de controle kon niet worden voltooid: {msg}' },
  { en: "not run: the run's {ms} ms budget ran out", nl: 'niet uitgevoerd: de tijd van {ms} ms voor de diagnose was op' },
  { en: 'not run: {check} did not pass', nl: 'niet uitgevoerd: {check} is niet geslaagd' },

  // Network: client path (DNS, TCP, TLS, proxy).
  { en: '{proxy} tunnels to {login}:443 (CONNECT {status})', nl: '{proxy} maakt een tunnel naar {login}:443 (CONNECT {status})' },
  { en: '{login} does not resolve here ({kind}); the proxy resolves it for the client', nl: '{login} wordt hier niet omgezet ({kind}); de proxy zet de naam om voor de client' },
  { en: 'DNS gave no answer for {login} in time', nl: 'DNS gaf niet op tijd antwoord voor {login}' },
  { en: 'no local address to connect to (the proxy resolves the name)', nl: 'geen lokaal adres om mee te verbinden (de proxy zet de naam om)' },
  { en: 'connected to {address} in {ms} ms (direct, without the proxy)', nl: 'verbonden met {address} in {ms} ms (rechtstreeks, zonder de proxy)' },
  { en: 'connected to {address} in {ms} ms', nl: 'verbonden met {address} in {ms} ms' },
  { en: 'the direct path to {address} is closed ({kind}); the client uses its proxy', nl: 'de rechtstreekse weg naar {address} is dicht ({kind}); de client gebruikt zijn proxy' },
  { en: 'certificate for {login} issued by {issuer}, trusted', nl: 'certificaat voor {login} uitgegeven door {issuer}, vertrouwd' },
  { en: '{login} → {addresses} (resolve override)', nl: '{login} → {addresses} (vast ingesteld adres)' },

  // Network: the challenge and the registry's firewall.
  { en: 'GET {url} answered 401 without a Bearer realm/service challenge ({header})', nl: 'GET {url} antwoordde 401 zonder Bearer-challenge met realm/service ({header})' },
  { en: 'the challenge sends credentials to {realm}: {reason}; ACR Doctor will not send credentials there', nl: 'de challenge stuurt referenties naar {realm}: {reason}; ACR Doctor stuurt daar geen referenties heen' },
  { en: 'the challenge names service "{service}", not {login}', nl: 'de challenge noemt service "{service}", niet {login}' },
  { en: '401 with Bearer realm {realm} (service {service}) in {ms} ms', nl: '401 met Bearer-realm {realm} (service {service}) in {ms} ms' },
  { en: '429 Too Many Requests (toomanyrequests); retry after {s} s', nl: '429 Too Many Requests (toomanyrequests); opnieuw proberen na {s} s' },
  { en: "GET {url} answered {status}, not a registry's 401 challenge: something else answers for {login}", nl: 'GET {url} antwoordde {status}, niet de 401-challenge van een register: iets anders antwoordt voor {login}' },
  { en: 'the registry answered without a firewall refusal', nl: 'het register antwoordde zonder weigering door de firewall' },
  { en: 'the registry was not reached, so its firewall could not be tested', nl: 'het register werd niet bereikt, dus de firewall kon niet worden getest' },
  { en: 'GET /v2/ answered 403 Forbidden for client IP {ip}: {@why}', nl: 'GET /v2/ antwoordde 403 Forbidden voor client-IP {ip}: {@why}' },
  { en: 'GET /v2/ answered 403 Forbidden: {@why}', nl: 'GET /v2/ antwoordde 403 Forbidden: {@why}' },
  { en: "the registry's firewall refused this client", nl: 'de firewall van het register weigerde deze client' },
  { en: 'the registry has a private endpoint ({ips}) but this client came over the public address', nl: 'het register heeft een privé-eindpunt ({ips}), maar deze client kwam via het openbare adres' },
  { en: 'the registry has an approved private endpoint and no public access, but {login} resolves to {addresses} that reaches the public endpoint', nl: 'het register heeft een goedgekeurd privé-eindpunt en geen openbare toegang, maar {login} wordt omgezet naar {addresses}, dat het openbare eindpunt bereikt' },
  { en: 'virtual network rules exist but Microsoft.ContainerRegistry is {state}', nl: 'er zijn regels voor virtuele netwerken, maar Microsoft.ContainerRegistry is {state}' },
  { en: 'default action Deny, no IP rules, and subnet {subnet} has a service endpoint without a network rule', nl: 'standaardactie Deny, geen IP-regels, en subnet {subnet} heeft een service-eindpunt zonder netwerkregel' },
  { en: 'default action Deny with no IP rule and no virtual network rule: no network may reach the registry, not even a subnet with a service endpoint', nl: 'standaardactie Deny zonder IP-regel en zonder regel voor een virtueel netwerk: geen enkel netwerk mag het register bereiken, ook geen subnet met een service-eindpunt' },
  { en: 'default action Deny; IP rules {rules} include {ip} (rule {rule})', nl: 'standaardactie Deny; de IP-regels {rules} bevatten {ip} (regel {rule})' },
  { en: 'default action Deny; IP rules {rules} do not include {ip}', nl: 'standaardactie Deny; de IP-regels {rules} bevatten {ip} niet' },

  // Network: the registry's settings in Azure.
  { en: '{login} is not among the registries this Azure sign-in can see', nl: '{login} hoort niet bij de registers die deze Azure-aanmelding kan zien' },
  { en: '{name} ({sku}, {location}) in {group}; not readable: {gaps}', nl: '{name} ({sku}, {location}) in {group}; niet leesbaar: {gaps}' },
  { en: '{name} ({sku}, {location}) in {group}', nl: '{name} ({sku}, {location}) in {group}' },
  { en: "the registry's ARM view is not available", nl: 'de ARM-gegevens van het register zijn niet beschikbaar' },
  { en: 'publicNetworkAccess is Disabled, and this client reaches the registry over its private endpoint', nl: 'publicNetworkAccess is Disabled, en deze client bereikt het register via zijn privé-eindpunt' },
  { en: 'publicNetworkAccess is Disabled; whether this client uses the private endpoint cannot be told (its IPs are not readable and the registry did not answer)', nl: 'publicNetworkAccess is Disabled; of deze client het privé-eindpunt gebruikt, is niet te zeggen (de IP-adressen zijn niet leesbaar en het register antwoordde niet)' },
  { en: 'publicNetworkAccess is Disabled and {login} resolves to {addresses}, not to a private endpoint of the registry', nl: 'publicNetworkAccess is Disabled en {login} wordt omgezet naar {addresses}, niet naar een privé-eindpunt van het register' },
  { en: 'publicNetworkAccess is {value}', nl: 'publicNetworkAccess is {value}' },
  { en: 'default action {action}: every network may reach the public endpoint', nl: 'standaardactie {action}: elk netwerk mag het openbare eindpunt bereiken' },
  { en: 'network rules are set but a {sku} registry does not apply them', nl: 'er zijn netwerkregels ingesteld, maar een {sku}-register past ze niet toe' },
  { en: 'the refusal is explained elsewhere: {@why}', nl: 'de weigering wordt elders verklaard: {@why}' },
  { en: 'default action Deny; IP rules {rules} — none matches the client IP {ip}', nl: 'standaardactie Deny; IP-regels {rules} — geen ervan past bij het client-IP {ip}' },
  { en: 'default action Deny; no IP rules — none matches the client IP {ip}', nl: 'standaardactie Deny; geen IP-regels — geen ervan past bij het client-IP {ip}' },
  { en: 'default action Deny; no IP rules', nl: 'standaardactie Deny; geen IP-regels' },
  { en: 'default action Deny; the registry lets this client in (rule {rule})', nl: 'standaardactie Deny; het register laat deze client toe (regel {rule})' },
  { en: 'default action Deny; the registry lets this client in', nl: 'standaardactie Deny; het register laat deze client toe' },
  { en: 'default action Deny; IP rules {rules}', nl: 'standaardactie Deny; IP-regels {rules}' },
  { en: 'the registry has no private endpoints', nl: 'het register heeft geen privé-eindpunten' },
  { en: '{login} resolves to {addresses}, private endpoint connection {connection}, which is {status}: host is not reachable until it is approved', nl: '{login} wordt omgezet naar {addresses}, privé-eindpuntverbinding {connection}, die {status} is: de host is pas bereikbaar als die is goedgekeurd' },
  { en: 'private endpoint connection {connection} is {status} and {login} ({addresses}) is not reachable: host is not reachable until it is approved', nl: 'privé-eindpuntverbinding {connection} is {status} en {login} ({addresses}) is niet bereikbaar: de host is pas bereikbaar als die is goedgekeurd' },
  { en: '{login} resolves to {addresses}, which reaches the public endpoint (refused), although the registry has an approved private endpoint', nl: '{login} wordt omgezet naar {addresses}, dat het openbare eindpunt bereikt (geweigerd), hoewel het register een goedgekeurd privé-eindpunt heeft' },
  { en: "{login} resolves to {addresses}, not to the private endpoint's {ips}", nl: '{login} wordt omgezet naar {addresses}, niet naar {ips} van het privé-eindpunt' },
  { en: 'private endpoint connection {connection} is {status}', nl: 'privé-eindpuntverbinding {connection} is {status}' },
  { en: "DNS gives the private endpoint's address {address}", nl: 'DNS geeft het adres van het privé-eindpunt, {address}' },
  { en: 'private endpoints are approved', nl: 'privé-eindpunten zijn goedgekeurd' },
  { en: 'the registry has virtual network rules, but Microsoft.ContainerRegistry is {state} in subscription {subscription}', nl: 'het register heeft regels voor virtuele netwerken, maar Microsoft.ContainerRegistry is {state} in abonnement {subscription}' },
  { en: 'default action Allow: no subnet rule needed', nl: 'standaardactie Allow: geen subnetregel nodig' },
  { en: 'subnet {subnet} has a Microsoft.ContainerRegistry service endpoint but the registry (default action Deny) has no network rule for it', nl: 'subnet {subnet} heeft een service-eindpunt voor Microsoft.ContainerRegistry, maar het register (standaardactie Deny) heeft er geen netwerkregel voor' },
  { en: "{@why}; add a network rule for the subnet with the service endpoint (or for this client's IP)", nl: '{@why}; voeg een netwerkregel toe voor het subnet met het service-eindpunt (of voor het IP-adres van deze client)' },
  { en: 'every subnet with a Microsoft.ContainerRegistry service endpoint has a rule', nl: 'elk subnet met een service-eindpunt voor Microsoft.ContainerRegistry heeft een regel' },
  { en: 'subnet {subnet} has a service endpoint for the registry but no network rule', nl: 'subnet {subnet} heeft een service-eindpunt voor het register, maar geen netwerkregel' },
  { en: '{n} subnet(s) with a service endpoint have no rule; this client is not refused because of it', nl: '{n} subnet(ten) met een service-eindpunt hebben geen regel; deze client wordt daardoor niet geweigerd' },
  { en: 'the registry restricts network access and does not allow trusted services (networkRuleBypassOptions None): Defender scanning, ACR Tasks and other Azure services are refused', nl: 'het register beperkt de netwerktoegang en laat geen vertrouwde services toe (networkRuleBypassOptions None): scans van Defender, ACR Tasks en andere Azure-services worden geweigerd' },
  { en: 'trusted Azure services may bypass the network rules', nl: 'vertrouwde Azure-services mogen de netwerkregels omzeilen' },
  { en: 'the registry is not network-restricted', nl: 'de netwerktoegang tot het register is niet beperkt' },
  { en: 'Premium: IP rules, virtual network rules and private endpoints are available', nl: 'Premium: IP-regels, regels voor virtuele netwerken en privé-eindpunten zijn beschikbaar' },
  { en: '{sku} registry without network rules or private endpoints (those would need Premium)', nl: '{sku}-register zonder netwerkregels of privé-eindpunten (die zouden Premium vereisen)' },
  { en: '{sku} registry: firewall rules, virtual network rules and private endpoints need Premium (the configured rules are not applied)', nl: '{sku}-register: firewallregels, regels voor virtuele netwerken en privé-eindpunten vereisen Premium (de ingestelde regels worden niet toegepast)' },
  { en: '{sku} registry: firewall rules, virtual network rules and private endpoints need Premium', nl: '{sku}-register: firewallregels, regels voor virtuele netwerken en privé-eindpunten vereisen Premium' },
  { en: 'encrypted with Microsoft-managed keys', nl: 'versleuteld met door Microsoft beheerde sleutels' },
  { en: 'the key-reading identity is assigned to the registry', nl: 'de identiteit die de sleutel leest, is aan het register toegewezen' },
  { en: 'customer-managed key encryption uses identity {identity}, which is not assigned to the registry (identity type {type})', nl: 'versleuteling met een door de klant beheerde sleutel gebruikt identiteit {identity}, die niet aan het register is toegewezen (identiteitstype {type})' },

  // Network: NSGs, routes, Azure Firewall and Azure Bastion (vnet-egress.ts). The specific forms first.
  { en: "{login} did not resolve here, so this machine's way to it through a virtual network cannot be told", nl: '{login} wordt hier niet omgezet, dus de weg van deze computer ernaartoe via een virtueel netwerk is niet te bepalen' },
  { en: 'this machine has no route to {address}', nl: 'deze computer heeft geen route naar {address}' },
  { en: "this machine ({ip}) is in none of the {n} subnet(s) this sign-in can read in the registry's subscription", nl: 'deze computer ({ip}) zit in geen van de {n} subnet(ten) die deze aanmelding in het abonnement van het register kan lezen' },
  { en: "this machine's address {ip} lies in the range of subnet {subnet}, but no network interface there has it: this machine is not in that network", nl: 'het adres {ip} van deze computer valt in het bereik van subnet {subnet}, maar geen netwerkinterface daar heeft het: deze computer zit niet in dat netwerk' },
  { en: 'this machine ({ip}, subnet {subnet}): {@why}, but this machine reached them: the rule does not apply to its traffic', nl: 'deze computer ({ip}, subnet {subnet}): {@why}, maar deze computer bereikte ze: de regel geldt niet voor het verkeer ervan' },
  { en: 'this machine ({ip}, subnet {subnet}): nothing on the way blocks TCP 443 to the registry ({seen})', nl: 'deze computer ({ip}, subnet {subnet}): niets onderweg blokkeert TCP 443 naar het register ({seen})' },
  { en: 'this machine ({ip}, subnet {subnet}): {@why}', nl: 'deze computer ({ip}, subnet {subnet}): {@why}' },
  { en: 'outbound rule {rule} (priority {priority}, Deny) of NSG {nsg} on subnet {subnet} denies TCP 443 to {hosts} (private endpoint {ips})', nl: 'uitgaande regel {rule} (prioriteit {priority}, Deny) van NSG {nsg} op subnet {subnet} weigert TCP 443 naar {hosts} (privé-eindpunt {ips})' },
  { en: 'outbound rule {rule} (priority {priority}, Deny) of NSG {nsg} on subnet {subnet} denies TCP 443 to {hosts} (service tag {tag})', nl: 'uitgaande regel {rule} (prioriteit {priority}, Deny) van NSG {nsg} op subnet {subnet} weigert TCP 443 naar {hosts} (servicetag {tag})' },
  { en: "inbound rule {rule} (priority {priority}, Deny) of NSG {nsg} on the private endpoint's subnet {subnet} denies TCP 443 from {source} to {hosts}", nl: 'inkomende regel {rule} (prioriteit {priority}, Deny) van NSG {nsg} op het subnet {subnet} van het privé-eindpunt weigert TCP 443 van {source} naar {hosts}' },
  { en: 'route {route} ({prefix}, next hop None) of route table {table} on subnet {subnet} drops the traffic to {hosts}', nl: 'route {route} ({prefix}, volgende hop None) van routetabel {table} op subnet {subnet} laat het verkeer naar {hosts} vallen' },
  { en: 'route {route} ({prefix}) of route table {table} on subnet {subnet} sends the traffic to Azure Firewall {firewall} ({ip}), which denies {hosts} ({kind} rule {rule}, collection {collection})', nl: 'route {route} ({prefix}) van routetabel {table} op subnet {subnet} stuurt het verkeer naar Azure Firewall {firewall} ({ip}), die {hosts} weigert ({kind}-regel {rule}, verzameling {collection})' },
  { en: 'route {route} ({prefix}) of route table {table} on subnet {subnet} sends the traffic to Azure Firewall {firewall} ({ip}), which has no rule allowing {hosts} (default deny)', nl: 'route {route} ({prefix}) van routetabel {table} op subnet {subnet} stuurt het verkeer naar Azure Firewall {firewall} ({ip}), die geen regel heeft die {hosts} toestaat (standaard geweigerd)' },
  { en: 'route {route} of route table {table} sends the traffic to the virtual appliance {ip}, whose rules cannot be read here, and the registry is not reachable', nl: 'route {route} van routetabel {table} stuurt het verkeer naar het virtuele apparaat {ip}, waarvan de regels hier niet te lezen zijn, en het register is niet bereikbaar' },
  { en: 'AKS cluster {cluster} (node subnet {subnet}): {@why}; its nodes cannot pull from {registry}', nl: 'AKS-cluster {cluster} (nodesubnet {subnet}): {@why}; de nodes kunnen niet uit {registry} pullen' },
  { en: 'no AKS cluster the account sees has its nodes in a virtual network of its own', nl: 'geen AKS-cluster dat het account ziet, heeft zijn nodes in een eigen virtueel netwerk' },
  { en: 'the account sees no AKS clusters', nl: 'het account ziet geen AKS-clusters' },
  { en: 'the node subnets of {clusters} may reach the registry', nl: 'de nodesubnetten van {clusters} mogen het register bereiken' },
  { en: 'no private endpoint of the registry sits in an AzureBastionSubnet', nl: 'geen privé-eindpunt van het register staat in een AzureBastionSubnet' },
  { en: '{login} resolves to {addresses}, private endpoint {pe} in the AzureBastionSubnet, which is not reachable: an Azure Bastion endpoint is not supported for the registry', nl: '{login} wordt omgezet naar {addresses}, privé-eindpunt {pe} in het AzureBastionSubnet, dat niet bereikbaar is: Azure Bastion eindpunt wordt niet ondersteund voor het register' },
  { en: '{@what}, although the registry answered through it', nl: '{@what}, hoewel het register erdoorheen antwoordde' },
  { en: "{login} resolves to {addresses} on this machine; no Azure Bastion host is in the network of the registry's private endpoint", nl: '{login} wordt op deze computer omgezet naar {addresses}; er staat geen Azure Bastion-host in het netwerk van het privé-eindpunt van het register' },
  { en: "{login} resolves to {addresses} (a tunnel on this machine) and the network {vnet} of the registry's private endpoint has Azure Bastion {bastion} (native client tunnelling on): an Azure Bastion endpoint is not supported for the registry", nl: '{login} wordt omgezet naar {addresses} (een tunnel op deze computer) en het netwerk {vnet} van het privé-eindpunt van het register heeft Azure Bastion {bastion} (native-clienttunnels aan): Azure Bastion eindpunt wordt niet ondersteund voor het register' },
  { en: "{login} resolves to {addresses} (a tunnel on this machine) and the network {vnet} of the registry's private endpoint has Azure Bastion {bastion}: an Azure Bastion endpoint is not supported for the registry", nl: '{login} wordt omgezet naar {addresses} (een tunnel op deze computer) en het netwerk {vnet} van het privé-eindpunt van het register heeft Azure Bastion {bastion}: Azure Bastion eindpunt wordt niet ondersteund voor het register' },
  { en: 'private endpoint {pe} of the registry sits in the AzureBastionSubnet: an Azure Bastion endpoint is not supported for the registry', nl: 'privé-eindpunt {pe} van het register staat in het AzureBastionSubnet: Azure Bastion eindpunt wordt niet ondersteund voor het register' },

  // Network: Docker daemon proxy, data endpoints, blob redirect.
  { en: 'the Docker daemon could not be asked for its proxy ({why}); the Docker checks say why', nl: 'de Docker-daemon kon niet naar zijn proxy worden gevraagd ({why}); de Docker-controles zeggen waarom' },
  { en: 'the shell uses {proxy} but the Docker daemon has no proxy, and {login} is not reachable without it: docker login/pull will time out', nl: 'de shell gebruikt {proxy}, maar de Docker-daemon heeft geen proxy, en {login} is zonder proxy niet bereikbaar: docker login/pull loopt in een time-out' },
  { en: 'the shell uses {proxy} but the Docker daemon has no proxy (direct access works from here as far as known)', nl: 'de shell gebruikt {proxy}, maar de Docker-daemon heeft geen proxy (rechtstreekse toegang werkt vanaf hier, voor zover bekend)' },
  { en: 'the shell uses {proxy} but the Docker daemon has no proxy (direct access works from here)', nl: 'de shell gebruikt {proxy}, maar de Docker-daemon heeft geen proxy (rechtstreekse toegang werkt vanaf hier)' },
  { en: "the Docker daemon's proxy {proxy} does not reach {login}: {error}", nl: 'de proxy {proxy} van de Docker-daemon bereikt {login} niet: {error}' },
  { en: 'the Docker daemon uses {daemon}, the shell {shell}; both work now, but they differ', nl: 'de Docker-daemon gebruikt {daemon}, de shell {shell}; beide werken nu, maar ze verschillen' },
  { en: 'the Docker daemon uses {proxy}, which reaches {login}', nl: 'de Docker-daemon gebruikt {proxy}, die {login} bereikt' },
  { en: 'the daemon and the shell both use {proxy}', nl: 'de daemon en de shell gebruiken allebei {proxy}' },
  { en: 'neither the shell nor the daemon uses a proxy for the registry', nl: 'de shell noch de daemon gebruikt een proxy voor het register' },
  { en: '{host} resolves to {address}, not to the private endpoint, while the login server uses the private endpoint', nl: '{host} wordt omgezet naar {address}, niet naar het privé-eindpunt, terwijl de aanmeldingsserver het privé-eindpunt gebruikt' },
  { en: '{host} answered {status} in {ms} ms', nl: '{host} antwoordde {status} in {ms} ms' },
  { en: '{host} ({address}) is behind private endpoint connection {connection}, which is {status}', nl: '{host} ({address}) ligt achter privé-eindpuntverbinding {connection}, die {status} is' },
  { en: 'dial tcp: lookup {host}: no such host — the login server resolves (private endpoint), the data endpoint has no DNS record', nl: 'dial tcp: lookup {host}: no such host — de aanmeldingsserver wordt omgezet (privé-eindpunt), het gegevenseindpunt heeft geen DNS-record' },
  { en: 'the proxy does not reach {host}: {error}', nl: 'de proxy bereikt {host} niet: {error}' },
  { en: 'dial tcp {address}:443: {what} — {host} is blocked while the login server is reachable', nl: 'dial tcp {address}:443: {what} — {host} is geblokkeerd terwijl de aanmeldingsserver bereikbaar is' },
  { en: 'no repository to test a blob download with (give --repository, or sign in / docker login so one can be listed)', nl: 'geen opslagplaats om een blobdownload mee te testen (geef --repository op, of meld u aan / docker login zodat er een kan worden opgevraagd)' },
  { en: 'no credential can pull {repository}; the blob redirect was not tested (the login checks say why)', nl: 'geen enkele referentie kan {repository} pullen; de blobdoorverwijzing is niet getest (de aanmeldingscontroles zeggen waarom)' },
  { en: '{repository} has no tag or manifest to test a blob download with', nl: '{repository} heeft geen tag of manifest om een blobdownload mee te testen' },
  { en: 'the login server serves blobs itself (no redirect)', nl: 'de aanmeldingsserver levert blobs zelf (geen doorverwijzing)' },
  { en: 'GET blob answered {status} without a redirect', nl: 'GET blob antwoordde {status} zonder doorverwijzing' },
  { en: 'blob GET → 307 {host}, which answered', nl: 'blob GET → 307 {host}, dat antwoordde' },
  // Go's own error text, as docker prints it: kept, so it can be searched for.
  { en: 'dial tcp: lookup {host}: no such host', nl: 'dial tcp: lookup {host}: no such host' },
  { en: 'blob GET → 307 {host}: {@reason}', nl: 'blob GET → 307 {host}: {@reason}' },
  { en: 'dedicated data endpoints are off: layers come from Azure blob storage (tested by the blob redirect check)', nl: 'toegewezen gegevenseindpunten staan uit: lagen komen uit Azure Blob Storage (getest door de controle van de blobdoorverwijzing)' },
  { en: '{n} data endpoint(s) reachable: {hosts}', nl: '{n} gegevenseindpunt(en) bereikbaar: {hosts}' },

  // Login: Docker.
  { en: 'The docker command is not on PATH: docker login, push and pull cannot run here.', nl: 'De opdracht docker staat niet in PATH: docker login, push en pull kunnen hier niet worden uitgevoerd.' },
  { en: 'docker found at {path}.', nl: 'docker gevonden in {path}.' },
  { en: '{bin} is not on PATH, but the Docker config names "{helper}" as credential helper; docker login and pull will fail with "executable file not found"', nl: '{bin} staat niet in PATH, maar de Docker-configuratie noemt "{helper}" als credential helper; docker login en pull mislukken met "executable file not found"' },
  { en: 'No Docker config yet ({file}); docker login will create it.', nl: 'Nog geen Docker-configuratie ({file}); docker login maakt die aan.' },
  { en: 'The stored login for {login} in {file} is broken: {problem}.', nl: 'De opgeslagen aanmelding voor {login} in {file} is beschadigd: {problem}.' },
  { en: '{file} is valid; it holds no credential for {login} yet (no docker login). Ignored: {ignored}', nl: '{file} is geldig; het bevat nog geen referentie voor {login} (geen docker login). Genegeerd: {ignored}' },
  { en: '{file} is valid; it holds no credential for {login} yet (no docker login).', nl: '{file} is geldig; het bevat nog geen referentie voor {login} (geen docker login).' },
  { en: '{file} is valid; a credential for {login} is looked up in the config file. Ignored: {ignored}', nl: '{file} is geldig; een referentie voor {login} wordt in het configuratiebestand gezocht. Genegeerd: {ignored}' },
  { en: '{file} is valid; a credential for {login} is looked up in the config file.', nl: '{file} is geldig; een referentie voor {login} wordt in het configuratiebestand gezocht.' },
  { en: '{file} is valid; a credential for {login} is looked up in credential helper "{helper}" ({via}). Ignored: {ignored}', nl: '{file} is geldig; een referentie voor {login} wordt opgevraagd bij credential helper "{helper}" ({via}). Genegeerd: {ignored}' },
  { en: '{file} is valid; a credential for {login} is looked up in credential helper "{helper}" ({via}).', nl: '{file} is geldig; een referentie voor {login} wordt opgevraagd bij credential helper "{helper}" ({via}).' },
  { en: 'The Docker daemon answers at {host} ({source} "{context}").', nl: 'De Docker-daemon antwoordt op {host} ({source} "{context}").' },
  { en: 'The Docker daemon answers at {host} ({source}).', nl: 'De Docker-daemon antwoordt op {host} ({source}).' },
  { en: 'The Docker daemon is version {version} (API {api}); Azure Container Registry needs {min} or later (API {minApi}).', nl: 'De Docker-daemon heeft versie {version} (API {api}); Azure Container Registry vereist {min} of hoger (API {minApi}).' },
  { en: 'Docker {version} (API {api}).', nl: 'Docker {version} (API {api}).' },
  { en: 'The daemon pulled {image} ({n} layers).', nl: 'De daemon heeft {image} gepulld ({n} lagen).' },
  { en: 'docker pull {image} failed: {error}', nl: 'docker pull {image} is mislukt: {error}' },
  // podman's files (src/core/podman): their problems are sentences carried as prose.
  { en: '{file} is not valid JSON ({reason}); podman fails with "unmarshaling JSON". Fix or remove the file, then run podman login again.', nl: '{file} is geen geldige JSON ({reason}); podman mislukt met "unmarshaling JSON". Herstel of verwijder het bestand en voer daarna opnieuw podman login uit.' },
  { en: '{file} is not valid TOML ({reason}); podman fails with "loading registries configuration". Fix the line or move the file aside.', nl: '{file} is geen geldige TOML ({reason}); podman mislukt met "loading registries configuration". Herstel de regel of zet het bestand opzij.' },

  // Login: the name and the registry in Azure.
  { en: '"{input}" has upper-case letters; docker needs the login server in lower case: {login}.', nl: '"{input}" bevat hoofdletters; docker heeft de aanmeldingsserver in kleine letters nodig: {login}.' },
  { en: '"{input}" names the registry without its domain suffix: docker reads {host}/… as a Docker Hub repository, not the registry; the image reference needs the full login server {login}.', nl: '"{input}" noemt het register zonder domeinachtervoegsel: docker leest {host}/… als een opslagplaats op Docker Hub, niet als het register; de verwijzing naar de image heeft de volledige aanmeldingsserver {login} nodig.' },
  { en: '"{input}" is the registry\'s resource name (as az acr login --name and az acr check-health --name take it); diagnosing its login server {login}. docker login, push and pull need that full lower-case name: docker login {login2}.', nl: '"{input}" is de resourcenaam van het register (zoals az acr login --name en az acr check-health --name die verwachten); de diagnose gebruikt de aanmeldingsserver {login}. docker login, push en pull hebben die volledige naam in kleine letters nodig: docker login {login2}.' },
  { en: '"{input}" is not a login server: docker login takes the bare host name {login} (no https://, path or port).', nl: '"{input}" is geen aanmeldingsserver: docker login verwacht alleen de hostnaam {login} (geen https://, pad of poort).' },
  { en: 'Registry {name} lives in the cloud with suffix .{suffix}: its login server is {ls}, not {login}.', nl: 'Register {name} staat in de cloud met achtervoegsel .{suffix}: de aanmeldingsserver is {ls}, niet {login}.' },
  { en: 'Registry resource {name} has the login server {ls}, not {login}: use {ls} with docker and {name} with az acr login --name.', nl: 'Registerresource {name} heeft de aanmeldingsserver {ls}, niet {login}: gebruik {ls} met docker en {name} met az acr login --name.' },
  { en: 'No registry named {name} ({login}) is visible to the signed-in account; did you mean {close}?', nl: 'Er is geen register met de naam {name} ({login}) zichtbaar voor het aangemelde account; bedoelde u {close}?' },
  { en: 'No registry named {name} ({login}) is visible to the signed-in account', nl: 'Er is geen register met de naam {name} ({login}) zichtbaar voor het aangemelde account' },
  { en: '{login} does not resolve, but {other} does: the registry is probably in the cloud with suffix .{suffix}; log in to {other}.', nl: '{login} wordt niet omgezet, maar {other} wel: het register staat waarschijnlijk in de cloud met achtervoegsel .{suffix}; meld u aan bij {other}.' },
  { en: '{login} is a lower-case, fully qualified login server.', nl: '{login} is een volledige aanmeldingsserver in kleine letters.' },
  { en: 'Azure could not be asked about {name}: {gap}.', nl: 'Azure kon niet worden gevraagd naar {name}: {gap}.' },
  { en: '{login} exists (it answers), but the signed-in identity cannot see it in Azure, nor read its own role assignments, so it most likely holds no Reader (or higher) role on the registry: az acr login --name {name} and the portal then fail.', nl: '{login} bestaat (het antwoordt), maar de aangemelde identiteit ziet het niet in Azure en kan ook haar eigen roltoewijzingen niet lezen, dus waarschijnlijk heeft die geen rol Reader (of hoger) op het register: az acr login --name {name} en de portal mislukken dan.' },
  { en: '{login} exists (it answers), but the signed-in identity cannot see it in Azure, and none of its role assignments names the registry, so it most likely holds no Reader (or higher) role on it: az acr login --name {name} and the portal then fail.', nl: '{login} bestaat (het antwoordt), maar de aangemelde identiteit ziet het niet in Azure, en geen van haar roltoewijzingen noemt het register, dus waarschijnlijk heeft die er geen rol Reader (of hoger) op: az acr login --name {name} en de portal mislukken dan.' },
  { en: "The role assignments of {id} (its own and its groups') on {name} and above are {held}: none lets it read the registry through Azure Resource Manager (Reader or higher), so az acr login --name {name2} and the portal fail.", nl: 'De roltoewijzingen van {id} (eigen en via groepen) op {name} en hoger zijn {held}: geen ervan geeft leestoegang tot het register via Azure Resource Manager (Reader of hoger), dus az acr login --name {name2} en de portal mislukken.' },
  { en: '{login} answers and the signed-in identity holds {held}, which lets it read the registry, but Azure did not list {name}; the listing may be incomplete.', nl: '{login} antwoordt en de aangemelde identiteit heeft {held}, waarmee die het register kan lezen, maar Azure toonde {name} niet; de lijst is mogelijk onvolledig.' },
  { en: 'Azure knows {name} ({login}) in resource group {group}.', nl: 'Azure kent {name} ({login}) in resourcegroep {group}.' },

  // Login: stored and explicit credentials, Entra.
  { en: 'docker has no stored credential for {login}.', nl: 'docker heeft geen opgeslagen referentie voor {login}.' },
  { en: '{where} holds no credential for {login}.', nl: '{where} bevat geen referentie voor {login}.' },
  { en: 'The stored entry for {login} holds no secret.', nl: 'De opgeslagen vermelding voor {login} bevat geen geheim.' },
  { en: 'The stored credential could not be tried: {reason}.', nl: 'De opgeslagen referentie kon niet worden geprobeerd: {reason}.' },
  { en: 'The credential docker stored for {login} ({user}) is accepted by the registry.', nl: 'De referentie die docker voor {login} heeft opgeslagen ({user}), wordt door het register geaccepteerd.' },
  { en: '{login} allows anonymous pull, but docker sends the stored credential ({user}) from {where}, which the registry refuses ({reason}); docker logout {login2} lets the anonymous pull through.', nl: '{login} staat anoniem pullen toe, maar docker stuurt de opgeslagen referentie ({user}) uit {where} mee, die het register weigert ({reason}); met docker logout {login2} gaat de anonieme pull door.' },
  { en: 'The token docker stored for {login} expired at {at} ({relative}); ACR tokens live 3 hours. Log in again.', nl: 'Het token dat docker voor {login} heeft opgeslagen, is verlopen op {at} ({relative}); ACR-tokens zijn 3 uur geldig. Meld u opnieuw aan.' },
  { en: 'The token docker stored for {login} is refused by the registry ({reason}). Log in again with az acr login.', nl: 'Het token dat docker voor {login} heeft opgeslagen, wordt door het register geweigerd ({reason}). Meld u opnieuw aan met az acr login.' },
  { en: 'The credential docker stored for {login} (user {user}, in {where}) is refused by the registry ({reason}); docker uses it for every push and pull.', nl: 'De referentie die docker voor {login} heeft opgeslagen (gebruiker {user}, in {where}), wordt door het register geweigerd ({reason}); docker gebruikt die voor elke push en pull.' },
  { en: 'docker has a working stored credential; no anonymous pull needed.', nl: 'docker heeft een werkende opgeslagen referentie; anoniem pullen is niet nodig.' },
  { en: 'No credential at all: name a repository to test an anonymous pull.', nl: 'Helemaal geen referentie: noem een opslagplaats om anoniem pullen te testen.' },
  { en: 'Could not test an anonymous pull: {reason}.', nl: 'Anoniem pullen kon niet worden getest: {reason}.' },
  { en: 'The registry allows anonymous pull of {repo}.', nl: 'Het register staat anoniem pullen van {repo} toe.' },
  { en: 'No credential is available (no docker login, no Azure sign-in) and {login} does not allow anonymous pull: docker says "unauthorized: authentication required". Log in first.', nl: 'Er is geen referentie beschikbaar (geen docker login, geen Azure-aanmelding) en {login} staat anoniem pullen niet toe: docker zegt "unauthorized: authentication required". Meld u eerst aan.' },
  { en: 'Signed in to {login} with the Entra identity: token ({audience} audience) → refresh token → access token for {scope}.', nl: 'Aangemeld bij {login} met de Entra-identiteit: token (doelgroep {audience}) → vernieuwingstoken → toegangstoken voor {scope}.' },
  { en: 'The login could not start: {reason}.', nl: 'De aanmelding kon niet beginnen: {reason}.' },
  { en: 'The login got no answer: {reason}.', nl: 'De aanmelding kreeg geen antwoord: {reason}.' },
  { en: 'The registry throttles logins (429): {reason}.', nl: 'Het register beperkt aanmeldingen (429): {reason}.' },
  { en: "The registry's token service failed ({status}): {reason}.", nl: 'De tokenservice van het register is mislukt ({status}): {reason}.' },
  { en: 'The registry accepts the {kind} {user}.', nl: 'Het register accepteert {kind} {user}.' },
  { en: 'The registry refuses the {kind} {user} ({reason}).', nl: 'Het register weigert {kind} {user} ({reason}).' },
  { en: 'Step 1 of 3 (Entra ID token) failed. {@reason}', nl: 'Stap 1 van 3 (Entra ID-token) is mislukt. {@reason}' },
  { en: 'Microsoft Entra ID refused the sign-in because the secret or token has expired ({code}): {reason}', nl: 'Microsoft Entra ID weigerde de aanmelding omdat het geheim of token is verlopen ({code}): {reason}' },
  { en: "Microsoft Entra ID refused the service principal's credentials ({code}): {reason}", nl: 'Microsoft Entra ID weigerde de referenties van de service-principal ({code}): {reason}' },
  { en: 'The Azure sign-in has expired ({code}); sign in again with az login: {reason}', nl: 'De Azure-aanmelding is verlopen ({code}); meld u opnieuw aan met az login: {reason}' },
  { en: 'The Azure sign-in has expired: {reason}', nl: 'De Azure-aanmelding is verlopen: {reason}' },
  { en: 'No Microsoft Entra ID token could be obtained: {reason}', nl: 'Er kon geen Microsoft Entra ID-token worden verkregen: {reason}' },
  { en: 'Step {n} of 3 ({step}) got no answer: {reason}.', nl: 'Stap {n} van 3 ({step}) kreeg geen antwoord: {reason}.' },
  { en: 'The registry throttles the {step} request (429): {reason}.', nl: 'Het register beperkt de aanvraag {step} (429): {reason}.' },

  // Login: rights, AKS, expiry, login events.
  { en: 'No token to judge.', nl: 'Geen token om te beoordelen.' },
  { en: 'Name a repository to check pull and push rights (the login itself works).', nl: 'Noem een opslagplaats om de rechten voor pullen en pushen te controleren (de aanmelding zelf werkt).' },
  { en: 'The registry grants {granted} on {repo} to the {who}.', nl: 'Het register verleent {granted} op {repo} aan {who}.' },
  { en: 'The registry grants the {who} {granted} on {repo}: it may not {missing}.', nl: 'Het register verleent {who} {granted} op {repo}: {missing} is niet toegestaan.' },
  { en: "The registry's role assignments could not be read, so AKS clusters were not checked.", nl: 'De roltoewijzingen van het register konden niet worden gelezen, dus AKS-clusters zijn niet gecontroleerd.' },
  { en: 'No AKS clusters could be listed ({gap}).', nl: 'Er konden geen AKS-clusters worden opgevraagd ({gap}).' },
  { en: 'The account sees no AKS clusters.', nl: 'Het account ziet geen AKS-clusters.' },
  { en: 'The kubelet identity of {clusters} may pull from {registry}.', nl: 'De kubelet-identiteit van {clusters} mag pullen uit {registry}.' },
  { en: 'AKS cluster {cluster}: the kubelet identity ({id}) holds no AcrPull on {registry}, so its pods cannot pull images from it (ErrImagePull).', nl: 'AKS-cluster {cluster}: de kubelet-identiteit ({id}) heeft geen AcrPull op {registry}, dus de pods kunnen er geen images uit pullen (ErrImagePull).' },
  { en: 'AKS cluster {cluster} has no kubelet managed identity (a service principal cluster?); confirm which identity it pulls with.', nl: 'AKS-cluster {cluster} heeft geen door kubelet beheerde identiteit (een cluster met een service-principal?); ga na met welke identiteit het pullt.' },
  { en: '{user} is the admin user of {registry}, but the admin user is disabled on the registry: it refuses the admin password.', nl: '{user} is de beheerder van {registry}, maar de beheerder is uitgeschakeld voor het register: het weigert het beheerderswachtwoord.' },
  { en: 'The repository-scoped token {token} is disabled, so the registry refuses its passwords.', nl: 'Het token met bereik voor opslagplaatsen {token} is uitgeschakeld, dus het register weigert de wachtwoorden ervan.' },
  { en: 'Every password of the repository-scoped token {token} has expired: {dates}.', nl: 'Elk wachtwoord van het token met bereik voor opslagplaatsen {token} is verlopen: {dates}.' },
  { en: 'A token from az acr login --expose-token must be used with the user name {expected}, not "{user}"; docker login fails with "unauthorized: authentication required".', nl: 'Een token van az acr login --expose-token moet worden gebruikt met de gebruikersnaam {expected}, niet "{user}"; docker login mislukt met "unauthorized: authentication required".' },
  { en: 'The exposed token expired at {at} ({relative}); such tokens live 3 hours. Run az acr login --expose-token again.', nl: 'Het getoonde token is verlopen op {at} ({relative}); zulke tokens zijn 3 uur geldig. Voer az acr login --expose-token opnieuw uit.' },
  { en: "The service principal {user}'s client secret has expired: Entra ID says {error}", nl: 'Het clientgeheim van service-principal {user} is verlopen: Entra ID zegt {error}' },
  { en: "The registry refuses the service principal {user} ({reason}): use the application (client) ID as user name and a valid client secret, in the registry's tenant.", nl: 'Het register weigert service-principal {user} ({reason}): gebruik de toepassings-id (client-id) als gebruikersnaam en een geldig clientgeheim, in de tenant van het register.' },
  { en: "The registry's diagnostic settings could not be read ({reason}). Query to run in its Log Analytics workspace: {query}", nl: 'De diagnostische instellingen van het register konden niet worden gelezen ({reason}). Query om uit te voeren in de Log Analytics-werkruimte: {query}' },
  { en: 'The login events could not be queried ({reason}). Query: {query}', nl: 'De aanmeldingsgebeurtenissen konden niet worden opgevraagd ({reason}). Query: {query}' },
  { en: 'No credential with a known expiry date is in use.', nl: 'Er is geen referentie met een bekende vervaldatum in gebruik.' },
  { en: 'The registry was not found in Azure.', nl: 'Het register is niet gevonden in Azure.' },
  { en: 'No failed logins to {login} in the last day (ContainerRegistryLoginEvents, {n} events).', nl: 'Geen mislukte aanmeldingen bij {login} in de afgelopen dag (ContainerRegistryLoginEvents, {n} gebeurtenissen).' },
  { en: 'The registry does not send ContainerRegistryLoginEvents to a Log Analytics workspace; enable resource logs (diagnostic settings) to see every login with identity and IP. Query once enabled: {query}', nl: 'Het register stuurt geen ContainerRegistryLoginEvents naar een Log Analytics-werkruimte; schakel resourcelogboeken in (diagnostische instellingen) om elke aanmelding met identiteit en IP-adres te zien. Query zodra dat aan staat: {query}' },
  // Messages that quote an error and say what it means (the quoted part stays as it was sent).
  { en: 'dial tcp {address}: i/o timeout (no answer within {ms} ms: a firewall drops the traffic)', nl: 'dial tcp {address}: i/o timeout (geen antwoord binnen {ms} ms: een firewall laat het verkeer vallen)' },
  { en: 'net/http: TLS handshake timeout ({login} accepted the connection but never answered)', nl: 'net/http: TLS handshake timeout ({login} nam de verbinding aan maar antwoordde nooit)' },
  { en: 'proxyconnect tcp: EOF (the proxy {proxy} closed the connection after CONNECT)', nl: 'proxyconnect tcp: EOF (de proxy {proxy} sloot de verbinding na CONNECT)' },
  { en: 'x509: {@reason}', nl: 'x509: {@reason}' },
  { en: 'TLS to the proxy {proxy} failed: {@reason}', nl: 'TLS naar de proxy {proxy} is mislukt: {@reason}' },
  { en: 'the proxy {proxy}: {@reason}; nothing (no Proxy-Authorization) was sent to it', nl: 'de proxy {proxy}: {@reason}; er is niets (geen Proxy-Authorization) naartoe gestuurd' },
  { en: 'the proxy {proxy} is an https:// proxy but the connection to it is not TLS; nothing was sent', nl: 'de proxy {proxy} is een https://-proxy maar de verbinding ermee is geen TLS; er is niets verzonden' },
  { en: 'Cannot connect to the Docker daemon at {at}. Is the docker daemon running? (the socket does not exist)', nl: 'Cannot connect to the Docker daemon at {at}. Is the docker daemon running? (de socket bestaat niet)' },
  { en: 'ARM could not be read: {error}', nl: 'ARM kon niet worden gelezen: {error}' },
  { en: 'The workspace {workspace} could not be read. Query: {query}', nl: 'De werkruimte {workspace} kon niet worden gelezen. Query: {query}' },
  { en: '{file} is not valid JSON ({reason}); docker itself will fail to read it. Fix or remove the file, then run docker login again.', nl: '{file} is geen geldige JSON ({reason}); docker zelf kan het ook niet lezen. Herstel of verwijder het bestand en voer daarna opnieuw docker login uit.' },
  { en: 'Step 2 of 3 failed: the registry did not exchange the Entra token for a refresh token (POST /oauth2/exchange → {status}: {reason}) even with a containerregistry.azure.net token.', nl: 'Stap 2 van 3 is mislukt: het register wisselde het Entra-token niet in voor een vernieuwingstoken (POST /oauth2/exchange → {status}: {reason}), ook niet met een token voor containerregistry.azure.net.' },
  { en: 'Step 2 of 3 failed: the registry did not exchange the Entra token for a refresh token (POST /oauth2/exchange → {status}: {reason}).', nl: 'Stap 2 van 3 is mislukt: het register wisselde het Entra-token niet in voor een vernieuwingstoken (POST /oauth2/exchange → {status}: {reason}).' },
  { en: 'Step 3 of 3 failed: the registry issued no access token for {scope} (POST /oauth2/token → {status}: {reason}).', nl: 'Stap 3 van 3 is mislukt: het register gaf geen toegangstoken uit voor {scope} (POST /oauth2/token → {status}: {reason}).' },
  { en: 'The registry refuses Entra tokens for the Azure Resource Manager audience ({reason}) and accepts only tokens for containerregistry.azure.net: its azureADAuthenticationAsArmPolicy is disabled (ARM says so). Tools that send ARM tokens (older az, some CI tasks) fail to log in.', nl: 'Het register weigert Entra-tokens voor de doelgroep Azure Resource Manager ({reason}) en accepteert alleen tokens voor containerregistry.azure.net: azureADAuthenticationAsArmPolicy staat uit (volgens ARM). Hulpmiddelen die ARM-tokens sturen (oudere az, sommige CI-taken) kunnen zich niet aanmelden.' },
  { en: 'The registry refuses Entra tokens for the Azure Resource Manager audience ({reason}) and accepts only tokens for containerregistry.azure.net: its azureADAuthenticationAsArmPolicy is evidently disabled. Tools that send ARM tokens (older az, some CI tasks) fail to log in.', nl: 'Het register weigert Entra-tokens voor de doelgroep Azure Resource Manager ({reason}) en accepteert alleen tokens voor containerregistry.azure.net: azureADAuthenticationAsArmPolicy staat kennelijk uit. Hulpmiddelen die ARM-tokens sturen (oudere az, sommige CI-taken) kunnen zich niet aanmelden.' },
  { en: 'AKS cluster {cluster}: the kubelet identity {id} no longer exists (ARM: ResourceNotFound), so its nodes cannot get tokens to pull from {registry}, although an AcrPull assignment for {objectId} remains. Give the cluster a kubelet identity again (az aks update --assign-kubelet-identity) and attach the registry (az aks update --attach-acr).', nl: 'AKS-cluster {cluster}: de kubelet-identiteit {id} bestaat niet meer (ARM: ResourceNotFound), dus de nodes krijgen geen tokens om uit {registry} te pullen, hoewel er nog een AcrPull-toewijzing voor {objectId} is. Geef het cluster weer een kubelet-identiteit (az aks update --assign-kubelet-identity) en koppel het register (az aks update --attach-acr).' },
  { en: '{n} failed login(s) to {login} in the last day; the latest by {identity} from {ip} ({result}).', nl: '{n} mislukte aanmelding(en) bij {login} in de afgelopen dag; de laatste door {identity} vanaf {ip} ({result}).' },
  { en: 'The password of token {token} expires {@when} ({at}). {@lines}.', nl: 'Het wachtwoord van token {token} verloopt {@when} ({at}). {@lines}.' },

  // An image, an operation, an identity (./target-messages.ts).
  ...TARGET_MESSAGES,
];

/**
 * Parts of messages, only matched inside one: the items of a '; ' list (expiry dates, one verdict
 * per data endpoint) and relative times ("in 2 h 5 min", "3 min ago").
 */
const PHRASES: readonly Entry[] = [
  { en: 'in {t}', nl: 'over {t}' },
  { en: 'it allows {hosts}', nl: 'die staat {hosts} toe' },
  { en: '{t} ago', nl: '{t} geleden' },
  { en: 'Entra token until {at} ({@when})', nl: 'Entra-token tot {at} ({@when})' },
  { en: 'registry refresh token until {at} ({@when}; ACR tokens live 3 hours, then log in again)', nl: 'vernieuwingstoken van het register tot {at} ({@when}; ACR-tokens zijn 3 uur geldig, meld u daarna opnieuw aan)' },
  { en: 'token {token} {password} until {at} ({@when})', nl: 'token {token} {password} tot {at} ({@when})' },
  { en: 'the certificate of {host} is not trusted ({code})', nl: 'het certificaat van {host} wordt niet vertrouwd ({code})' },
  { en: 'issued by {issuer}, chain ends at {root}', nl: 'uitgegeven door {issuer}, de keten eindigt bij {root}' },
  { en: 'issued by {issuer}', nl: 'uitgegeven door {issuer}' },
  { en: 'the certificate presented for {host} does not name it ({reason})', nl: 'het certificaat dat voor {host} wordt getoond, noemt die naam niet ({reason})' },
  { en: 'exposed token until {at} ({@when}; such tokens live 3 hours)', nl: 'blootgesteld token tot {at} ({@when}; zulke tokens zijn 3 uur geldig)' },
  { en: 'the token docker stored until {at} ({@when})', nl: 'het token dat docker heeft opgeslagen tot {at} ({@when})' },
];

interface Compiled { re: RegExp; names: string[]; nl: string }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(e: Entry): Compiled {
  const names: string[] = [];
  const pattern = e.en.split(/(\{@?\w+\})/).map((part) => {
    const m = /^\{(@?\w+)\}$/.exec(part);
    if (!m) return escape(part);
    names.push(m[1]);
    return '(.*?)';
  }).join('');
  return { re: new RegExp(`^${pattern}$`, 's'), names, nl: e.nl };
}

let compiled: { entries: Compiled[]; phrases: Compiled[] } | undefined;

/** The entry's wording with the values filled in; a reason ({@name}) no entry covers stays as it was. */
function fill(c: Compiled, m: RegExpExecArray, locale: Locale, depth: number): string {
  const values = new Map(c.names.map((n, i) => [n, m[i + 1] ?? '']));
  return c.nl.replace(/\{(@?\w+)\}/g, (_all, n: string) => {
    const v = values.get(n) ?? '';
    return n.startsWith('@') ? translate(v, locale, depth + 1) ?? v : v;
  });
}

/** Splits at '; ' outside parentheses. */
function listItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith('; ', i)) { items.push(text.slice(from, i)); from = i + 2; i++; }
  }
  items.push(text.slice(from));
  return items;
}

/** The wording in `locale`, or undefined when no entry covers the text (or a reason inside it). */
function translate(message: string, locale: Locale, depth: number): string | undefined {
  if (depth > 4) return undefined;
  compiled ??= { entries: ENTRIES.map(compile), phrases: PHRASES.map(compile) };
  const tables = depth === 0 ? [compiled.entries] : [compiled.entries, compiled.phrases];
  for (const table of tables) {
    for (const c of table) {
      const m = c.re.exec(message);
      if (m) return fill(c, m, locale, depth);
    }
  }
  // A list joined by '; ' (perhaps closed by '.'): each item on its own, all or nothing.
  const stop = message.endsWith('.') ? '.' : '';
  const items = listItems(stop ? message.slice(0, -1) : message);
  if (items.length < 2) return undefined;
  const done = items.map((item) => translate(item, locale, depth + 1));
  return done.every((d) => d !== undefined) ? `${done.join('; ')}${stop}` : undefined;
}

/** The Dutch (or English) wording of a check's message; messages no entry covers come back unchanged. */
export function localizeCheckMessage(message: string, locale: Locale): string {
  if (locale === 'en' || !message) return message;
  return translate(message, locale, 0) ?? message;
}

/** A reason (a sentence or phrase inside a message) in Dutch; text no entry covers comes back unchanged. */
export function localizeReason(text: string): string {
  // As a whole message first (a list splits into items before a phrase may swallow it), then as a reason.
  return text ? translate(text, 'nl', 0) ?? translate(text, 'nl', 1) ?? text : text;
}

/** Whether the entries cover this English message (for tests). */
export function hasCheckMessage(message: string): boolean { return translate(message, 'nl', 0) !== undefined; }

/** For tests: every English template and its Dutch wording. */
export function checkMessageEntries(): readonly Entry[] { return ENTRIES; }

/** For tests: the parts only matched inside a message. */
export function checkMessagePhrases(): readonly Entry[] { return PHRASES; }
