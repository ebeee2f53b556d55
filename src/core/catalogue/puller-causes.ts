// Causes of an Azure service that cannot pull from the registry (App Service and Functions apps,
// Container Apps, Container Instances, Machine Learning): the seed troubleshoot-network.nl.md's
// "Configure service access" (Servicetoegang configureren) and the login seed's "another Azure
// service" symptom, per service. Dutch wording follows the seeds'.
import type { CauseRecord, FixTemplate, Localized } from './types';
import { LAYER } from './layers';
import { NETWORK_PAGE, NETWORK_SECTIONS } from './sections';

const SVC = 'configure-service-access';

const docs = (title: Localized, page: string, anchor = ''): FixTemplate => ({ kind: 'openDocs', title, docs: { page, anchor } });
const serviceAccessDocs = docs({ en: `Open the docs: ${NETWORK_SECTIONS[SVC].en}`, nl: `Documentatie openen: ${NETWORK_SECTIONS[SVC].nl}` }, NETWORK_PAGE, SVC);
const copy = (title: Localized, command: string, requires?: string[]): FixTemplate => ({ kind: 'copyCommand', title, command, requires });
const azure = (title: Localized, action: string, command: string, requires?: string[]): FixTemplate =>
  ({ kind: 'changeAzureSetting', title, action, command, requires });

/** The services' own pages on pulling from a registry. */
const SERVICE_DOCS = {
  appService: docs({ en: 'App Service: pull the image with a managed identity', nl: 'App Service: de installatiekopie ophalen met een beheerde identiteit' },
    'https://learn.microsoft.com/azure/app-service/configure-custom-container', 'use-managed-identity-to-pull-image-from-azure-container-registry'),
  appServiceVnet: docs({ en: 'App Service: pull the container image over the virtual network', nl: 'App Service: de containerinstallatiekopie via het virtuele netwerk ophalen' },
    'https://learn.microsoft.com/azure/app-service/configure-vnet-integration-routing', 'container-image-pull'),
  containerApps: docs({ en: 'Container Apps: pull images with a managed identity', nl: 'Container Apps: installatiekopieën ophalen met een beheerde identiteit' },
    'https://learn.microsoft.com/azure/container-apps/managed-identity-image-pull'),
  containerInstances: docs({ en: 'Container Instances: deploy from the registry with a managed identity', nl: 'Container Instances: implementeren vanuit het register met een beheerde identiteit' },
    'https://learn.microsoft.com/azure/container-instances/using-azure-container-registry-mi'),
  trusted: docs({ en: 'Allow trusted services to access a network-restricted registry', nl: 'Vertrouwde services toegang geven tot een register met netwerkbeperkingen' },
    'https://learn.microsoft.com/azure/container-registry/allow-access-trusted-services'),
  tasks: docs({ en: 'ACR Tasks: cross-registry authentication with a managed identity', nl: 'ACR Tasks: verificatie tussen registers met een beheerde identiteit' },
    'https://learn.microsoft.com/azure/container-registry/container-registry-tasks-cross-registry-authentication'),
  connectedRegistry: docs({ en: 'Connected registry: troubleshoot', nl: 'Verbonden register: problemen oplossen' },
    'https://learn.microsoft.com/azure/container-registry/troubleshoot-connected-registry'),
  privateLinkDns: docs({ en: 'Private Link: DNS configuration options', nl: 'Private Link: opties voor DNS-configuratie' }, 'container-registry-private-link', 'dns-configuration-options'),
};

// What these services write when a pull fails (App Service's docker log, Container Apps' and ACI's
// events, the kubelet's containerd errors), lower-case substrings.
const S_APP_SERVICE = ['dockerapiexception', 'failed to pull image', 'image pull failed', 'pull image failed'];
const S_CONTAINER_APPS = ['failed to pull image', 'unable to pull image using managed identity', 'imagepullbackoff', 'operation expired'];
const S_ACI = ['inaccessibleimage', 'is not accessible. please check the image and registry credential', 'registryerrorresponse'];
const S_CONTAINERD = ['failed to pull and unpack image', 'failed to resolve reference', 'failed to authorize: failed to fetch anonymous token', 'failed to fetch oauth token'];

function cause<Id extends string>(c: Omit<CauseRecord<Id>, 'sectionTitle' | 'docs' | 'seed' | 'section'>): CauseRecord<Id> {
  return { seed: 'troubleshoot-network', section: SVC, sectionTitle: NETWORK_SECTIONS[SVC], docs: { page: NETWORK_PAGE, anchor: SVC }, ...c };
}

