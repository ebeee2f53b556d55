// Which causes a tool and an operation can really meet (a pull is never refused for a missing
// AcrPush; podman never needs the Docker daemon), and, for a text that carries nothing beyond a
// bare "unauthorized", the one check that tells each fitting cause from the others.
import type { CauseId, Localized } from './catalogue/types';
import type { ExplainOperation, ExplainTool, TextReading } from './explain-reading';

const PULLS: ExplainOperation[] = ['pull', 'import', 'build'];
const PUSHES: ExplainOperation[] = ['push', 'import', 'build'];
const MOVES_BLOBS: ExplainOperation[] = ['pull', 'push', 'import', 'build'];

/** Operations a cause can break (absent: every one). */
const OPERATIONS: Partial<Record<CauseId, ExplainOperation[]>> = {
  'authz.missing-acrpull': [...PULLS, 'list'],
  'authz.aks-kubelet-missing-acrpull': ['pull'],
  'authz.missing-acrpush': PUSHES,
  'image.locked': PUSHES,
  'image.upload-refused': PUSHES,
  'image.tag-not-found': PULLS,
  'image.platform-missing': ['pull', 'build'],
  'image.repository-not-found': [...PULLS, 'list'],
  'credentials.anonymous-pull-blocked': ['pull', 'build'],
  'credentials.anonymous-pull-disabled': ['pull', 'list', 'build'],
  'docker.pull-failed': ['pull'],
  'network.data-endpoint-blocked': MOVES_BLOBS,
  'network.replica-data-endpoint-blocked': MOVES_BLOBS,
  'network.private-endpoint-data-dns-missing': MOVES_BLOBS,
};

const DOCKER_FRONTS: ExplainTool[] = ['docker', 'az', 'docker-sdk', 'buildkit', 'github-actions', 'azure-pipelines'];

/** Tools a cause can meet (absent: every one). */
const TOOLS: Partial<Record<CauseId, ExplainTool[]>> = {
  'docker.cli-missing': ['docker', 'az', 'github-actions', 'azure-pipelines'],
  'docker.daemon-unreachable': DOCKER_FRONTS,
  'docker.version-too-old': DOCKER_FRONTS,
  'docker.pull-failed': ['docker', 'az'],
  'docker.config-malformed': [...DOCKER_FRONTS, 'podman', 'skopeo', 'buildah', 'helm', 'containerd', 'oras', 'crane'],
  'helm.version-too-old': ['helm', 'az'],
  'credentials.azure-service-config': ['kubelet', 'containerd', 'az'],
  'authz.aks-kubelet-missing-acrpull': ['kubelet', 'containerd'],
  'network.daemon-proxy-missing': DOCKER_FRONTS,
};

/** Can a cause meet what the text says it is (unknown tool or operation: yes)? */
export function causeFits(id: CauseId, r: Pick<TextReading, 'tool' | 'operation'>): boolean {
  const ops = OPERATIONS[id];
  if (ops && r.operation && !ops.includes(r.operation)) return false;
  const tools = TOOLS[id];
  if (tools && r.tool && !tools.includes(r.tool)) return false;
  return true;
}

/** Causes whose evidence names the fault itself; they rank above any credentials or rights cause. */
export function isGenericAccessCause(id: CauseId): boolean {
  return /^(credentials|authz|expiry)\./.test(id);
}

