// Command line parsing (node:util parseArgs): `diagnose <registry> [flags]`, `explain <text>`, `--help`.
import { parseArgs } from 'node:util';
import { isIP } from 'node:net';
import { parseIdentity, parseRegistryAndImage, TargetInputError, type IdentitySpec, type ImageReference } from '../core/registry/image-reference';
import { RegistryInputError } from '../core/registry/target';
import { parseClientTool } from '../core/engine/client-choice';
import type { ClientTool } from '../core/engine/environment';

export class UsageError extends Error {
  constructor(message: string) { super(message); this.name = 'UsageError'; }
}

export interface DiagnoseArgs {
  command: 'diagnose';
  /** What was typed: the registry, or the registry and an image (contoso.azurecr.io/app:1.4). */
  registry: string;
  image?: ImageReference;
  identity?: IdentitySpec;
  format: 'text' | 'json' | 'sarif';
  timeoutMs?: number;
  resolve: Record<string, string>;
  repository?: string;
  pullTest: boolean;
  /** `--client`: the container client to diagnose (default: the one on PATH). */
  client?: ClientTool;
  operation?: 'login' | 'pull' | 'push';
  azure: 'auto' | 'on' | 'off';
  username?: string;
  passwordStdin: boolean;
  only?: 'network' | 'login';
  /** `--from <file>`: the file the image reference comes from (found there when no registry is typed). */
  from?: string;
  /** `--pulled-by`: also list and judge the Azure resources that pull from the registry. */
  pulledBy?: boolean;
}
export interface ExplainArgs { command: 'explain'; text?: string; format: 'text' | 'json' }
export interface HelpArgs { command: 'help' | 'version' }
export type CliArgs = DiagnoseArgs | ExplainArgs | HelpArgs;

export function parseResolve(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    // host=ip (ours) or curl's host:port:ip
    const m = /^([A-Za-z0-9.-]+)=([0-9a-fA-F.:]+)$/.exec(v) ?? /^([A-Za-z0-9.-]+):\d+:([0-9a-fA-F.:[\]]+)$/.exec(v);
    if (!m || !isIP(m[2].replace(/^\[|\]$/g, ''))) throw new UsageError(`--resolve takes host=ip (e.g. contoso.azurecr.io=192.0.2.20), not "${v.slice(0, 80)}"`);
    out[m[1].toLowerCase()] = m[2].replace(/^\[|\]$/g, '');
  }
  return out;
}

