// Client-side causes: the container tooling people really have (Docker Desktop's credential
// helpers, WSL, sockets and contexts, rootless Docker, Cloud Shell, old clients, podman and
// containerd). All under the login seed's "Check Docker configuration" unless a record says
// otherwise; podman's and containerd's file causes link their tool's own docs (toolCause). Fixes
// per platform are offered only where the check saw that platform.
import type { Cause, CauseRecord, FixTemplate, Localized } from './types';
import { LAYER } from './layers';
import { LOGIN_PAGE } from './sections';
import { LOGIN_SECTIONS } from './login-causes';

const DOCKER = 'check-docker-configuration';
const CRED = 'confirm-credentials-to-access-registry';

const docs = (title: Localized, page: string, anchor = ''): FixTemplate => ({ kind: 'openDocs', title, docs: { page, anchor } });
const copy = (title: Localized, command: string, requires?: string[]): FixTemplate => ({ kind: 'copyCommand', title, command, requires });
const run = (title: Localized, action: string, command: string, requires?: string[]): FixTemplate => ({ kind: 'runCommand', title, action, command, requires });
const sectionDocs = (anchor: string): FixTemplate =>
  docs({ en: `Open the docs: ${LOGIN_SECTIONS[anchor].en}`, nl: `Documentatie openen: ${LOGIN_SECTIONS[anchor].nl}` }, LOGIN_PAGE, anchor);

function cause<Id extends string>(c: Omit<CauseRecord<Id>, 'sectionTitle' | 'docs' | 'seed'> & { seed?: Cause['seed'] }): CauseRecord<Id> {
  return { seed: 'troubleshoot-login', sectionTitle: LOGIN_SECTIONS[c.section], docs: { page: LOGIN_PAGE, anchor: c.section }, ...c };
}

/**
 * A podman or containerd cause: the seed's Docker section says nothing about their files, so the
 * cause's docs are the tool's own page (the seed section stays the step it belongs to).
 */
function toolCause<Id extends string>(own: { title: Localized; page: string }, c: Parameters<typeof cause<Id>>[0]): CauseRecord<Id> {
  return { ...cause(c), sectionTitle: own.title, docs: { page: own.page, anchor: '' } };
}

const PODMAN_AUTH_DOCS = { title: { en: 'podman docs: containers-auth.json(5)', nl: 'podman-documentatie: containers-auth.json(5)' }, page: 'https://github.com/containers/image/blob/main/docs/containers-auth.json.5.md' };
const PODMAN_REGISTRIES_DOCS = { title: { en: 'podman docs: containers-registries.conf(5)', nl: 'podman-documentatie: containers-registries.conf(5)' }, page: 'https://github.com/containers/image/blob/main/docs/containers-registries.conf.5.md' };
const CONTAINERD_HOSTS_DOCS = { title: { en: 'containerd docs: registry host configuration (hosts.md)', nl: 'containerd-documentatie: hostconfiguratie van registers (hosts.md)' }, page: 'https://github.com/containerd/containerd/blob/main/docs/hosts.md' };
const CONTAINERD_START_DOCS = { title: { en: 'containerd docs: getting started', nl: 'containerd-documentatie: aan de slag' }, page: 'https://github.com/containerd/containerd/blob/main/docs/getting-started.md' };

const HELPER_DOCS = docs({ en: 'Docker docs: credential stores', nl: 'Docker-documentatie: credential stores' }, 'https://docs.docker.com/reference/cli/docker/login/#credential-stores');
const showConfig = copy({ en: 'Show the Docker config file', nl: 'Het Docker-configuratiebestand tonen' }, 'cat {dockerConfigFile}', ['dockerConfigFile']);
// One install line per platform; the check sets the param of the platform it runs on.
const HELPER_INSTALL: FixTemplate[] = [
  copy({ en: 'Install the credential helpers (Debian, Ubuntu)', nl: 'De credential helpers installeren (Debian, Ubuntu)' }, 'sudo apt-get install golang-docker-credential-helpers', ['helperOnLinux']),
  copy({ en: 'Install the credential helper (macOS, Homebrew)', nl: 'De credential helper installeren (macOS, Homebrew)' }, 'brew install docker-credential-helper', ['helperOnMac']),
  copy({ en: 'Install Docker Desktop, which brings docker-credential-desktop and -wincred (Windows)', nl: 'Docker Desktop installeren, dat docker-credential-desktop en -wincred meebrengt (Windows)' }, 'winget install Docker.DockerDesktop', ['helperOnWindows']),
  docs({ en: 'Turn on WSL integration for this distribution in Docker Desktop (it brings docker-credential-desktop.exe)', nl: 'WSL-integratie voor deze distributie inschakelen in Docker Desktop (die brengt docker-credential-desktop.exe mee)' }, 'https://docs.docker.com/desktop/features/wsl/#enabling-docker-support-in-wsl-2-distros'),
];