/** The one check that tells a cause from the others a bare "unauthorized" fits (English and Dutch). */
export const TELL_APART: Partial<Record<CauseId, Localized>> = {
  'credentials.invalid': {
    en: 'Log in again with the same user name and password (docker login): if that is refused too, the password is wrong.',
    nl: 'Meld opnieuw aan met dezelfde gebruikersnaam en hetzelfde wachtwoord (docker login): wordt ook dat geweigerd, dan is het wachtwoord onjuist.',
  },
  'credentials.stale-docker-credential': {
    en: 'Look at what docker stored for the registry (docker logout <registry>, then log in again): an old stored password is sent without asking.',
    nl: 'Bekijk wat docker voor het register heeft opgeslagen (docker logout <register>, daarna opnieuw aanmelden): een oud opgeslagen wachtwoord wordt ongevraagd meegestuurd.',
  },
  'credentials.anonymous-pull-disabled': {
    en: 'Was the pull made without any login? Then the registry does not allow anonymous pull: log in first.',
    nl: 'Werd de pull zonder aanmelding gedaan? Dan staat het register geen anonieme pull toe: meld eerst aan.',
  },
  'expiry.aad-token-expired': {
    en: 'Was the login made with az acr login more than three hours ago? Its token has expired: run az acr login again.',
    nl: 'Werd er meer dan drie uur geleden aangemeld met az acr login? Het token is verlopen: voer az acr login opnieuw uit.',
  },
  'authz.missing-acrpull': {
    en: 'Does the identity hold AcrPull (or AcrPush) on the registry? az role assignment list --assignee <id> --scope <registry id>.',
    nl: 'Heeft de identiteit AcrPull (of AcrPush) op het register? az role assignment list --assignee <id> --scope <register-id>.',
  },
  'authz.missing-acrpush': {
    en: 'Does the identity hold AcrPush on the registry (AcrPull lets it pull, not push)? az role assignment list --assignee <id> --scope <registry id>.',
    nl: 'Heeft de identiteit AcrPush op het register (met AcrPull kan ze pullen, niet pushen)? az role assignment list --assignee <id> --scope <register-id>.',
  },
  'credentials.admin-user-disabled': {
    en: 'Is the user name the registry\'s own name (the admin user)? az acr show -n <registry> --query adminUserEnabled must say true.',
    nl: 'Is de gebruikersnaam de naam van het register zelf (de beheerder)? az acr show -n <register> --query adminUserEnabled moet true zeggen.',
  },
  'network.ip-rule-excludes-client': {
    en: 'Is this machine\'s public IP address among the registry\'s firewall rules? Compare az acr show -n <registry> --query networkRuleSet.ipRules with the address the internet sees for you.',
    nl: 'Staat het openbare IP-adres van deze machine in de firewallregels van het register? Vergelijk az acr show -n <register> --query networkRuleSet.ipRules met het adres dat internet van u ziet.',
  },
  'network.public-access-disabled': {
    en: 'Is public network access off? az acr show -n <registry> --query publicNetworkAccess says Disabled: then only a private endpoint reaches the registry.',
    nl: 'Staat openbare netwerktoegang uit? az acr show -n <register> --query publicNetworkAccess zegt Disabled: dan bereikt alleen een privé-eindpunt het register.',
  },
  'network.private-endpoint-dns-public': {
    en: 'Does the registry have a private endpoint that this machine should use? nslookup <registry>.azurecr.io must then give a private address (10.x, 172.16–31.x, 192.168.x), not a public one.',
    nl: 'Heeft het register een privé-eindpunt dat deze machine hoort te gebruiken? nslookup <register>.azurecr.io moet dan een privéadres geven (10.x, 172.16–31.x, 192.168.x), geen openbaar.',
  },
  'network.service-endpoint-rule-missing': {
    en: 'Does the traffic leave a virtual network subnet with a Microsoft.ContainerRegistry service endpoint? Then the registry needs a rule for that subnet: az acr network-rule list -n <registry>.',
    nl: 'Vertrekt het verkeer uit een subnet met een service-eindpunt voor Microsoft.ContainerRegistry? Dan heeft het register een regel voor dat subnet nodig: az acr network-rule list -n <register>.',
  },
  'credentials.service-principal-invalid': {
    en: 'Is the user name a GUID (a service principal)? Check that its secret is current: az ad app credential list --id <app id>.',
    nl: 'Is de gebruikersnaam een GUID (een service-principal)? Controleer of het geheim nog geldig is: az ad app credential list --id <app-id>.',
  },
};

/** The few causes a bare "403 Forbidden" fits (ACR's firewall refuses before any credential is read). */
export function bareForbiddenCauses(): CauseId[] {
  return ['network.ip-rule-excludes-client', 'network.public-access-disabled', 'network.private-endpoint-dns-public', 'network.service-endpoint-rule-missing'];
}

/** The few causes a bare "unauthorized" fits, in the order worth checking, for this operation. */
export function bareUnauthorizedCauses(r: Pick<TextReading, 'tool' | 'operation'>): CauseId[] {
  const all: CauseId[] = ['credentials.invalid', 'credentials.stale-docker-credential', 'expiry.aad-token-expired', 'credentials.anonymous-pull-disabled', 'authz.missing-acrpull', 'authz.missing-acrpush', 'credentials.admin-user-disabled', 'credentials.service-principal-invalid'];
  return all.filter((id) => causeFits(id, r)).slice(0, 5);
}