export const PULLER_CAUSES = [
  cause({
    id: 'pullers.service-outside-network', layer: LAYER.registryNetwork + 7,
    title: { en: 'An Azure service pulls from outside the registry\'s networks', nl: 'Een Azure-service haalt op van buiten de netwerken van het register' },
    explanation: {
      en: 'The registry restricts network access (public access off, or selected networks only), and {service} reaches it from Azure\'s shared outbound addresses or from a subnet without a private endpoint. Resources of some Azure services, including App Service and Container Instances, cannot access a network-restricted registry and are not trusted services. Give the service a private path (VNet integration with image pull over the VNet, a private endpoint with its DNS zone linked to that network) or remove the network restriction.',
      nl: 'Het register beperkt de netwerktoegang (openbare toegang uit, of alleen geselecteerde netwerken), en {service} bereikt het vanaf de gedeelde uitgaande adressen van Azure of vanuit een subnet zonder privé-eindpunt. Resources van bepaalde Azure-services hebben geen toegang tot een containerregister met netwerkbeperkingen, waaronder Azure App Service en Azure Container Instances, en zijn geen vertrouwde services. Geef de service een privéweg (VNet-integratie met ophalen via het VNet, een privé-eindpunt waarvan de DNS-zone aan dat netwerk is gekoppeld) of verwijder de netwerkbeperking.',
    },
    symptoms: [...S_APP_SERVICE, ...S_ACI, 'client with ip', 'is not allowed access', 'denied: client with ip'],
    fixes: [
      copy({ en: 'Remove the network restriction (public access on)', nl: 'De netwerkbeperking verwijderen (openbare toegang aan)' }, 'az acr update --name {registry} --public-network-enabled true --default-action Allow'),
      copy({ en: 'Integrate the App Service app with a virtual network that reaches the private endpoint', nl: 'De App Service-app integreren met een virtueel netwerk dat het privé-eindpunt bereikt' },
        'az webapp vnet-integration add --name {service} --resource-group {serviceResourceGroup} --vnet <vnet> --subnet <subnet>', ['service', 'serviceResourceGroup']),
      SERVICE_DOCS.appServiceVnet,
      serviceAccessDocs,
    ],
  }),
  cause({
    id: 'pullers.vnet-image-pull-off', layer: LAYER.registryNetwork + 8,
    title: { en: 'App Service pulls the image over the public network, not its VNet', nl: 'App Service haalt de installatiekopie op via het openbare netwerk, niet via het VNet' },
    explanation: {
      en: '{service} is integrated with a virtual network, but image pulls do not go over it (vnetImagePullEnabled, or outboundVnetRouting.imagePullTraffic, is off): App Service pulls from its shared public addresses, which the network-restricted registry refuses. Turn on image pull over the virtual network.',
      nl: '{service} is geïntegreerd met een virtueel netwerk, maar het ophalen van installatiekopieën gaat er niet overheen (vnetImagePullEnabled, of outboundVnetRouting.imagePullTraffic, staat uit): App Service haalt op vanaf zijn gedeelde openbare adressen, die het register met netwerkbeperkingen weigert. Zet het ophalen van installatiekopieën via het virtuele netwerk aan.',
    },
    symptoms: [...S_APP_SERVICE, 'vnetimagepullenabled', 'imagepulltraffic'],
    fixes: [
      azure({ en: 'Enable image pull over the virtual network', nl: 'Ophalen van installatiekopieën via het virtuele netwerk inschakelen' }, 'puller.enableVnetImagePull',
        'az resource update --ids {serviceId} --set properties.vnetImagePullEnabled=true', ['serviceId']),
      SERVICE_DOCS.appServiceVnet,
      serviceAccessDocs,
    ],
  }),
  cause({
    id: 'pullers.private-dns-not-linked', layer: LAYER.registryNetwork + 9,
    title: { en: 'The private DNS zone is not linked to the service\'s virtual network', nl: 'De privé-DNS-zone is niet gekoppeld aan het virtuele netwerk van de service' },
    explanation: {
      en: 'The registry is reached over a private endpoint, but the private DNS zone ({dnsZone}) that points the login server at the endpoint\'s private address is not linked to the virtual network {service} runs in ({vnet}). There the login server resolves to its public address, which the registry refuses. Link the zone to that network.',
      nl: 'Het register wordt bereikt via een privé-eindpunt, maar de privé-DNS-zone ({dnsZone}) die de aanmeldingsserver naar het privé-adres van het eindpunt laat wijzen, is niet gekoppeld aan het virtuele netwerk waarin {service} draait ({vnet}). Daar wordt de aanmeldingsserver omgezet naar het openbare adres, dat het register weigert. Koppel de zone aan dat netwerk.',
    },
    symptoms: [...S_ACI, ...S_CONTAINERD, 'host is not reachable'],
    fixes: [
      copy({ en: 'Link the private DNS zone to the service\'s virtual network', nl: 'De privé-DNS-zone aan het virtuele netwerk van de service koppelen' },
        'az network private-dns link vnet create --resource-group {dnsZoneResourceGroup} --zone-name {dnsZone} --name {vnet}-link --virtual-network {vnetId} --registration-enabled false', ['dnsZoneResourceGroup', 'dnsZone', 'vnet', 'vnetId']),
      SERVICE_DOCS.privateLinkDns,
      serviceAccessDocs,
    ],
  }),
  cause({
    id: 'pullers.trusted-services-needed', layer: LAYER.registryNetwork + 5,
    title: { en: 'A trusted Azure service is kept out: trusted services are not allowed', nl: 'Een vertrouwde Azure-service wordt buitengehouden: vertrouwde services zijn niet toegestaan' },
    explanation: {
      en: '{service} is one of the trusted Azure services that may bypass a network-restricted registry, but the registry does not allow trusted services (networkRuleBypassOptions = None). Since January 2021 a registry with restricted network access can be configured to allow access from select trusted services. App Service and Container Instances are not among them.',
      nl: '{service} is een van de vertrouwde Azure-services die een register met netwerkbeperkingen mogen passeren, maar het register staat vertrouwde services niet toe (networkRuleBypassOptions = None). Vanaf januari 2021 kunt u een register met beperkte netwerktoegang configureren om toegang toe te staan vanuit bepaalde vertrouwde services. App Service en Container Instances horen daar niet bij.',
    },
    symptoms: ['acr tasks is unable to push or pull', 'failed to pull image', 'is not allowed access'],
    fixes: [
      azure({ en: 'Allow trusted Azure services', nl: 'Vertrouwde Azure-services toestaan' }, 'registry.allowTrustedServices', 'az acr update --name {registry} --allow-trusted-services true'),
      SERVICE_DOCS.trusted,
      serviceAccessDocs,
    ],
  }),
  cause({
    id: 'pullers.admin-user-disabled', layer: LAYER.credentials + 10,
    title: { en: 'The service still pulls with the admin user, which is disabled', nl: 'De service haalt nog op met de beheerder, die is uitgeschakeld' },
    explanation: {
      en: '{service} pulls with the registry\'s admin user name and password, but the admin user was disabled, so the registry refuses its pulls (unauthorized). Switch the service to its managed identity with AcrPull, or enable the admin user again.',
      nl: '{service} haalt op met de gebruikersnaam en het wachtwoord van de beheerder van het register, maar de beheerder is uitgeschakeld, dus het register weigert de pulls (unauthorized). Laat de service ophalen met zijn beheerde identiteit met AcrPull, of schakel de beheerder weer in.',
    },
    symptoms: [...S_CONTAINER_APPS, ...S_APP_SERVICE, 'unauthorized: authentication required', 'admin user is disabled'],
    fixes: [
      azure({ en: 'Switch the service to its managed identity', nl: 'De service overzetten op zijn beheerde identiteit' }, 'puller.useManagedIdentity',
        'az containerapp registry set --name {service} --resource-group {serviceResourceGroup} --server {loginServer} --identity system', ['serviceId', 'service', 'serviceResourceGroup']),
      azure({ en: 'Enable the admin user again', nl: 'De beheerder weer inschakelen' }, 'registry.enableAdminUser', 'az acr update --name {registry} --admin-enabled true'),
      SERVICE_DOCS.containerApps,
      serviceAccessDocs,
    ],
  }),
  cause({
    id: 'pullers.identity-unresolved', layer: LAYER.credentials + 11,
    title: { en: 'The identity the service pulls with does not exist or is not assigned', nl: 'De identiteit waarmee de service ophaalt bestaat niet of is niet toegewezen' },
    explanation: {
      en: 'Confirm the registry configuration for your service: {service} is set to pull with a managed identity that it does not have (no system-assigned identity, a user-assigned identity not assigned to it, or one that was deleted), or with no credentials at all. It gets no token for the registry.',
      nl: 'Bevestig de registerconfiguratie voor uw service: {service} is ingesteld om op te halen met een beheerde identiteit die het niet heeft (geen door het systeem toegewezen identiteit, een door de gebruiker toegewezen identiteit die er niet aan is toegewezen, of een die is verwijderd), of zonder referenties. Het krijgt geen token voor het register.',
    },
    symptoms: [...S_CONTAINER_APPS, ...S_ACI, 'managed identity', 'identity not found', 'unauthorized: authentication required'],
    fixes: [
      copy({ en: 'Give the App Service app a system-assigned identity', nl: 'De App Service-app een door het systeem toegewezen identiteit geven' }, 'az webapp identity assign --name {service} --resource-group {serviceResourceGroup}', ['service', 'serviceResourceGroup']),
      copy({ en: 'Give the Container App a system-assigned identity', nl: 'De Container App een door het systeem toegewezen identiteit geven' }, 'az containerapp identity assign --name {service} --resource-group {serviceResourceGroup} --system-assigned', ['service', 'serviceResourceGroup']),
      SERVICE_DOCS.containerInstances,
      serviceAccessDocs,
    ],
  }),
  cause({
    id: 'pullers.identity-missing-acrpull', layer: LAYER.authorization + 6,
    title: { en: 'The service\'s managed identity may not pull (AcrPull missing)', nl: 'De beheerde identiteit van de service mag niet ophalen (AcrPull ontbreekt)' },
    explanation: {
      en: '{service} pulls with its identity ({principalId}: a managed identity, or the service principal whose app id it stores as user name), which holds no role that allows pull on the registry, neither itself nor through a group. The service then fails to start its containers with an unauthorized pull. Grant the identity AcrPull on the registry; role assignments can take up to 10 minutes to apply.',
      nl: '{service} haalt op met zijn identiteit ({principalId}: een beheerde identiteit, of de service-principal waarvan het de app-id als gebruikersnaam bewaart), die geen rol heeft die ophalen uit het register toestaat, zelf niet en ook niet via een groep. De service kan zijn containers dan niet starten door een geweigerde pull. Ken de identiteit AcrPull toe op het register; het kan tot 10 minuten duren voordat roltoewijzingen worden toegepast.',
    },
    symptoms: [...S_APP_SERVICE, ...S_CONTAINER_APPS, ...S_ACI, ...S_CONTAINERD, 'unauthorized: authentication required', '401 unauthorized'],
    fixes: [
      azure({ en: 'Grant AcrPull to the service\'s identity', nl: 'AcrPull toekennen aan de identiteit van de service' }, 'roleAssignment.create',
        'az role assignment create --assignee-object-id {principalId} --assignee-principal-type ServicePrincipal --role AcrPull --scope {registryId}', ['principalId', 'registryId']),
      SERVICE_DOCS.appService,
      SERVICE_DOCS.containerApps,
      serviceAccessDocs,
    ],
  }),
  cause({
    id: 'pullers.token-disabled', layer: LAYER.credentials + 12,
    title: { en: 'A service or connected registry pulls with a token that is disabled or gone', nl: 'Een service of verbonden register haalt op met een token dat is uitgeschakeld of verdwenen' },
    explanation: {
      en: '{service} signs in to the registry with a repository-scoped token ({tokenName}): a connected registry\'s sync or client token, or a token name stored as the user name. The token is disabled or was deleted, so the registry refuses every sign-in with it. Enable the token (or create it again and give the service new credentials).',
      nl: '{service} meldt zich bij het register aan met een token met bereik ({tokenName}): het synchronisatie- of clienttoken van een verbonden register, of een tokennaam die als gebruikersnaam is opgeslagen. Het token is uitgeschakeld of verwijderd, dus het register weigert elke aanmelding ermee. Schakel het token in (of maak het opnieuw en geef de service nieuwe referenties).',
    },
    symptoms: ['token is disabled', 'sync token', 'unauthorized: authentication required', 'connected registry'],
    fixes: [
      azure({ en: 'Enable the token', nl: 'Het token inschakelen' }, 'registry.enableToken', 'az acr token update --name {tokenName} --registry {registry} --status enabled', ['tokenName']),
      SERVICE_DOCS.connectedRegistry,
      serviceAccessDocs,
    ],
  }),
  cause({
    id: 'pullers.connected-registry-offline', layer: LAYER.registryNetwork + 10,
    title: { en: 'A connected registry is offline and does not sync', nl: 'Een verbonden register is offline en synchroniseert niet' },
    explanation: {
      en: '{service} is a connected registry of this registry, but ARM reports it offline, unhealthy or never activated: it does not reach the registry\'s gateway to sync, so its clients pull stale images or none. Check that the connected registry runs (its extension or pod), can reach the registry and its data endpoint, and that its sync token is enabled.',
      nl: '{service} is een verbonden register van dit register, maar ARM meldt het offline, niet in orde of nooit geactiveerd: het bereikt de gateway van het register niet om te synchroniseren, dus zijn clients halen verouderde installatiekopieën op of geen. Controleer of het verbonden register draait (de extensie of pod), het register en zijn data-eindpunt kan bereiken, en of het synchronisatietoken is ingeschakeld.',
    },
    symptoms: ['connected registry', 'connectionstate', 'offline', 'failed to sync'],
    fixes: [
      copy({ en: 'Show the connected registry\'s state', nl: 'De status van het verbonden register tonen' }, 'az acr connected-registry show --registry {registry} --name {service} --query "{state:connectionState,activity:lastActivityTime,status:statusDetails}"', ['service']),
      SERVICE_DOCS.connectedRegistry,
      serviceAccessDocs,
    ],
  }),
];