export const CLIENT_CAUSES = [
  cause({
    id: 'client.wsl-integration-off', section: DOCKER, layer: LAYER.tooling + 0, checkHealthCode: 'DOCKER_COMMAND_ERROR',
    title: { en: 'WSL: Docker Desktop\'s integration is off for this distribution', nl: 'WSL: de integratie van Docker Desktop staat uit voor deze distributie' },
    explanation: {
      en: 'This runs inside a WSL distribution without a docker command. With Docker Desktop on Windows, the docker CLI (and its credential helper docker-credential-desktop.exe) reaches a WSL distribution only when WSL integration is turned on for it in Docker Desktop\'s settings (Resources > WSL integration).',
      nl: 'Dit draait in een WSL-distributie zonder opdracht docker. Met Docker Desktop op Windows komt de docker CLI (en zijn credential helper docker-credential-desktop.exe) alleen in een WSL-distributie als WSL-integratie daarvoor is ingeschakeld in de instellingen van Docker Desktop (Resources > WSL integration).',
    },
    symptoms: ['could not be found in this wsl 2 distro', 'activate the wsl integration in docker desktop settings', 'docker-credential-desktop.exe": executable file not found'],
    fixes: [
      docs({ en: 'Turn on WSL integration in Docker Desktop', nl: 'WSL-integratie inschakelen in Docker Desktop' }, 'https://docs.docker.com/desktop/features/wsl/#enabling-docker-support-in-wsl-2-distros'),
      copy({ en: 'Check from Windows that the distribution runs WSL 2', nl: 'Vanuit Windows controleren dat de distributie WSL 2 gebruikt' }, 'wsl.exe -l -v'),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'client.tool-not-found', section: DOCKER, layer: LAYER.tooling + 0,
    title: { en: 'The chosen container client is not installed', nl: 'De gekozen containerclient is niet geïnstalleerd' },
    explanation: {
      en: 'The diagnosis was asked to check podman or containerd (ctr / nerdctl), but that program is not on this machine\'s PATH, so its logins and pulls cannot run here.',
      nl: 'De diagnose moest podman of containerd (ctr / nerdctl) controleren, maar dat programma staat niet in het PATH van deze computer, dus aanmelden en ophalen ermee kan hier niet.',
    },
    symptoms: ['podman: command not found', 'ctr: command not found', 'nerdctl: command not found', '\'podman\' is not recognized'],
    fixes: [
      copy({ en: 'Install podman (Debian, Ubuntu)', nl: 'podman installeren (Debian, Ubuntu)' }, 'sudo apt-get install podman', ['toolPodman']),
      copy({ en: 'Install containerd and ctr (Debian, Ubuntu)', nl: 'containerd en ctr installeren (Debian, Ubuntu)' }, 'sudo apt-get install containerd', ['toolContainerd']),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'client.cloud-shell-no-daemon', section: DOCKER, layer: LAYER.tooling + 1, checkHealthCode: 'DOCKER_DAEMON_ERROR',
    title: { en: 'Azure Cloud Shell has no Docker daemon: use an access token', nl: 'Azure Cloud Shell heeft geen Docker-daemon: gebruik een toegangstoken' },
    explanation: {
      en: 'Azure Cloud Shell runs no Docker daemon, by design: docker login, push and pull cannot work there, and az acr login fails for want of one. az acr login --expose-token prints an access token instead (user 00000000-0000-0000-0000-000000000000), for a client elsewhere or for tools that call the registry\'s API.',
      nl: 'Azure Cloud Shell heeft bewust geen Docker-daemon: docker login, push en pull werken daar niet, en az acr login mislukt omdat die ontbreekt. az acr login --expose-token geeft in plaats daarvan een toegangstoken (gebruiker 00000000-0000-0000-0000-000000000000), voor een client elders of voor hulpmiddelen die de API van het register aanroepen.',
    },
    symptoms: ['which is not supported in azure cloud shell', 'to get an access token, which does not require docker to be installed'],
    fixes: [
      copy({ en: 'Get an access token without Docker', nl: 'Een toegangstoken ophalen zonder Docker' }, 'az acr login --name {registry} --expose-token --output tsv --query accessToken'),
      docs({ en: 'Open the docs: authenticate with an access token', nl: 'Documentatie openen: verifiëren met een toegangstoken' }, 'container-registry-authentication'),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'client.docker-socket-permission', section: DOCKER, layer: LAYER.tooling + 1, checkHealthCode: 'DOCKER_DAEMON_ERROR',
    title: { en: 'This user may not open the Docker daemon\'s socket', nl: 'Deze gebruiker mag de socket van de Docker-daemon niet openen' },
    explanation: {
      en: 'The Docker daemon runs, but its socket is readable only by root and the docker group, and this user is in neither: docker login, push and pull end with "permission denied while trying to connect to the Docker daemon socket". Adding the user to the docker group takes effect at the next login (or newgrp docker); note that the docker group grants root-equivalent rights.',
      nl: 'De Docker-daemon draait, maar de socket is alleen toegankelijk voor root en de groep docker, en deze gebruiker hoort bij geen van beide: docker login, push en pull eindigen met "permission denied while trying to connect to the Docker daemon socket". De gebruiker aan de groep docker toevoegen werkt na de volgende aanmelding (of newgrp docker); let op: de groep docker geeft rechten gelijk aan root.',
    },
    symptoms: ['got permission denied while trying to connect to the docker daemon socket at', 'docker.sock: connect: permission denied'],
    fixes: [
      copy({ en: 'Add your user to the docker group, then log out and in again', nl: 'Uw gebruiker aan de groep docker toevoegen, daarna af- en weer aanmelden' }, 'sudo usermod -aG docker $USER'),
      copy({ en: 'Show who may open the socket', nl: 'Tonen wie de socket mag openen' }, 'ls -l {socketPath}', ['socketPath']),
      docs({ en: 'Docker docs: manage Docker as a non-root user', nl: 'Docker-documentatie: Docker beheren als gebruiker zonder root' }, 'https://docs.docker.com/engine/install/linux-postinstall/#manage-docker-as-a-non-root-user'),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'client.docker-rootless-socket', section: DOCKER, layer: LAYER.tooling + 1, checkHealthCode: 'DOCKER_DAEMON_ERROR',
    title: { en: 'Rootless Docker runs on its own socket, which the client does not use', nl: 'Rootless Docker draait op een eigen socket, die de client niet gebruikt' },
    explanation: {
      en: 'A rootless Docker daemon listens on $XDG_RUNTIME_DIR/docker.sock, not on /var/run/docker.sock. The client talks to the default socket, where no daemon answers. Point DOCKER_HOST (or a Docker context) at the rootless socket.',
      nl: 'Een rootless Docker-daemon luistert op $XDG_RUNTIME_DIR/docker.sock, niet op /var/run/docker.sock. De client praat met de standaardsocket, waar geen daemon antwoordt. Laat DOCKER_HOST (of een Docker-context) naar de rootless socket wijzen.',
    },
    symptoms: ['dial unix /run/user/', 'rootlesskit', 'rootless docker'],
    fixes: [
      copy({ en: 'Use the rootless socket in this shell', nl: 'De rootless socket gebruiken in deze shell' }, 'export DOCKER_HOST=unix://{socketPath}', ['socketPath']),
      copy({ en: 'Make it the default: the rootless context', nl: 'Standaard maken: de rootless context' }, 'docker context use rootless'),
      docs({ en: 'Docker docs: rootless mode', nl: 'Docker-documentatie: rootless modus' }, 'https://docs.docker.com/engine/security/rootless/'),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'client.docker-context-unreachable', section: DOCKER, layer: LAYER.tooling + 1, checkHealthCode: 'DOCKER_DAEMON_ERROR',
    title: { en: 'The current Docker context points at a daemon that does not answer', nl: 'De huidige Docker-context wijst naar een daemon die niet antwoordt' },
    explanation: {
      en: 'docker context use made another endpoint the default (in config.json "currentContext", read from contexts/meta). The docker CLI sends login, push and pull there, not to the local socket, and nothing answers at that endpoint: a remote machine that is off, a VM or Docker Desktop that is stopped, a context left over.',
      nl: 'docker context use heeft een ander eindpunt standaard gemaakt (in config.json "currentContext", gelezen uit contexts/meta). De docker CLI stuurt login, push en pull daarheen, niet naar de lokale socket, en op dat eindpunt antwoordt niets: een externe computer die uit staat, een VM of Docker Desktop die gestopt is, een achtergebleven context.',
    },
    symptoms: ['is not found on the file system, please check your config file', 'failed to connect to the docker api at', 'context not found'],
    fixes: [
      copy({ en: 'Go back to the default context', nl: 'Terug naar de standaardcontext' }, 'docker context use default'),
      copy({ en: 'Show the context and its endpoint', nl: 'De context en het eindpunt tonen' }, 'docker context inspect {context}', ['context']),
      docs({ en: 'Docker docs: contexts', nl: 'Docker-documentatie: contexten' }, 'https://docs.docker.com/engine/manage-resources/contexts/'),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'client.docker-cli-too-old', section: DOCKER, layer: LAYER.tooling + 2, checkHealthCode: 'DOCKER_VERSION_ERROR',
    title: { en: 'The docker CLI is older than 18.03', nl: 'De docker CLI is ouder dan 18.03' },
    explanation: {
      en: 'The seed asks for Docker client version 18.03 or later. The docker command on PATH is older (whatever the daemon\'s version): an old client speaks an old Engine API, which current daemons refuse ("client version … is too old"), and handles the registry\'s token authentication poorly.',
      nl: 'De seed vraagt om Docker-clientversie 18.03 of hoger. De opdracht docker in het PATH is ouder (los van de versie van de daemon): een oude client spreekt een oude Engine API, die huidige daemons weigeren ("client version … is too old"), en gaat slecht om met de tokenverificatie van het register.',
    },
    symptoms: ['please upgrade your client to a newer version', 'is too old. minimum supported api version is'],
    fixes: [
      copy({ en: 'Show which docker runs, and its version', nl: 'Tonen welke docker draait, en de versie' }, 'command -v docker && docker --version'),
      docs({ en: 'Install a current Docker', nl: 'Een actuele Docker installeren' }, 'https://docs.docker.com/engine/install/'),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'client.credential-helper-missing', section: DOCKER, layer: LAYER.tooling + 3,
    title: { en: 'The credential helper (docker-credential-…) is not installed', nl: 'De credential helper (docker-credential-…) is niet geïnstalleerd' },
    explanation: {
      en: 'config.json names a credential helper ("credsStore": "desktop", "wincred", "osxkeychain", "pass", or one in "credHelpers"), so docker runs docker-credential-<name> to read and store every login. That program is not on PATH (Docker Desktop uninstalled, a config copied from another machine, WSL without Docker Desktop\'s integration): docker login and pull fail with "executable file not found".',
      nl: 'config.json noemt een credential helper ("credsStore": "desktop", "wincred", "osxkeychain", "pass", of een in "credHelpers"), dus docker start docker-credential-<naam> om elke aanmelding te lezen en op te slaan. Dat programma staat niet in het PATH (Docker Desktop verwijderd, een configuratie van een andere computer gekopieerd, WSL zonder de integratie van Docker Desktop): docker login en pull mislukken met "executable file not found".',
    },
    symptoms: ['error getting credentials - err: exec: "docker-credential-', 'error storing credentials - err: exec: "docker-credential-', 'executable file not found in $path, out:', 'resolves to executable in current directory (./docker-credential-'],
    fixes: [...HELPER_INSTALL, showConfig, HELPER_DOCS, sectionDocs(DOCKER)],
  }),
  cause({
    id: 'client.credential-helper-failed', section: DOCKER, layer: LAYER.tooling + 3,
    title: { en: 'The credential helper (docker-credential-…) fails', nl: 'De credential helper (docker-credential-…) faalt' },
    explanation: {
      en: 'docker runs the credential helper named in config.json for every login, push and pull. It is there, but it exits with an error or prints something that is not a credential, so docker has no credential to send and reports "error getting credentials".',
      nl: 'docker start voor elke aanmelding, push en pull de credential helper die in config.json staat. Die is er, maar stopt met een fout of geeft iets terug dat geen referentie is, dus docker heeft geen referentie om mee te sturen en meldt "error getting credentials".',
    },
    symptoms: ['error getting credentials - err: exit status', 'error storing credentials - err: exit status', 'error getting credentials - err: invalid character'],
    fixes: [...HELPER_INSTALL, showConfig, HELPER_DOCS, sectionDocs(DOCKER)],
  }),
  cause({
    id: 'client.credential-helper-refused', section: DOCKER, layer: LAYER.tooling + 3,
    title: { en: 'The credential store refuses (locked or not unlocked)', nl: 'De referentieopslag weigert (vergrendeld of niet ontgrendeld)' },
    explanation: {
      en: 'The credential helper runs but its store refuses to hand out the login: a locked macOS keychain ("User interaction is not allowed"), a gpg key pass cannot use, a Secret Service without a desktop session (D-Bus), or Windows\' credential manager in a session without a logon. A helper waiting for a password it cannot ask for looks the same: it never answers.',
      nl: 'De credential helper draait, maar de opslag weigert de aanmelding af te geven: een vergrendelde macOS-sleutelhanger ("User interaction is not allowed"), een gpg-sleutel die pass niet kan gebruiken, een Secret Service zonder bureaubladsessie (D-Bus), of Windows Referentiebeheer in een sessie zonder aanmelding. Een helper die wacht op een wachtwoord dat hij niet kan vragen, ziet er hetzelfde uit: hij antwoordt nooit.',
    },
    symptoms: ['user interaction is not allowed', 'cannot autolaunch d-bus without x11', 'gpg: decryption failed', 'a specified logon session does not exist', 'password store is empty'],
    fixes: [
      copy({ en: 'Unlock the login keychain (macOS)', nl: 'De aanmeldingssleutelhanger ontgrendelen (macOS)' }, 'security unlock-keychain ~/Library/Keychains/login.keychain-db', ['helperOnMac']),
      copy({ en: 'Check that pass can decrypt (Linux, "pass" helper)', nl: 'Controleren dat pass kan ontsleutelen (Linux, helper "pass")' }, 'pass ls docker-credential-helpers', ['helperOnLinux']),
      showConfig, HELPER_DOCS, sectionDocs(DOCKER),
    ],
  }),
  toolCause(CONTAINERD_START_DOCS, {
    id: 'client.containerd-unreachable', section: DOCKER, layer: LAYER.tooling + 1,
    title: { en: 'containerd does not answer on its socket', nl: 'containerd antwoordt niet op zijn socket' },
    explanation: {
      en: 'ctr and nerdctl pull through containerd, reached on /run/containerd/containerd.sock (or CONTAINERD_ADDRESS). Nothing answers there: containerd is not running, runs with another address, or this user may not open its socket.',
      nl: 'ctr en nerdctl halen op via containerd, bereikt op /run/containerd/containerd.sock (of CONTAINERD_ADDRESS). Daar antwoordt niets: containerd draait niet, gebruikt een ander adres, of deze gebruiker mag de socket niet openen.',
    },
    symptoms: ['ctr: failed to dial', 'containerd.sock: connect: no such file or directory', 'containerd.sock: connect: permission denied', 'connection error: desc = "transport: error while dialing: dial unix'],
    fixes: [
      copy({ en: 'Start containerd', nl: 'containerd starten' }, 'sudo systemctl start containerd'),
      copy({ en: 'Ask containerd for its version', nl: 'containerd om zijn versie vragen' }, 'sudo ctr version'),
      docs(CONTAINERD_START_DOCS.title, CONTAINERD_START_DOCS.page),
    ],
  }),
  toolCause(CONTAINERD_HOSTS_DOCS, {
    id: 'client.containerd-hosts-redirected', section: DOCKER, layer: LAYER.tooling + 3,
    title: { en: 'containerd\'s hosts.toml sends the registry elsewhere', nl: 'hosts.toml van containerd stuurt het register ergens anders heen' },
    explanation: {
      en: 'containerd (the kubelet through CRI, nerdctl, ctr --hosts-dir) reads the registry\'s hosts.toml in the CRI registry\'s config_path (usually /etc/containerd/certs.d/<registry>/hosts.toml). Its server or a [host."…"] entry with "resolve" sends resolving and pulling to another host (a mirror or a cache that lacks the image or the login), or the entry for the registry lacks the "pull" or "resolve" capability, or the file (or config.toml) is not valid TOML.',
      nl: 'containerd (de kubelet via CRI, nerdctl, ctr --hosts-dir) leest de hosts.toml van het register in de config_path van het CRI-register (meestal /etc/containerd/certs.d/<register>/hosts.toml). De server of een [host."…"]-vermelding met "resolve" stuurt opzoeken en ophalen naar een andere host (een spiegel of cache zonder het image of de aanmelding), of de vermelding voor het register mist de mogelijkheid "pull" of "resolve", of het bestand (of config.toml) is geen geldige TOML.',
    },
    symptoms: ['hosts.toml', 'certs.d', 'failed to load host config'],
    fixes: [
      copy({ en: 'Show the file', nl: 'Het bestand tonen' }, 'cat {containerdFile}', ['containerdFile']),
      copy({ en: 'Pull with containerd\'s host configuration, showing each request', nl: 'Ophalen met de hostconfiguratie van containerd, met elk verzoek zichtbaar' }, 'sudo ctr --debug images pull --hosts-dir /etc/containerd/certs.d {loginServer}/<repository>:<tag>'),
      docs({ en: 'containerd docs: registry host configuration (hosts.toml)', nl: 'containerd-documentatie: hostconfiguratie van registers (hosts.toml)' }, 'https://github.com/containerd/containerd/blob/main/docs/hosts.md'),
    ],
  }),
  toolCause(PODMAN_AUTH_DOCS, {
    id: 'client.podman-config-malformed', section: DOCKER, layer: LAYER.tooling + 3,
    title: { en: 'podman\'s auth.json or registries.conf cannot be used', nl: 'auth.json of registries.conf van podman is niet bruikbaar' },
    explanation: {
      en: 'podman (and skopeo, buildah) read logins from auth.json (REGISTRY_AUTH_FILE, ${XDG_RUNTIME_DIR}/containers/auth.json, ~/.config/containers/auth.json) and registry settings from registries.conf. One of them is not valid JSON / TOML, holds a broken entry or blocks the registry: podman login and pull fail before they reach it.',
      nl: 'podman (en skopeo, buildah) lezen aanmeldingen uit auth.json (REGISTRY_AUTH_FILE, ${XDG_RUNTIME_DIR}/containers/auth.json, ~/.config/containers/auth.json) en registerinstellingen uit registries.conf. Een van beide is geen geldige JSON / TOML, bevat een beschadigde vermelding of blokkeert het register: podman login en pull mislukken voordat ze het bereiken.',
    },
    symptoms: ['unmarshaling json at', 'loading registries configuration', 'containers.conf: toml'],
    fixes: [
      copy({ en: 'Show the file', nl: 'Het bestand tonen' }, 'cat {podmanFile}', ['podmanFile']),
      copy({ en: 'Move the broken file aside and log in again', nl: 'Het beschadigde bestand opzijzetten en opnieuw aanmelden' }, 'mv {podmanAuthFile} {podmanAuthFile}.broken && podman login {loginServer}', ['podmanAuthFile']),
      docs({ en: 'podman docs: containers-auth.json', nl: 'podman-documentatie: containers-auth.json' }, 'https://github.com/containers/image/blob/main/docs/containers-auth.json.5.md'),
    ],
  }),
  toolCause(PODMAN_REGISTRIES_DOCS, {
    id: 'client.podman-registry-redirected', section: DOCKER, layer: LAYER.tooling + 3,
    title: { en: 'podman\'s registries.conf blocks the registry or sends it elsewhere', nl: 'registries.conf van podman blokkeert het register of stuurt het ergens anders heen' },
    explanation: {
      en: 'podman reads /etc/containers/registries.conf (or the user\'s) and then every drop-in in registries.conf.d. A [[registry]] entry for this registry says blocked = true (podman refuses to pull), or a location or mirror that sends pulls to another host, which holds other images and gets no login for this registry. An entry left behind by a proxy cache, an air-gapped setup or a copied drop-in is typical.',
      nl: 'podman leest /etc/containers/registries.conf (of die van de gebruiker) en daarna elke drop-in in registries.conf.d. Een [[registry]]-vermelding voor dit register zegt blocked = true (podman weigert op te halen), of een location of mirror die het ophalen naar een andere host stuurt, die andere images heeft en geen aanmelding voor dit register krijgt. Meestal is het een vermelding die is achtergebleven van een proxycache, een afgeschermde omgeving of een gekopieerde drop-in.',
    },
    // podman: "registry contoso.azurecr.io is blocked in /etc/containers/registries.conf or …/registries.conf.d".
    symptoms: ['is blocked in /etc/containers/registries.conf', 'is blocked in registries.conf', 'containers/registries.conf.d'],
    fixes: [
      copy({ en: 'Show the entry that names the registry', nl: 'De vermelding tonen die het register noemt' }, 'grep -n -B2 -A6 {loginServer} {podmanRegistryFile}', ['podmanRegistryFile']),
      copy({ en: 'Show the registries podman ends up with', nl: 'De registers tonen waar podman op uitkomt' }, "podman info --format '{{json .Registries}}'"),
      docs({ en: 'podman docs: containers-registries.conf.d', nl: 'podman-documentatie: containers-registries.conf.d' }, 'https://github.com/containers/image/blob/main/docs/containers-registries.conf.d.5.md'),
      docs({ en: 'podman docs: containers-registries.conf', nl: 'podman-documentatie: containers-registries.conf' }, 'https://github.com/containers/image/blob/main/docs/containers-registries.conf.5.md'),
    ],
  }),
  cause({
    id: 'client.podman-auth-stale', section: CRED, layer: LAYER.credentials + 4,
    title: { en: 'The login podman stored is refused by the registry', nl: 'De aanmelding die podman heeft opgeslagen, wordt door het register geweigerd' },
    explanation: {
      en: 'podman sends the credential from its auth.json with every pull and push. The registry refuses it: a password or token that has since been changed, expired or removed. Log out and log in again (az acr login prints a token for podman with --expose-token).',
      nl: 'podman stuurt de referentie uit auth.json mee met elke pull en push. Het register weigert die: een wachtwoord of token dat intussen is gewijzigd, verlopen of verwijderd. Meld u af en opnieuw aan (az acr login geeft met --expose-token een token voor podman).',
    },
    // podman prefixes every login and pull error with these; only the refused stored token says stale.
    symptoms: ['unable to retrieve auth token: invalid username/password', 'requesting bearer token: invalid status code from registry 401'],
    fixes: [
      run({ en: 'Log podman out (remove the login from every auth.json podman reads)', nl: 'podman afmelden (de aanmelding verwijderen uit elke auth.json die podman leest)' }, 'podman.logout', 'podman logout --authfile {podmanAuthFile} {loginServer}', ['podmanAuthFile']),
      copy({ en: 'Log podman out of the registry', nl: 'podman afmelden bij het register' }, 'podman logout {loginServer}'),
      copy({ en: 'Log in again with an Entra token', nl: 'Opnieuw aanmelden met een Entra-token' }, 'az acr login --name {registry} --expose-token --output tsv --query accessToken | podman login {loginServer} --username 00000000-0000-0000-0000-000000000000 --password-stdin'),
      sectionDocs(CRED),
    ],
  }),
];

/**
 * What podman's and containerd's own error texts say for causes the Docker texts already name,
 * so `explain` knows them (the records keep Docker's words; these are the other clients').
 */
export const CLIENT_SYMPTOMS: Readonly<Record<string, readonly string[]>> = {
  'authz.missing-acrpull': ['insufficient_scope: authorization failed', 'pull access denied, repository does not exist or may require authorization', 'requested access to the resource is denied'],
  'credentials.invalid': ['failed to fetch oauth token: unexpected status: 401 unauthorized', 'failed to authorize: failed to fetch', 'invalid username/password'],
  'network.tls-untrusted': ['x509: certificate signed by unknown authority'],
};