export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' },
        json: { type: 'boolean' }, sarif: { type: 'boolean' },
        timeout: { type: 'string' }, resolve: { type: 'string', multiple: true },
        repository: { type: 'string' }, 'pull-test': { type: 'boolean' }, operation: { type: 'string' },
        azure: { type: 'boolean' }, 'no-azure': { type: 'boolean' },
        username: { type: 'string', short: 'u' }, 'password-stdin': { type: 'boolean' },
        only: { type: 'string' }, identity: { type: 'string' }, from: { type: 'string' }, 'pulled-by': { type: 'boolean' }, client: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const { values: v, positionals } = parsed;
  if (v.version) return { command: 'version' };
  if (v.help || positionals.length === 0 || positionals[0] === 'help') return { command: 'help' };
  const [cmd, ...rest] = positionals;
  if (cmd === 'explain') {
    if (v.sarif) throw new UsageError('explain supports --json, not --sarif');
    return { command: 'explain', text: rest.length ? rest.join(' ') : undefined, format: v.json ? 'json' : 'text' };
  }
  if (cmd !== 'diagnose') throw new UsageError(`unknown command "${cmd.slice(0, 40)}" (use diagnose or explain; --help lists everything)`);
  if (v.from !== undefined && !v.from.trim()) throw new UsageError('--from needs a file: a workflow, Dockerfile, compose file or Kubernetes manifest');
  if (rest.length > 1 || (rest.length === 0 && v.from === undefined)) throw new UsageError(rest.length ? 'diagnose takes one registry or image (e.g. contoso.azurecr.io/app:1.4)' : 'diagnose needs a registry or an image: acr-doctor diagnose contoso, or acr-doctor diagnose contoso.azurecr.io/app:1.4');
  const image = rest.length ? imageOfTyped(rest[0]) : undefined;
  let identity: IdentitySpec | undefined;
  if (v.identity !== undefined) {
    try { identity = parseIdentity(v.identity); } catch (e) { throw new UsageError(`--identity: ${(e as Error).message}`); }
  }
  if (image && v.repository !== undefined && v.repository.trim().toLowerCase().replace(/[:@].*$/, '') !== image.repository) {
    throw new UsageError(`--repository ${v.repository.slice(0, 80)} is not the image's repository ${image.repository}: the image alone is enough`);
  }
  if (identity && v.username && !['sp', 'token'].includes(identity.kind)) {
    throw new UsageError(`--username goes with --identity sp or token (the others know their user name); --identity ${identity.kind} reads only its secret from stdin`);
  }
  if (v.json && v.sarif) throw new UsageError('choose one of --json and --sarif');
  let timeoutMs: number | undefined;
  if (v.timeout !== undefined) {
    const s = Number(v.timeout);
    if (!Number.isFinite(s) || s <= 0 || s > 600) throw new UsageError(`--timeout takes seconds between 0 and 600, not "${v.timeout.slice(0, 20)}"`);
    timeoutMs = Math.round(s * 1000);
  }
  const client = parseClientTool(v.client);
  if (v.client !== undefined && !client.tool && v.client.trim().toLowerCase() !== 'auto') throw new UsageError(`--client: ${client.problem ?? 'use docker, podman or containerd'}`);
  const op = v.operation;
  if (op !== undefined && !['login', 'pull', 'push'].includes(op)) throw new UsageError(`--operation is login, pull or push, not "${op.slice(0, 20)}"`);
  if (v.only !== undefined && !['network', 'login'].includes(v.only)) throw new UsageError('--only is network or login');
  const secretIdentity = !!identity && ['sp', 'admin', 'token', 'exposed-token'].includes(identity.kind);
  if (v['password-stdin'] && !v.username && !secretIdentity) throw new UsageError('--password-stdin needs --username (or an --identity with a secret: sp, admin, token, exposed-token)');
  if (identity?.kind === 'sp' && !identity.clientId && !v.username) throw new UsageError('--identity sp needs the client id: --identity sp:<client-id> (the secret is read from stdin)');
  if (identity?.kind === 'token' && !identity.name && !v.username) throw new UsageError('--identity token needs the token\'s name: --identity token:<name> (its password is read from stdin)');
  return {
    command: 'diagnose', registry: rest[0] ?? '', image, identity, ...(v.from !== undefined ? { from: v.from } : {}), format: v.json ? 'json' : v.sarif ? 'sarif' : 'text', timeoutMs,
    resolve: parseResolve(v.resolve ?? []), repository: v.repository, pullTest: !!v['pull-test'], ...(client.tool ? { client: client.tool } : {}),
    operation: op as DiagnoseArgs['operation'], azure: v['no-azure'] ? 'off' : v.azure ? 'on' : 'auto',
    username: v.username, passwordStdin: !!v['password-stdin'] || secretIdentity, only: v.only as DiagnoseArgs['only'],
    ...(v['pulled-by'] ? { pulledBy: true } : {}),
  };
}

/** The image named after the registry in what was typed, if any (see parseCli). */
export function imageOfTyped(typed: string): ImageReference | undefined {
  try {
    // A URL names no image, nor does a bare name before a path (docker reads contoso/app as Docker
    // Hub's): the diagnosis explains both as typed.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(typed.trim())) return undefined;
    const parsed = parseRegistryAndImage(typed);
    return parsed.registry.inputIssues.includes('missingSuffix') ? undefined : parsed.image;
  } catch (e) {
    // A bad registry name is the diagnosis's to explain (upper case, a wrong suffix: causes of their own).
    if (e instanceof TargetInputError) throw new UsageError(`${e.message} (e.g. acr-doctor diagnose contoso.azurecr.io/app:1.4)`);
    if (!(e instanceof RegistryInputError)) throw e;
    return undefined;
  }
}

