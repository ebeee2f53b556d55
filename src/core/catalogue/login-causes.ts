// Login causes: every cause of the seed troubleshoot-login.nl.md (Docker, names, credentials,
// authorisation, expiry, advanced) and the Docker / login-server / token codes of
// `az acr check-health`. Dutch wording follows the seed's (its machine-translation breaks such as
// "REGI ster" mended); English follows learn.microsoft.com.
import type { Cause, CauseRecord, FixTemplate, Localized } from './types';
import { LAYER } from './layers';
import { HEALTH_PAGE, LOGIN_PAGE } from './sections';

const DOCKER = 'check-docker-configuration';
const NAME = 'specify-correct-registry-name';
const CRED = 'confirm-credentials-to-access-registry';
const AUTHZ = 'confirm-credentials-are-authorized-to-access-registry';
const EXPIRY = 'check-that-credentials-arent-expired';
const ADV = 'advanced-troubleshooting';

export const LOGIN_SECTIONS: Record<string, Localized> = {
  [DOCKER]: { en: 'Check Docker configuration', nl: 'Docker-configuratie controleren' },
  [NAME]: { en: 'Specify correct registry name', nl: 'De juiste registernaam opgeven' },
  [CRED]: { en: 'Confirm credentials to access registry', nl: 'Referenties voor toegang tot het register bevestigen' },
  [AUTHZ]: { en: 'Confirm credentials are authorized to access registry', nl: 'Bevestigen dat referenties zijn geautoriseerd voor toegang tot het register' },
  [EXPIRY]: { en: 'Check that credentials aren\'t expired', nl: 'Controleren of de referenties zijn verlopen' },
  [ADV]: { en: 'Advanced troubleshooting', nl: 'Geavanceerde probleemoplossing' },
};

/** The seed's advanced step as a query: failed registry logins of the last day, newest first. */
export const LOGIN_EVENTS_KQL =
  'ContainerRegistryLoginEvents | where TimeGenerated > ago(1d) | where LoginServer =~ "{loginServer}" | where ResultType != "200" ' +
  '| project TimeGenerated, Identity, CallerIpAddress, ResultType, ResultDescription, UserAgent | order by TimeGenerated desc | take 50';

const docs = (title: Localized, page: string, anchor = ''): FixTemplate => ({ kind: 'openDocs', title, docs: { page, anchor } });
const sectionDocs = (anchor: string): FixTemplate =>
  docs({ en: `Open the docs: ${LOGIN_SECTIONS[anchor].en}`, nl: `Documentatie openen: ${LOGIN_SECTIONS[anchor].nl}` }, LOGIN_PAGE, anchor);
const healthDocs = (code: string): FixTemplate =>
  docs({ en: `Open the check-health error reference (${code})`, nl: `Foutverwijzing van check-health openen (${code})` }, HEALTH_PAGE, code.toLowerCase());
const copy = (title: Localized, command: string, requires?: string[]): FixTemplate => ({ kind: 'copyCommand', title, command, requires });
const run = (title: Localized, action: string, command: string, requires?: string[]): FixTemplate => ({ kind: 'runCommand', title, action, command, requires });
// Each client's own logout, offered only for the client in use (the stored-credential check names
// it): docker's and nerdctl's logins are in Docker's config.json, podman's in its auth.json.
const LOGOUT_FIXES: FixTemplate[] = [
  run({ en: 'Log out (remove the stored credential)', nl: 'Afmelden (de opgeslagen referentie verwijderen)' }, 'docker.logout', 'docker logout {loginServer}', ['clientDocker']),
  run({ en: 'Log nerdctl out (remove the stored credential from Docker\'s config.json)', nl: 'nerdctl afmelden (de opgeslagen referentie uit config.json van Docker verwijderen)' }, 'docker.logout', 'nerdctl logout {loginServer}', ['clientNerdctl']),
  run({ en: 'Log podman out (remove the login from every auth.json podman reads)', nl: 'podman afmelden (de aanmelding verwijderen uit elke auth.json die podman leest)' }, 'podman.logout', 'podman logout --authfile {podmanAuthFile} {loginServer}', ['clientPodman', 'podmanAuthFile']),
  copy({ en: 'Log podman out of the registry', nl: 'podman afmelden bij het register' }, 'podman logout {loginServer}', ['clientPodman']),
];
const azure = (title: Localized, action: string, command: string, requires?: string[]): FixTemplate =>
  ({ kind: 'changeAzureSetting', title, action, command, requires });
const loginEventsQuery = copy({ en: 'Copy the login-events query (Log Analytics)', nl: 'Query voor aanmeldingsgebeurtenissen kopiëren (Log Analytics)' },
  `az monitor log-analytics query --workspace {workspaceId} --analytics-query '${LOGIN_EVENTS_KQL}'`, ['workspaceId']);

function cause<Id extends string>(c: Omit<CauseRecord<Id>, 'sectionTitle' | 'docs' | 'seed'> & { seed?: Cause['seed'] }): CauseRecord<Id> {
  return { seed: 'troubleshoot-login', sectionTitle: LOGIN_SECTIONS[c.section], docs: { page: LOGIN_PAGE, anchor: c.section }, ...c };
}

// Symptoms quoted by the seed.
const S_AUTH_REQUIRED = 'unauthorized: authentication required';
const S_NOT_REGISTERED = 'unauthorized: application not registered with aad';
const S_DENIED = 'denied: requested access to the resource is denied';

export const LOGIN_CAUSES = [
  // ---------------------------------------------------------------- Docker configuration
  cause({
    id: 'docker.cli-missing', section: DOCKER, layer: LAYER.tooling + 0, checkHealthCode: 'DOCKER_COMMAND_ERROR',
    title: { en: 'The Docker CLI is not installed', nl: 'De Docker CLI is niet geïnstalleerd' },
    explanation: {
      en: 'Most Azure Container Registry authentication flows need a local Docker installation to authenticate with the registry for operations such as pushing and pulling images. The docker command is not on this machine\'s PATH.',
      nl: 'Voor de meeste Azure Container Registry-verificatiestromen is een lokale Docker-installatie vereist, zodat u met uw register kunt verifiëren voor bewerkingen zoals het pushen en ophalen van installatiekopieën. De opdracht docker staat niet in het PATH van deze computer.',
    },
    symptoms: ['docker: command not found', 'docker: not found', '\'docker\' is not recognized', 'please verify if docker client is installed', 'docker_command_error'],
    fixes: [
      docs({ en: 'Install Docker', nl: 'Docker installeren' }, 'https://docs.docker.com/engine/install/'),
      healthDocs('DOCKER_COMMAND_ERROR'),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'docker.daemon-unreachable', section: DOCKER, layer: LAYER.tooling + 1, checkHealthCode: 'DOCKER_DAEMON_ERROR',
    title: { en: 'The Docker daemon is not running or not reachable', nl: 'De Docker-daemon wordt niet uitgevoerd of is niet bereikbaar' },
    explanation: {
      en: 'The Docker CLI client and daemon (Docker Engine) must both be running in your environment. The daemon does the logging in, pushing and pulling; it does not answer at the socket, DOCKER_HOST or Docker context in use, or this user may not use its socket.',
      nl: 'Controleer of de Docker CLI-client en -daemon (Docker Engine) worden uitgevoerd in uw omgeving. De daemon doet het aanmelden, pushen en ophalen; hij antwoordt niet op de socket, DOCKER_HOST of Docker-context die in gebruik is, of deze gebruiker mag de socket niet gebruiken.',
    },
    symptoms: ['cannot connect to the docker daemon', 'is the docker daemon running', 'permission denied while trying to connect to the docker daemon socket', 'docker_daemon_error', 'error during connect'],
    fixes: [
      copy({ en: 'Start the Docker daemon', nl: 'De Docker-daemon starten' }, 'sudo systemctl start docker'),
      copy({ en: 'Use the default Docker context', nl: 'De standaard-Docker-context gebruiken' }, 'docker context use default'),
      copy({ en: 'Let your user use the Docker socket', nl: 'Uw gebruiker toegang geven tot de Docker-socket' }, 'sudo usermod -aG docker $USER'),
      healthDocs('DOCKER_DAEMON_ERROR'),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'docker.version-too-old', section: DOCKER, layer: LAYER.tooling + 2, checkHealthCode: 'DOCKER_VERSION_ERROR',
    title: { en: 'Docker is older than 18.03', nl: 'Docker is ouder dan 18.03' },
    explanation: {
      en: 'You need Docker version 18.03 or later (Engine API 1.37). Older versions do not handle the registry\'s token authentication and redirects the way Azure Container Registry expects.',
      nl: 'U hebt Docker-clientversie 18.03 of hoger nodig (Engine API 1.37). Oudere versies gaan niet om met de tokenverificatie en omleidingen van het register zoals Azure Container Registry verwacht.',
    },
    symptoms: ['docker_version_error', 'client version', 'is too old', 'minimum supported api version'],
    fixes: [
      docs({ en: 'Update Docker', nl: 'Docker bijwerken' }, 'https://docs.docker.com/engine/install/'),
      healthDocs('DOCKER_VERSION_ERROR'),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'docker.config-malformed', section: DOCKER, layer: LAYER.tooling + 3,
    title: { en: 'The Docker configuration file cannot be used', nl: 'Het Docker-configuratiebestand is niet bruikbaar' },
    explanation: {
      en: 'Docker\'s config.json ($DOCKER_CONFIG or ~/.docker) is not valid JSON, cannot be read, holds a broken login entry, or names a credential helper (credsStore / credHelpers) that is not installed. docker login, push and pull then fail before they reach the registry.',
      nl: 'Het config.json van Docker ($DOCKER_CONFIG of ~/.docker) is geen geldige JSON, kan niet worden gelezen, bevat een beschadigde aanmelding of noemt een referentiehelper (credsStore / credHelpers) die niet is geïnstalleerd. docker login, push en pull mislukken dan voordat ze het register bereiken.',
    },
    symptoms: ['error loading config file', 'invalid auth configuration file', 'error getting credentials', 'executable file not found in $path', 'docker-credential-', 'error storing credentials', 'error saving credentials'],
    fixes: [
      copy({ en: 'Show the Docker config file', nl: 'Het Docker-configuratiebestand tonen' }, 'cat {dockerConfigFile}', ['dockerConfigFile']),
      copy({ en: 'Move the broken file aside and log in again', nl: 'Het beschadigde bestand opzijzetten en opnieuw aanmelden' }, 'mv {dockerConfigFile} {dockerConfigFile}.broken && docker login {loginServer}', ['dockerConfigFile']),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'docker.pull-failed', section: DOCKER, layer: LAYER.endToEnd, checkHealthCode: 'DOCKER_PULL_ERROR',
    title: { en: 'The Docker daemon cannot pull an image', nl: 'De Docker-daemon kan geen installatiekopie ophalen' },
    explanation: {
      en: 'A test pull of mcr.microsoft.com/mcr/hello-world through the Docker daemon (as az acr check-health does) failed. The daemon\'s message says where: its network path (DNS, proxy, firewall, TLS trust) or the daemon itself.',
      nl: 'Een testpull van mcr.microsoft.com/mcr/hello-world via de Docker-daemon (zoals az acr check-health doet) is mislukt. Het bericht van de daemon zegt waar: het netwerkpad (DNS, proxy, firewall, TLS-vertrouwen) of de daemon zelf.',
    },
    symptoms: ['docker_pull_error', 'error pulling image configuration', 'download failed after attempts'],
    fixes: [
      copy({ en: 'Pull it yourself', nl: 'Zelf ophalen' }, 'docker pull {image}', ['image']),
      healthDocs('DOCKER_PULL_ERROR'),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'helm.version-too-old', seed: 'check-health', section: DOCKER, layer: LAYER.tooling + 4, checkHealthCode: 'HELM_VERSION_ERROR',
    title: { en: 'Helm is missing or older than 2.11', nl: 'Helm ontbreekt of is ouder dan 2.11' },
    explanation: {
      en: 'az acr helm commands need the Helm client, version 2.11.0 or later. It is not installed or too old. (Only matters for Helm charts; Helm 3 pushes charts as OCI artifacts with helm registry login.)',
      nl: 'De opdrachten az acr helm hebben de Helm-client nodig, versie 2.11.0 of hoger. Die is niet geïnstalleerd of te oud. (Alleen van belang voor Helm-grafieken; Helm 3 pusht grafieken als OCI-artefacten met helm registry login.)',
    },
    symptoms: ['helm_command_error', 'helm_version_error', 'helm: command not found'],
    fixes: [
      docs({ en: 'Install Helm', nl: 'Helm installeren' }, 'https://helm.sh/docs/intro/install/'),
      healthDocs('HELM_VERSION_ERROR'),
    ],
  }),

  // ---------------------------------------------------------------- registry name
  cause({
    id: 'name.upper-case', section: NAME, layer: LAYER.name + 0,
    title: { en: 'The login server has upper-case letters', nl: 'De aanmeldingsserver bevat hoofdletters' },
    explanation: {
      en: 'When you use docker login, specify the registry\'s fully qualified login server name, for example myregistry.azurecr.io. Make sure you use only lower-case letters: image references with upper-case registry names are invalid for Docker.',
      nl: 'Wanneer u docker login gebruikt, geeft u de volledige naam van de aanmeldingsserver van het register op, bijvoorbeeld myregistry.azurecr.io. Zorg ervoor dat u alleen kleine letters gebruikt: verwijzingen met een registernaam in hoofdletters zijn voor Docker ongeldig.',
    },
    symptoms: ['invalid reference format: repository name must be lowercase', 'repository name must be lowercase'],
    fixes: [
      copy({ en: 'Log in with the lower-case login server', nl: 'Aanmelden met de aanmeldingsserver in kleine letters' }, 'docker login {loginServer}'),
      sectionDocs(NAME),
    ],
  }),
  cause({
    id: 'name.missing-suffix', section: NAME, layer: LAYER.name + 1,
    title: { en: 'The domain suffix of the login server is missing', nl: 'Het domeinachtervoegsel van de aanmeldingsserver ontbreekt' },
    explanation: {
      en: 'docker login, image references (FROM, image:, docker pull) and Docker\'s stored logins need the full login server name (myregistry.azurecr.io): without the suffix, docker takes myregistry/app for a Docker Hub repository. az acr login --name takes the registry\'s resource name instead: the name given when the registry was created, such as myregistry, without a domain suffix.',
      nl: 'docker login, verwijzingen naar images (FROM, image:, docker pull) en de opgeslagen aanmeldingen van Docker hebben de volledige naam van de aanmeldingsserver nodig (myregistry.azurecr.io): zonder achtervoegsel leest docker myregistry/app als een opslagplaats op Docker Hub. az acr login --name neemt juist de resourcenaam van het register: de naam die is opgegeven toen het register werd gemaakt, zoals myregistry (zonder domeinachtervoegsel).',
    },
    symptoms: ['dial tcp: lookup', 'pull access denied for', 'repository does not exist or may require \'docker login\''],
    fixes: [
      copy({ en: 'Log in with the full login server', nl: 'Aanmelden met de volledige aanmeldingsserver' }, 'docker login {loginServer}'),
      copy({ en: 'Or log in through the Azure CLI with the resource name', nl: 'Of aanmelden via de Azure CLI met de resourcenaam' }, 'az acr login --name {registry}'),
      sectionDocs(NAME),
    ],
  }),
  cause({
    id: 'name.wrong-cloud-suffix', section: NAME, layer: LAYER.name + 2,
    title: { en: 'The login server has another cloud\'s suffix', nl: 'De aanmeldingsserver heeft het achtervoegsel van een andere cloud' },
    explanation: {
      en: 'Registries get the domain suffix of their Azure cloud: .azurecr.io (global), .azurecr.cn (Azure China), .azurecr.us (Azure Government). The name was given with the suffix of another cloud than the one the registry lives in.',
      nl: 'Registers krijgen het domeinachtervoegsel van hun Azure-cloud: .azurecr.io (wereldwijd), .azurecr.cn (Azure China), .azurecr.us (Azure Government). De naam is opgegeven met het achtervoegsel van een andere cloud dan die van het register.',
    },
    symptoms: ['no such host', 'dial tcp: lookup'],
    fixes: [
      copy({ en: 'Log in with the right login server', nl: 'Aanmelden met de juiste aanmeldingsserver' }, 'docker login {suggestedLoginServer}', ['suggestedLoginServer']),
      copy({ en: 'Select the registry\'s cloud in the Azure CLI', nl: 'De cloud van het register kiezen in de Azure CLI' }, 'az cloud set --name {cloudName}', ['cloudName']),
      sectionDocs(NAME),
    ],
  }),
  cause({
    id: 'name.resource-name-vs-login-server', section: NAME, layer: LAYER.name + 3,
    title: { en: 'Resource name and login server are mixed up', nl: 'Resourcenaam en aanmeldingsserver zijn verwisseld' },
    explanation: {
      en: 'docker login takes the login server (myregistry.azurecr.io, no https:// or path); az acr login --name takes the resource name (myregistry). The registry was named the other way round, or its login server differs from the resource name.',
      nl: 'docker login neemt de aanmeldingsserver (myregistry.azurecr.io, zonder https:// of pad); az acr login --name neemt de resourcenaam (myregistry). Het register is andersom opgegeven, of de aanmeldingsserver wijkt af van de resourcenaam.',
    },
    symptoms: ['the login server endpoint suffix', 'is not a valid registry name', 'invalid reference format'],
    fixes: [
      copy({ en: 'Log in with the login server', nl: 'Aanmelden met de aanmeldingsserver' }, 'docker login {suggestedLoginServer}', ['suggestedLoginServer']),
      copy({ en: 'Log in through the Azure CLI with the resource name', nl: 'Aanmelden via de Azure CLI met de resourcenaam' }, 'az acr login --name {registry}'),
      sectionDocs(NAME),
    ],
  }),
  cause({
    id: 'name.registry-not-found', section: NAME, layer: LAYER.name + 4, checkHealthCode: 'LOGIN_SERVER_ERROR',
    title: { en: 'The registry does not exist or the name is wrong', nl: 'Het register bestaat niet of de naam is onjuist' },
    explanation: {
      en: 'No registry with this name is visible to the signed-in account in any subscription: a typo, a deleted registry, or a registry in another tenant or subscription.',
      nl: 'Het register bestaat niet of de naam is onjuist: geen register met deze naam is zichtbaar voor het aangemelde account in een abonnement. Een typefout, een verwijderd register of een register in een andere tenant of ander abonnement.',
    },
    symptoms: ['could not connect to the registry login server', 'the resource with name', 'was not found', 'login_server_error', 'registry not found'],
    fixes: [
      copy({ en: 'List the registries you can see', nl: 'De registers tonen die u kunt zien' }, 'az acr list --query "[].{name:name, loginServer:loginServer}" --output table'),
      copy({ en: 'Use the registry that is there', nl: 'Het register gebruiken dat er wel is' }, 'docker login {suggestedLoginServer}', ['suggestedLoginServer']),
      healthDocs('LOGIN_SERVER_ERROR'),
      sectionDocs(NAME),
    ],
  }),

  // ---------------------------------------------------------------- credentials
  cause({
    id: 'credentials.invalid', section: CRED, layer: LAYER.credentials + 0,
    title: { en: 'The registry credentials are not valid', nl: 'De registerreferenties zijn niet geldig' },
    explanation: {
      en: 'The registry refuses the user name and password (or token) it was given. Check the credentials you use for your scenario, or that a registry owner gave you.',
      nl: 'Het register weigert de gebruikersnaam en het wachtwoord (of token) die het kreeg. Controleer de geldigheid van de referenties die u gebruikt voor uw scenario of die aan u zijn geleverd door een eigenaar van het register.',
    },
    symptoms: [S_AUTH_REQUIRED, 'incorrect username or password', 'unauthorized', 'login attempt to https://', 'authentication required'],
    fixes: [
      copy({ en: 'Log in again', nl: 'Opnieuw aanmelden' }, 'docker login {loginServer}'),
      copy({ en: 'Or log in with your Microsoft Entra identity', nl: 'Of aanmelden met uw Microsoft Entra-identiteit' }, 'az acr login --name {registry}'),
      loginEventsQuery,
      docs({ en: 'Authentication options', nl: 'Verificatieoverzicht' }, 'container-registry-authentication'),
      sectionDocs(CRED),
    ],
  }),
  cause({
    id: 'credentials.service-principal-invalid', section: CRED, layer: LAYER.credentials + 1,
    title: { en: 'The service principal\'s credentials are wrong', nl: 'De referenties van de service-principal zijn onjuist' },
    explanation: {
      en: 'If you use a Microsoft Entra service principal, use the right credentials in the right tenant: user name = the service principal application ID (also called client ID); password = the service principal password (also called client secret).',
      nl: 'Als u een Active Directory-service-principal gebruikt, moet u de juiste referenties in de juiste tenant gebruiken: gebruikersnaam = de toepassings-ID van de service-principal (ook wel client-id genoemd); wachtwoord = het wachtwoord van de service-principal (ook wel clientgeheim genoemd).',
    },
    symptoms: ['aadsts7000215', 'aadsts700016', 'invalid client secret', S_NOT_REGISTERED, 'application with identifier'],
    fixes: [
      copy({ en: 'Log in with the application (client) ID and secret', nl: 'Aanmelden met de toepassings-ID (client-id) en het geheim' }, 'docker login {loginServer} --username {clientId} --password-stdin', ['clientId']),
      copy({ en: 'Reset the service principal\'s secret', nl: 'Het geheim van de service-principal opnieuw instellen' }, 'az ad sp credential reset --id {clientId}', ['clientId']),
      docs({ en: 'Log in with a service principal', nl: 'Aanmelden met service-principal' }, 'container-registry-auth-service-principal'),
      sectionDocs(CRED),
    ],
  }),
  cause({
    id: 'credentials.exposed-token-username', section: CRED, layer: LAYER.credentials + 2,
    title: { en: 'A token from --expose-token is used with the wrong user name', nl: 'Een token van --expose-token wordt met de verkeerde gebruikersnaam gebruikt' },
    explanation: {
      en: 'If you ran az acr login --expose-token, which logs in without the Docker daemon, you must authenticate with the user name 00000000-0000-0000-0000-000000000000 and the token as password.',
      nl: 'Als u az acr login hebt uitgevoerd met de optie --expose-token, waarbij u zich aanmeldt zonder de Docker-daemon te gebruiken, moet u verifiëren met de gebruikersnaam 00000000-0000-0000-0000-000000000000 en het token als wachtwoord.',
    },
    symptoms: [S_AUTH_REQUIRED, '00000000-0000-0000-0000-000000000000', 'expose-token'],
    fixes: [
      copy({ en: 'Log in with the token and the right user name', nl: 'Aanmelden met het token en de juiste gebruikersnaam' },
        'TOKEN=$(az acr login --name {registry} --expose-token --output tsv --query accessToken) && docker login {loginServer} --username 00000000-0000-0000-0000-000000000000 --password-stdin <<< $TOKEN'),
      docs({ en: 'az acr login reference', nl: 'Naslaginformatie az acr login' }, 'container-registry-authentication', ''),
      sectionDocs(CRED),
    ],
  }),
  cause({
    id: 'credentials.admin-user-disabled', section: CRED, layer: LAYER.credentials + 3,
    title: { en: 'The admin account is disabled', nl: 'Het beheerdersaccount is uitgeschakeld' },
    explanation: {
      en: 'The user name and password are those of the registry\'s admin account, but the admin user is disabled on this registry, so the registry refuses them. Prefer individual Microsoft Entra identities or tokens; enable the admin user only for single-user scenarios.',
      nl: 'De gebruikersnaam en het wachtwoord horen bij het beheerdersaccount van het register, maar de beheerder is voor dit register uitgeschakeld, dus het register weigert ze. Gebruik liever afzonderlijke Microsoft Entra-identiteiten of tokens; schakel het beheerdersaccount alleen in voor scenario\'s met één gebruiker.',
    },
    symptoms: [S_AUTH_REQUIRED, 'admin user is disabled', 'admin account'],
    fixes: [
      azure({ en: 'Enable the admin user', nl: 'Het beheerdersaccount inschakelen' }, 'registry.enableAdminUser', 'az acr update --name {registry} --admin-enabled true'),
      copy({ en: 'Show the admin credentials', nl: 'De beheerdersreferenties tonen' }, 'az acr credential show --name {registry}'),
      docs({ en: 'Admin account', nl: 'Aanmelden met beheerdersaccount' }, 'container-registry-authentication', ''),
      sectionDocs(CRED),
    ],
  }),
  cause({
    id: 'credentials.stale-docker-credential', section: CRED, layer: LAYER.credentials + 4,
    title: { en: 'The stored login is an old credential the registry refuses', nl: 'De opgeslagen aanmelding is een oude referentie die het register weigert' },
    explanation: {
      en: 'An earlier docker login (or nerdctl login, which keeps its logins in the same config.json) stored a credential for this registry (in config.json or a credential store) that no longer works: a rotated password, a deleted token, an old refresh token. The client sends it with every push and pull.',
      nl: 'Een eerdere docker login (of nerdctl login, dat zijn aanmeldingen in dezelfde config.json bewaart) heeft voor dit register een referentie opgeslagen (in config.json of een referentiearchief) die niet meer werkt: een gewijzigd wachtwoord, een verwijderd token, een oud vernieuwingstoken. De client stuurt die mee bij elke push en pull.',
    },
    symptoms: [S_AUTH_REQUIRED, 'error response from daemon: get https://', 'unauthorized'],
    fixes: [
      ...LOGOUT_FIXES,
      copy({ en: 'Then log in again', nl: 'Daarna opnieuw aanmelden' }, 'az acr login --name {registry}', ['clientDocker']),
      copy({ en: 'Then log in again with an Entra token', nl: 'Daarna opnieuw aanmelden met een Entra-token' }, 'az acr login --name {registry} --expose-token --output tsv --query accessToken | {clientTokenLogin} login {loginServer} --username 00000000-0000-0000-0000-000000000000 --password-stdin', ['clientTokenLogin']),
      sectionDocs(CRED),
    ],
  }),
  cause({
    id: 'credentials.anonymous-pull-blocked', section: CRED, layer: LAYER.credentials + 5,
    title: { en: 'A stored login blocks anonymous pull', nl: 'Een opgeslagen aanmelding verhindert anonieme pull' },
    explanation: {
      en: 'The registry allows anonymous pull, but existing Docker credentials stored from an earlier docker login are sent instead, and the registry refuses them. Run docker logout before you attempt an anonymous pull. With podman or nerdctl the stored login is theirs, and so is the logout (podman logout, nerdctl logout).',
      nl: 'Uw register is geconfigureerd voor anonieme pull-toegang, maar bestaande Docker-referenties die zijn opgeslagen van een eerdere docker login worden in plaats daarvan meegestuurd en het register weigert ze. Voer docker logout uit voordat u een anonieme pull-bewerking in het register probeert uit te voeren. Met podman of nerdctl is de opgeslagen aanmelding van hen, en het afmelden ook (podman logout, nerdctl logout).',
    },
    symptoms: [S_AUTH_REQUIRED, 'anonymous', 'head "https://'],
    fixes: [
      ...LOGOUT_FIXES,
      docs({ en: 'Anonymous pull access', nl: 'Anonieme pull-toegang' }, 'container-registry-authentication', ''),
      sectionDocs(CRED),
    ],
  }),
  cause({
    id: 'credentials.anonymous-pull-disabled', section: CRED, layer: LAYER.credentials + 5,
    title: { en: 'No credential, and the registry does not allow anonymous pull', nl: 'Geen referentie, en het register staat geen anonieme pull toe' },
    explanation: {
      en: 'The client has no credential for this registry (no docker, podman or nerdctl login, no Azure sign-in, none given) and the registry does not allow anonymous pull, so the pull is refused with "unauthorized: authentication required". Log in first, or enable anonymous pull on the registry (Standard and Premium SKUs).',
      nl: 'De client heeft geen referentie voor dit register (geen docker-, podman- of nerdctl-login, geen Azure-aanmelding, niets opgegeven) en het register staat geen anonieme pull toe, dus de pull wordt geweigerd met "unauthorized: authentication required". Meld u eerst aan, of schakel anonieme pull-toegang in voor het register (SKU\'s Standard en Premium).',
    },
    symptoms: [S_AUTH_REQUIRED],
    fixes: [
      copy({ en: 'Log in to the registry', nl: 'Aanmelden bij het register' }, 'az acr login --name {registry}'),
      copy({ en: 'Or enable anonymous pull (Standard and Premium)', nl: 'Of anonieme pull-toegang inschakelen (Standard en Premium)' }, 'az acr update --name {registry} --anonymous-pull-enabled'),
      docs({ en: 'Anonymous pull access', nl: 'Anonieme pull-toegang' }, 'container-registry-faq', 'how-do-i-enable-anonymous-pull-access'),
      sectionDocs(CRED),
    ],
  }),
  cause({
    id: 'credentials.aad-exchange-failed', section: CRED, layer: LAYER.credentials + 6, checkHealthCode: 'CONNECTIVITY_REFRESH_TOKEN_ERROR',
    title: { en: 'The registry does not accept the Microsoft Entra token', nl: 'Het register accepteert het Microsoft Entra-token niet' },
    explanation: {
      en: 'The individual login with Microsoft Entra ID fails at the exchange: the registry\'s /oauth2/exchange endpoint does not turn the Entra access token into a registry refresh token. The identity may be from another tenant, not registered with the registry\'s directory, or the registry\'s token service is failing.',
      nl: 'De afzonderlijke aanmelding met Microsoft Entra ID mislukt bij de uitwisseling: het eindpunt /oauth2/exchange van het register zet het Entra-toegangstoken niet om in een vernieuwingstoken voor het register. De identiteit kan uit een andere tenant komen, niet bij de directory van het register zijn geregistreerd, of de tokenservice van het register faalt.',
    },
    symptoms: [S_NOT_REGISTERED, 'connectivity_refresh_token_error', 'unable to get aad authorization tokens', 'refresh token'],
    fixes: [
      copy({ en: 'Sign in to the registry\'s tenant and retry', nl: 'Aanmelden bij de tenant van het register en opnieuw proberen' }, 'az login --tenant {tenantId} && az acr login --name {registry}', ['tenantId']),
      healthDocs('CONNECTIVITY_REFRESH_TOKEN_ERROR'),
      docs({ en: 'Individual login with Microsoft Entra ID', nl: 'Afzonderlijke aanmelding met Azure AD' }, 'container-registry-authentication', ''),
      sectionDocs(CRED),
    ],
  }),
  cause({
    id: 'credentials.access-token-failed', section: CRED, layer: LAYER.credentials + 7, checkHealthCode: 'CONNECTIVITY_ACCESS_TOKEN_ERROR',
    title: { en: 'The registry issues no access token', nl: 'Het register geeft geen toegangstoken uit' },
    explanation: {
      en: 'The registry accepted the login (refresh token) but its /oauth2/token endpoint does not issue an access token for the requested repository scope.',
      nl: 'Het register heeft de aanmelding (vernieuwingstoken) geaccepteerd, maar het eindpunt /oauth2/token geeft geen toegangstoken uit voor het gevraagde bereik van de opslagplaats.',
    },
    symptoms: ['connectivity_access_token_error', 'unable to get admin user credentials', 'access token'],
    fixes: [
      copy({ en: 'Log in again', nl: 'Opnieuw aanmelden' }, 'az acr login --name {registry}'),
      healthDocs('CONNECTIVITY_ACCESS_TOKEN_ERROR'),
      sectionDocs(CRED),
    ],
  }),
  cause({
    id: 'credentials.aad-audience-rejected', section: CRED, layer: LAYER.credentials + 8,
    title: { en: 'The registry refuses Azure Resource Manager tokens', nl: 'Het register weigert Azure Resource Manager-tokens' },
    explanation: {
      en: 'The registry\'s policy azureADAuthenticationAsArmPolicy is disabled: it only accepts Microsoft Entra tokens issued for the audience https://containerregistry.azure.net, not tokens for Azure Resource Manager. Tools that log in with an ARM token fail; recent az acr login asks for the right audience.',
      nl: 'Het beleid azureADAuthenticationAsArmPolicy van het register is uitgeschakeld: het accepteert alleen Microsoft Entra-tokens voor de doelgroep https://containerregistry.azure.net, geen tokens voor Azure Resource Manager. Hulpprogramma\'s die zich met een ARM-token aanmelden mislukken; een recente az acr login vraagt de juiste doelgroep aan.',
    },
    symptoms: [S_NOT_REGISTERED, 'audience', 'aadauthenticationasarmpolicy'],
    fixes: [
      azure({ en: 'Accept ARM-audience tokens again', nl: 'ARM-tokens weer accepteren' }, 'registry.enableArmAudience', 'az acr config authentication-as-arm update --registry {registry} --status enabled'),
      copy({ en: 'Or request a token for the registry audience', nl: 'Of een token voor de doelgroep van het register aanvragen' }, 'az account get-access-token --scope https://containerregistry.azure.net/.default'),
      docs({ en: 'Authentication options', nl: 'Verificatieoverzicht' }, 'container-registry-authentication'),
      sectionDocs(CRED),
    ],
  }),
  cause({
    id: 'credentials.azure-service-config', section: CRED, layer: LAYER.credentials + 9,
    title: { en: 'An Azure service\'s registry configuration is wrong', nl: 'De registerconfiguratie van een Azure-service is onjuist' },
    explanation: {
      en: 'If you use an Azure service such as Azure Kubernetes Service or Azure DevOps to access the registry, confirm the registry configuration for your service: which identity it uses and that the identity exists.',
      nl: 'Als u een Azure-service gebruikt, zoals Azure Kubernetes Service of Azure DevOps, voor toegang tot het register, bevestigt u de registerconfiguratie voor uw service: welke identiteit die gebruikt en dat die identiteit bestaat.',
    },
    symptoms: ['failed to pull image', 'errimagepull', 'imagepullbackoff', 'az aks check-acr'],
    fixes: [
      copy({ en: 'Check the cluster\'s access to the registry', nl: 'De toegang van het cluster tot het register controleren' }, 'az aks check-acr --name {cluster} --resource-group {clusterResourceGroup} --acr {loginServer}', ['cluster', 'clusterResourceGroup']),
      docs({ en: 'Log in with a managed identity', nl: 'Aanmelden met beheerde identiteit' }, 'container-registry-authentication-managed-identity'),
      sectionDocs(CRED),
    ],
  }),

  // ---------------------------------------------------------------- authorisation
  cause({
    id: 'authz.missing-acrpull', section: AUTHZ, layer: LAYER.authorization + 2,
    title: { en: 'The identity may not pull (AcrPull missing)', nl: 'De identiteit mag niet ophalen (AcrPull ontbreekt)' },
    explanation: {
      en: 'Confirm the registry permissions associated with the credentials, such as the AcrPull Azure role to pull images from the registry. The identity authenticates, but holds no role that allows pull on this registry, neither itself nor through an Entra group it is a member of. You or a registry owner must have sufficient privileges in the subscription to add role assignments.',
      nl: 'Bevestig de registermachtigingen die zijn gekoppeld aan de referenties, zoals de Azure-rol AcrPull voor het ophalen van installatiekopieën uit het register. De identiteit is geverifieerd, maar heeft geen rol die ophalen uit dit register toestaat, zelf niet en ook niet via een Entra-groep waarvan ze lid is. U of een registereigenaar moet voldoende bevoegdheden in het abonnement hebben om roltoewijzingen toe te voegen.',
    },
    symptoms: [S_DENIED, 'insufficient_scope', 'unauthorized: authentication required', 'pull access denied'],
    fixes: [
      azure({ en: 'Grant AcrPull on the registry', nl: 'AcrPull toekennen op het register' }, 'roleAssignment.create',
        'az role assignment create --assignee {principalId} --role AcrPull --scope {registryId}', ['principalId', 'registryId']),
      docs({ en: 'Azure roles and permissions for Azure Container Registry', nl: 'Azure-rollen en -machtigingen voor Azure Container Registry' }, 'container-registry-roles'),
      sectionDocs(AUTHZ),
    ],
  }),
  cause({
    id: 'authz.missing-acrpush', section: AUTHZ, layer: LAYER.authorization + 3,
    title: { en: 'The identity may not push (AcrPush missing)', nl: 'De identiteit mag niet pushen (AcrPush ontbreekt)' },
    explanation: {
      en: 'Pushing images needs the AcrPush role (or Contributor/Owner). The identity can pull but holds no role that allows push on this registry.',
      nl: 'Voor het pushen van installatiekopieën is de rol AcrPush nodig (of Inzender/Eigenaar). De identiteit kan ophalen, maar heeft geen rol die pushen naar dit register toestaat.',
    },
    symptoms: [S_DENIED, 'insufficient_scope'],
    fixes: [
      azure({ en: 'Grant AcrPush on the registry', nl: 'AcrPush toekennen op het register' }, 'roleAssignment.create',
        'az role assignment create --assignee {principalId} --role AcrPush --scope {registryId}', ['principalId', 'registryId']),
      docs({ en: 'Azure roles and permissions for Azure Container Registry', nl: 'Azure-rollen en -machtigingen voor Azure Container Registry' }, 'container-registry-roles'),
      sectionDocs(AUTHZ),
    ],
  }),
  cause({
    id: 'authz.missing-reader', section: AUTHZ, layer: LAYER.authorization + 1,
    title: { en: 'The identity cannot read the registry in Azure (Reader missing)', nl: 'De identiteit kan het register niet lezen in Azure (Lezer ontbreekt)' },
    explanation: {
      en: 'Accessing a registry in the portal or managing it with the Azure CLI (including az acr login --name) requires at least the Reader role or equivalent permissions to perform Azure Resource Manager operations. If permissions changed recently, try an incognito or private browser session to avoid a stale cache or cookies. ACR Doctor reads the identity\'s role assignments (its own and its groups\') where Azure lets it; otherwise it concludes this from the registry answering while Azure does not list it.',
      nl: 'Toegang tot een register in de portal of registerbeheer met de Azure CLI (ook az acr login --name) vereist ten minste de rol Lezer of gelijkwaardige machtigingen om Azure Resource Manager-bewerkingen uit te voeren. Als uw machtigingen recent zijn gewijzigd, probeer dan een incognito- of privésessie in uw browser om een verouderde browsercache of cookies te voorkomen. ACR Doctor leest de roltoewijzingen van de identiteit (eigen en via groepen) waar Azure dat toestaat; anders leidt het dit af uit een register dat antwoordt terwijl Azure het niet toont.',
    },
    symptoms: ['authorizationfailed', 'does not have authorization to perform action', 'microsoft.containerregistry/registries/read', 'the resource with name'],
    fixes: [
      azure({ en: 'Grant Reader on the registry', nl: 'Lezer toekennen op het register' }, 'roleAssignment.create',
        'az role assignment create --assignee {principalId} --role Reader --scope {registryId}', ['principalId', 'registryId']),
      docs({ en: 'Azure roles and permissions for Azure Container Registry', nl: 'Azure-rollen en -machtigingen voor Azure Container Registry' }, 'container-registry-roles'),
      sectionDocs(AUTHZ),
    ],
  }),
  cause({
    id: 'authz.abac-repository-permissions', section: AUTHZ, layer: LAYER.authorization + 0,
    title: { en: 'The registry uses repository permissions (ABAC): AcrPull/AcrPush do not count', nl: 'Het register gebruikt opslagplaatsmachtigingen (ABAC): AcrPull/AcrPush tellen niet' },
    explanation: {
      en: 'The registry\'s role assignment mode is "RBAC Registry + ABAC Repository Permissions" (AbacRepositoryPermissions). In this mode AcrPull, AcrPush and AcrDelete are not honoured; the identity needs a Container Registry Repository role (Reader, Writer or Contributor), optionally limited to repositories by an ABAC condition.',
      nl: 'De modus voor roltoewijzingen van het register is "RBAC Registry + ABAC Repository Permissions" (AbacRepositoryPermissions). In deze modus worden AcrPull, AcrPush en AcrDelete niet gehonoreerd; de identiteit heeft een Container Registry Repository-rol nodig (Reader, Writer of Contributor), eventueel via een ABAC-voorwaarde beperkt tot opslagplaatsen.',
    },
    symptoms: [S_DENIED, 'abacrepositorypermissions', 'insufficient_scope'],
    fixes: [
      azure({ en: 'Grant Container Registry Repository Reader', nl: 'Container Registry Repository Reader toekennen' }, 'roleAssignment.create',
        'az role assignment create --assignee {principalId} --role "Container Registry Repository Reader" --scope {registryId}', ['principalId', 'registryId']),
      azure({ en: 'Grant Container Registry Repository Writer (push)', nl: 'Container Registry Repository Writer toekennen (pushen)' }, 'roleAssignment.create',
        'az role assignment create --assignee {principalId} --role "Container Registry Repository Writer" --scope {registryId}', ['principalId', 'registryId']),
      docs({ en: 'Azure roles and permissions for Azure Container Registry', nl: 'Azure-rollen en -machtigingen voor Azure Container Registry' }, 'container-registry-roles'),
      sectionDocs(AUTHZ),
    ],
  }),
  cause({
    id: 'authz.token-scope-missing-action', section: AUTHZ, layer: LAYER.authorization + 4,
    title: { en: 'The token\'s scope map does not allow this action', nl: 'De bereiktoewijzing van het token staat deze actie niet toe' },
    explanation: {
      en: 'The registry grants the credential a token, but its access claim does not list the action (pull or push) on this repository: a repository-scoped token whose scope map lacks the repository or the action.',
      nl: 'Het register geeft de referentie een token, maar de access-claim daarvan noemt de actie (pull of push) op deze opslagplaats niet: een token met opslagplaatsbereik waarvan de bereiktoewijzing de opslagplaats of de actie mist.',
    },
    symptoms: [S_DENIED, 'insufficient_scope', 'requested access to the resource is denied'],
    fixes: [
      copy({ en: 'Add the repository and action to the scope map', nl: 'De opslagplaats en actie toevoegen aan de bereiktoewijzing' },
        'az acr scope-map update --name {scopeMap} --registry {registry} --add-repository {repository} content/read content/write', ['scopeMap', 'repository']),
      docs({ en: 'Log in with a repository-scoped token', nl: 'Aanmelden met een token uit de opslagplaats' }, 'container-registry-repository-scoped-permissions'),
      sectionDocs(AUTHZ),
    ],
  }),
  cause({
    id: 'authz.role-propagation-pending', section: AUTHZ, layer: LAYER.authorization - 1,
    title: { en: 'A new role assignment is not effective yet', nl: 'Een nieuwe roltoewijzing is nog niet van kracht' },
    explanation: {
      en: 'The identity was given a role on the registry less than 10 minutes ago. Role assignments can take up to about 10 minutes to apply; until then the registry still refuses. Wait and try again.',
      nl: 'De identiteit heeft minder dan 10 minuten geleden een rol op het register gekregen. Het kan tot ongeveer 10 minuten duren voordat roltoewijzingen van kracht worden; tot dan weigert het register nog. Wacht en probeer het opnieuw.',
    },
    symptoms: [S_DENIED, S_AUTH_REQUIRED],
    fixes: [
      copy({ en: 'List the identity\'s role assignments on the registry', nl: 'De roltoewijzingen van de identiteit op het register tonen' },
        'az role assignment list --assignee {principalId} --scope {registryId} --include-inherited --output table', ['principalId', 'registryId']),
      sectionDocs(AUTHZ),
    ],
  }),
  cause({
    id: 'authz.aks-kubelet-missing-acrpull', section: AUTHZ, layer: LAYER.authorization + 5,
    title: { en: 'An AKS cluster\'s kubelet identity may not pull', nl: 'De kubelet-identiteit van een AKS-cluster mag niet ophalen' },
    explanation: {
      en: 'Nodes of an Azure Kubernetes Service cluster pull images with the cluster\'s kubelet identity. That identity holds no AcrPull role on the registry, so pods fail with ErrImagePull / ImagePullBackOff. Attaching the registry to the cluster grants it.',
      nl: 'Knooppunten van een Azure Kubernetes Service-cluster halen installatiekopieën op met de kubelet-identiteit van het cluster. Die identiteit heeft geen AcrPull-rol op het register, dus pods mislukken met ErrImagePull / ImagePullBackOff. Door het register aan het cluster te koppelen wordt die rol toegekend.',
    },
    symptoms: ['errimagepull', 'imagepullbackoff', 'failed to pull image', '401 unauthorized'],
    fixes: [
      azure({ en: 'Attach the registry to the cluster', nl: 'Het register aan het cluster koppelen' }, 'aks.attachAcr',
        'az aks update --name {cluster} --resource-group {clusterResourceGroup} --attach-acr {registryId}', ['cluster', 'clusterResourceGroup', 'registryId']),
      copy({ en: 'Check the cluster\'s access to the registry', nl: 'De toegang van het cluster tot het register controleren' }, 'az aks check-acr --name {cluster} --resource-group {clusterResourceGroup} --acr {loginServer}', ['cluster', 'clusterResourceGroup']),
      sectionDocs(AUTHZ),
    ],
  }),

  // ---------------------------------------------------------------- expiry
  cause({
    id: 'expiry.aad-token-expired', section: EXPIRY, layer: LAYER.expiry + 0,
    title: { en: 'The registry token has expired (3 hours)', nl: 'Het registertoken is verlopen (3 uur)' },
    explanation: {
      en: 'If you log in to the registry with an individual Microsoft Entra identity, a managed identity or a service principal, the token expires after 3 hours. Log in to the registry again.',
      nl: 'Als u een afzonderlijke AD-identiteit, een beheerde identiteit of een service-principal gebruikt voor aanmelding bij een register, verloopt het token na 3 uur. Meld u opnieuw aan bij het register.',
    },
    symptoms: [S_AUTH_REQUIRED, 'token has expired', 'expired', 'aadsts700082', 'aadsts50173', 'aadsts50133'],
    fixes: [
      copy({ en: 'Log in again', nl: 'Opnieuw aanmelden' }, 'az acr login --name {registry}'),
      copy({ en: 'When the Azure sign-in itself expired: sign in to Azure again, then to the registry', nl: 'Als de Azure-aanmelding zelf is verlopen: opnieuw aanmelden bij Azure en daarna bij het register' }, 'az login && az acr login --name {registry}'),
      docs({ en: 'Individual login with Microsoft Entra ID', nl: 'Afzonderlijke aanmelding met Azure AD' }, 'container-registry-authentication'),
      sectionDocs(EXPIRY),
    ],
  }),
  cause({
    id: 'expiry.service-principal-secret', section: EXPIRY, layer: LAYER.expiry + 1,
    title: { en: 'The service principal\'s client secret has expired', nl: 'Het clientgeheim van de service-principal is verlopen' },
    explanation: {
      en: 'If you use a service principal with an expired client secret, a subscription owner or account administrator needs to reset the credentials or generate a new service principal.',
      nl: 'Als u een AD-service-principal gebruikt met een verlopen clientgeheim, moet een eigenaar van het abonnement of een accountbeheerder de referenties opnieuw instellen of een nieuwe service-principal genereren.',
    },
    symptoms: ['aadsts7000222', 'client secret keys for app', 'are expired', S_AUTH_REQUIRED],
    fixes: [
      copy({ en: 'Reset the service principal\'s credentials', nl: 'De referenties van de service-principal opnieuw instellen' }, 'az ad sp credential reset --id {clientId}', ['clientId']),
      docs({ en: 'Reset service principal credentials', nl: 'De referenties van de service-principal opnieuw instellen' }, 'container-registry-auth-service-principal'),
      sectionDocs(EXPIRY),
    ],
  }),
  cause({
    id: 'expiry.repository-token-password', section: EXPIRY, layer: LAYER.expiry + 2,
    title: { en: 'The repository-scoped token\'s password has expired', nl: 'Het wachtwoord van het token met opslagplaatsbereik is verlopen' },
    explanation: {
      en: 'If you use a repository-scoped token, the registry owner might need to reset a password or generate a new token: the password\'s expiry date has passed.',
      nl: 'Als u een token met opslagplaatsbereik gebruikt, moet de eigenaar van het register mogelijk een wachtwoord opnieuw instellen of een nieuw token genereren: de vervaldatum van het wachtwoord is verstreken.',
    },
    symptoms: [S_AUTH_REQUIRED, 'token password', 'expired'],
    fixes: [
      copy({ en: 'Generate a new password for the token', nl: 'Een nieuw wachtwoord voor het token genereren' }, 'az acr token credential generate --name {tokenName} --registry {registry} --password1 --expiration-in-days 30', ['tokenName']),
      docs({ en: 'Regenerate token passwords', nl: 'Tokenwachtwoorden opnieuw genereren' }, 'container-registry-repository-scoped-permissions'),
      sectionDocs(EXPIRY),
    ],
  }),
  cause({
    id: 'expiry.repository-token-disabled', section: EXPIRY, layer: LAYER.expiry + 3,
    title: { en: 'The repository-scoped token is disabled', nl: 'Het token met opslagplaatsbereik is uitgeschakeld' },
    explanation: {
      en: 'The repository-scoped token exists but its status is disabled, so the registry refuses its passwords. The registry owner can enable it again or generate a new token.',
      nl: 'Het token met opslagplaatsbereik bestaat, maar de status is uitgeschakeld, dus het register weigert de wachtwoorden ervan. De eigenaar van het register kan het weer inschakelen of een nieuw token genereren.',
    },
    symptoms: [S_AUTH_REQUIRED, 'token is disabled'],
    fixes: [
      azure({ en: 'Enable the token', nl: 'Het token inschakelen' }, 'registry.enableToken', 'az acr token update --name {tokenName} --registry {registry} --status enabled', ['tokenName']),
      docs({ en: 'Repository-scoped tokens', nl: 'Aanmelden met een token uit de opslagplaats' }, 'container-registry-repository-scoped-permissions'),
      sectionDocs(EXPIRY),
    ],
  }),

  // ---------------------------------------------------------------- advanced
  cause({
    id: 'advanced.login-events-log', section: ADV, layer: LAYER.advanced,
    title: { en: 'The registry\'s login log shows failed logins', nl: 'Het aanmeldingslogboek van het register toont mislukte aanmeldingen' },
    explanation: {
      en: 'Resource log collection is enabled for the registry. The ContainerRegistryLoginEvents log stores authentication events and status, including the incoming identity and IP address. Query it for registry authentication failures.',
      nl: 'Het verzamelen van resourcelogboeken is ingeschakeld in het register. Het logboek ContainerRegistryLoginEvents slaat verificatiegebeurtenissen en de status op, met inbegrip van de binnenkomende identiteit en het IP-adres. Zoek in het logboek naar verificatiefouten van het register.',
    },
    symptoms: ['containerregistryloginevents', 'containterregistryloginevents'],
    fixes: [
      loginEventsQuery,
      docs({ en: 'Registry authentication failures', nl: 'Verificatiefouten van het register' }, 'container-registry-diagnostics-audit-logs', 'registry-authentication-failures'),
      sectionDocs(ADV),
    ],
  }),
];