export const HELP = {
  en: `acr-doctor — find out why you cannot log in to, push to or pull from an Azure Container Registry

Usage:
  acr-doctor diagnose <registry>[/<image>] [options]
                                             run every check, stream findings, rank the causes
  acr-doctor explain "<error text>"          map a pasted Docker / az error to its causes (or pipe it on stdin)
  acr-doctor mcp                             serve the diagnose and explain tools to an MCP client over stdio
  acr-doctor --help | --version

<registry> is the resource name (contoso) or the login server (contoso.azurecr.io, .cn, .us).
An image after it (contoso.azurecr.io/app:1.4, …/app@sha256:<64 hex>) is looked up too: does the
repository and the tag exist, has it your daemon's platform, may the identity pull or push it, do
its layers arrive from the data endpoint. Naming an image means --operation pull unless you say otherwise.

Options for diagnose:
  --json                 print the report as JSON (secrets redacted)
  --sarif                print the causes as SARIF 2.1.0
  --from <file>          the workflow, Dockerfile, compose file or manifest that names the image:
                         the image is taken from it when none is typed, and SARIF points at its line
  --timeout <seconds>    total time budget (default 6)
  --resolve <host=ip>    use this address for a host name (repeatable), like curl --resolve
  --repository <repo>    repository to test scope, blob download and pull with (an image names it)
  --pull-test            also pull through the Docker daemon (slow)
  --client <tool>        docker, podman or containerd (ctr/nerdctl): the client whose login and pull
                         are checked (default: docker if on PATH, else podman, else ctr)
  --operation <op>       what you are trying to do: login, pull or push (default: pull with an
                         image, else login); push starts an upload and cancels it: nothing is written
  --identity <who>       whose rights to judge (default: every credential in use):
                           azure           the Azure sign-in (AZURE_* variables)
                           docker          what docker login stored for the registry
                           sp:<client-id>  a service principal (client secret on stdin)
                           admin           the admin user (password on stdin)
                           token:<name>    a repository-scoped token (password on stdin)
                           exposed-token   a token of az acr login --expose-token (on stdin)
                           aks:<cluster>   an AKS cluster's kubelet identity (through Azure role assignments)
                           mi:<client-id>  a managed identity (through Azure role assignments)
                           service:<name>  an App Service app (<app>/<sidecar> for a sidecar), Container App, container
                                           group, ML workspace, AKS cluster, ACR task or connected registry that pulls
                                           from the registry (its identity and network path)
  --pulled-by            also list the Azure resources that pull from the registry, with a verdict each
  --username <u> --password-stdin
                         also check these registry credentials (password read from stdin)
  --azure / --no-azure   read the registry's settings from Azure (default: when AZURE_* variables are set)
  --only network|login   run one area only

Environment: HTTPS_PROXY, HTTP_PROXY, NO_PROXY, DOCKER_HOST, DOCKER_CONFIG, NODE_EXTRA_CA_CERTS,
AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_AUTHORITY_HOST, AZURE_SUBSCRIPTION_ID,
ACR_DOCTOR_ARM_ENDPOINT. LANG=nl* prints Dutch. ACR_DOCTOR_TRACE=1 prints each check's start and end
on stderr. ACR_DOCTOR_COMPILE_CACHE=<absolute dir> moves the code cache (default ~/.cache/acr-doctor), =0 turns it off.

Exit codes: 0 healthy, 1 causes found, 2 could not run (bad input, an identity Azure cannot find, or
not completely: the time budget ran out).
`,
  nl: `acr-doctor — ontdek waarom u zich niet kunt aanmelden bij, pushen naar of pullen uit een Azure-containerregister

Gebruik:
  acr-doctor diagnose <register>[/<installatiekopie>] [opties]
                                             alle controles uitvoeren, bevindingen tonen, oorzaken rangschikken
  acr-doctor explain "<fouttekst>"           een geplakte Docker- of az-fout aan oorzaken koppelen (of via stdin)
  acr-doctor mcp                             de hulpmiddelen diagnose en explain aanbieden aan een MCP-client via stdio
  acr-doctor --help | --version

<register> is de resourcenaam (contoso) of de aanmeldingsserver (contoso.azurecr.io, .cn, .us).
Een installatiekopie erachter (contoso.azurecr.io/app:1.4, …/app@sha256:<64 hex>) wordt ook
opgezocht: bestaan de opslagplaats en de tag, heeft hij het platform van uw daemon, mag de identiteit
hem pullen of pushen, komen de lagen van het gegevenseindpunt. Met een installatiekopie is de actie pull, tenzij u iets anders opgeeft.

Opties voor diagnose:
  --json                 het rapport als JSON (geheimen verborgen)
  --sarif                de oorzaken als SARIF 2.1.0
  --from <bestand>       de workflow, het Dockerfile, compose-bestand of manifest dat de image noemt:
                         de image komt daaruit als er geen is getypt, en SARIF wijst naar die regel
  --timeout <seconden>   totale tijd (standaard 6)
  --resolve <host=ip>    dit adres gebruiken voor een hostnaam (herhaalbaar), zoals curl --resolve
  --repository <opslagplaats>  opslagplaats voor bereik, blobdownload en pull (een installatiekopie noemt haar)
  --pull-test            ook pullen via de Docker-daemon (traag)
  --client <tool>        docker, podman of containerd (ctr/nerdctl): de client waarvan aanmelden en
                         pullen worden gecontroleerd (standaard: docker als die in PATH staat, anders podman, anders ctr)
  --operation <actie>    wat u probeert: login, pull of push (standaard: pull met een installatiekopie,
                         anders login); push begint een upload en breekt die af: er wordt niets geschreven
  --identity <wie>       wiens rechten worden beoordeeld (standaard: elke referentie die in gebruik is):
                           azure           de Azure-aanmelding (AZURE_*-variabelen)
                           docker          wat docker login voor het register heeft opgeslagen
                           sp:<client-id>  een service-principal (clientgeheim via stdin)
                           admin           de beheerder (wachtwoord via stdin)
                           token:<naam>    een token met opslagplaatsbereik (wachtwoord via stdin)
                           exposed-token   een token van az acr login --expose-token (via stdin)
                           aks:<cluster>   de kubelet-identiteit van een AKS-cluster (via Azure-roltoewijzingen)
                           mi:<client-id>  een beheerde identiteit (via Azure-roltoewijzingen)
                           service:<naam>  een App Service-app (<app>/<sidecar> voor een sidecar), Container App,
                                           containergroep, ML-werkruimte, AKS-cluster, ACR-taak of verbonden register
                                           dat uit het register ophaalt (identiteit en netwerkpad)
  --pulled-by            ook de Azure-resources tonen die uit het register ophalen, met een oordeel per resource
  --username <u> --password-stdin
                         ook deze registerreferenties controleren (wachtwoord via stdin)
  --azure / --no-azure   de instellingen van het register uit Azure lezen (standaard: als AZURE_*-variabelen zijn gezet)
  --only network|login   alleen één gebied controleren

Omgeving: HTTPS_PROXY, HTTP_PROXY, NO_PROXY, DOCKER_HOST, DOCKER_CONFIG, NODE_EXTRA_CA_CERTS,
AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_AUTHORITY_HOST, AZURE_SUBSCRIPTION_ID,
ACR_DOCTOR_ARM_ENDPOINT. LANG=nl* geeft Nederlandse tekst. ACR_DOCTOR_TRACE=1 toont begin en einde van elke
controle op stderr. ACR_DOCTOR_COMPILE_CACHE=<absoluut pad> verplaatst de codecache (standaard ~/.cache/acr-doctor), =0 zet hem uit.

Afsluitcodes: 0 gezond, 1 oorzaken gevonden, 2 kon niet (volledig) worden uitgevoerd: onjuiste invoer,
een identiteit die Azure niet kan vinden, of de tijd was op.
`,
};
