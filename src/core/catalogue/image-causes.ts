// Causes about the named image rather than the registry: the repository or tag is not there, the
// image has no entry for the daemon's platform, the repository or tag is locked, the upload is
// refused. No seed section is about images: each links the closest one (the name typed, Docker's
// configuration, the rights) and ACR's own page where there is one (image lock).
import type { CauseRecord, FixTemplate, Localized } from './types';
import { LAYER } from './layers';
import { LOGIN_PAGE } from './sections';
import { LOGIN_SECTIONS } from './login-causes';

const NAME = 'specify-correct-registry-name';
const DOCKER = 'check-docker-configuration';
const AUTHZ = 'confirm-credentials-are-authorized-to-access-registry';

const docs = (title: Localized, page: string, anchor = ''): FixTemplate => ({ kind: 'openDocs', title, docs: { page, anchor } });
const sectionDocs = (anchor: string): FixTemplate =>
  docs({ en: `Open the docs: ${LOGIN_SECTIONS[anchor].en}`, nl: `Documentatie openen: ${LOGIN_SECTIONS[anchor].nl}` }, LOGIN_PAGE, anchor);
const copy = (title: Localized, command: string, requires?: string[]): FixTemplate => ({ kind: 'copyCommand', title, command, requires });

function cause<Id extends string>(c: Omit<CauseRecord<Id>, 'sectionTitle' | 'docs' | 'seed'>): CauseRecord<Id> {
  return { seed: 'troubleshoot-login', sectionTitle: LOGIN_SECTIONS[c.section], docs: { page: LOGIN_PAGE, anchor: c.section }, ...c };
}

const listTags = copy({ en: 'List the repository\'s tags, newest first', nl: 'De tags van de opslagplaats tonen, nieuwste eerst' },
  'az acr repository show-tags --name {registry} --repository {repository} --orderby time_desc --output table', ['repository']);

export const IMAGE_CAUSES = [
  cause({
    id: 'image.repository-not-found', section: NAME, layer: LAYER.authorization + 8,
    title: { en: 'The repository does not exist in the registry', nl: 'De opslagplaats bestaat niet in het register' },
    explanation: {
      en: 'The registry answered, the identity may read it, but it has no repository of this name (NAME_UNKNOWN): a typing error, another registry, or an image that was never pushed or was deleted. Docker reports it as "manifest unknown" or "repository does not exist", some tools as "unauthorized: authentication required".',
      nl: 'Het register antwoordde en de identiteit mag het lezen, maar het heeft geen opslagplaats met deze naam (NAME_UNKNOWN): een typefout, een ander register, of een installatiekopie die nooit is gepusht of is verwijderd. Docker meldt dit als "manifest unknown" of "repository does not exist", sommige hulpmiddelen als "unauthorized: authentication required".',
    },
    symptoms: ['name unknown', 'name_unknown', 'repository name not known to registry', 'repository does not exist'],
    fixes: [
      copy({ en: 'List the registry\'s repositories', nl: 'De opslagplaatsen van het register tonen' }, 'az acr repository list --name {registry} --output table'),
      copy({ en: 'Push the image first', nl: 'De installatiekopie eerst pushen' }, 'docker push {loginServer}/{image}', ['image']),
      sectionDocs(NAME),
    ],
  }),
  cause({
    id: 'image.tag-not-found', section: NAME, layer: LAYER.authorization + 9,
    title: { en: 'The tag or digest does not exist in the repository', nl: 'De tag of digest bestaat niet in de opslagplaats' },
    explanation: {
      en: 'The repository exists, but not the tag or digest asked for (MANIFEST_UNKNOWN): docker says "manifest for … not found: manifest unknown". Without a tag docker asks for :latest, which many repositories do not have. ACR Doctor lists the nearest existing tags when the identity may list them.',
      nl: 'De opslagplaats bestaat, maar de gevraagde tag of digest niet (MANIFEST_UNKNOWN): docker meldt "manifest for … not found: manifest unknown". Zonder tag vraagt docker om :latest, dat veel opslagplaatsen niet hebben. ACR Doctor noemt de dichtstbijzijnde bestaande tags als de identiteit ze mag opvragen.',
    },
    symptoms: ['manifest unknown', 'manifest_unknown', 'not found: manifest unknown'],
    fixes: [
      copy({ en: 'Pull the nearest existing tag', nl: 'De dichtstbijzijnde bestaande tag pullen' }, 'docker pull {loginServer}/{repository}:{nearestTag}', ['repository', 'nearestTag']),
      listTags,
      sectionDocs(NAME),
    ],
  }),
  cause({
    id: 'image.platform-missing', section: DOCKER, layer: LAYER.authorization + 10,
    title: { en: 'The image has no variant for the Docker daemon\'s platform', nl: 'De installatiekopie heeft geen variant voor het platform van de Docker-daemon' },
    explanation: {
      en: 'The tag is a multi-platform image (an index or manifest list), but none of its entries is for the platform the Docker daemon runs on (os/architecture/variant from docker info): docker says "no matching manifest for linux/… in the manifest list entries". Build and push the image for that platform too, or pull another platform explicitly.',
      nl: 'De tag is een installatiekopie voor meerdere platformen (een index of manifestlijst), maar geen van de vermeldingen is voor het platform waarop de Docker-daemon draait (os/architectuur/variant uit docker info): docker meldt "no matching manifest for linux/… in the manifest list entries". Bouw en push de installatiekopie ook voor dat platform, of pull expliciet een ander platform.',
    },
    symptoms: ['no matching manifest for', 'in the manifest list entries'],
    fixes: [
      copy({ en: 'Build and push the image for the daemon\'s platform too', nl: 'De installatiekopie ook voor het platform van de daemon bouwen en pushen' }, 'docker buildx build --platform {daemonPlatform} --tag {loginServer}/{image} --push .', ['daemonPlatform', 'image']),
      copy({ en: 'Pull a platform the image has', nl: 'Een platform pullen dat de installatiekopie heeft' }, 'docker pull --platform {imagePlatform} {loginServer}/{image}', ['imagePlatform', 'image']),
      copy({ en: 'Show the platforms of the image', nl: 'De platformen van de installatiekopie tonen' }, 'docker manifest inspect {loginServer}/{image}', ['image']),
      sectionDocs(DOCKER),
    ],
  }),
  cause({
    id: 'image.locked', section: AUTHZ, layer: LAYER.authorization + 6,
    title: { en: 'The repository or tag is locked against writes', nl: 'De opslagplaats of tag is vergrendeld tegen schrijven' },
    explanation: {
      en: 'ACR lets a repository or an image be locked (changeable attribute writeEnabled false; deleteEnabled false keeps it from deletion): pushes to it are refused whatever the identity\'s role, and docker says "denied: … The operation is disallowed on this registry, repository or image". Unlock it, or push under another tag.',
      nl: 'In ACR kan een opslagplaats of installatiekopie worden vergrendeld (wijzigbaar kenmerk writeEnabled false; deleteEnabled false voorkomt verwijderen): pushes ernaar worden geweigerd, welke rol de identiteit ook heeft, en docker meldt "denied: … The operation is disallowed on this registry, repository or image". Ontgrendel hem, of push onder een andere tag.',
    },
    symptoms: ['the operation is disallowed on this registry, repository or image', 'writeenabled'],
    fixes: [
      copy({ en: 'Unlock the repository for writes', nl: 'De opslagplaats ontgrendelen voor schrijven' }, 'az acr repository update --name {registry} --repository {repository} --write-enabled true', ['repository']),
      copy({ en: 'Unlock the tag for writes', nl: 'De tag ontgrendelen voor schrijven' }, 'az acr repository update --name {registry} --image {repository}:{tag} --write-enabled true', ['repository', 'tag']),
      docs({ en: 'Lock a container image in an Azure container registry', nl: 'Een containerinstallatiekopie vergrendelen in een Azure-containerregister' }, 'container-registry-image-lock'),
      sectionDocs(AUTHZ),
    ],
  }),
  cause({
    id: 'image.upload-refused', section: AUTHZ, layer: LAYER.authorization + 7,
    title: { en: 'The registry refuses the upload', nl: 'Het register weigert de upload' },
    explanation: {
      en: 'The identity\'s token grants push on the repository, yet the registry refuses to start a blob upload (POST /v2/<repository>/blobs/uploads/): the registry\'s own reason says why (a storage quota reached, the registry in a read-only state, a policy). ACR Doctor tests this by starting an upload and cancelling it: nothing is written.',
      nl: 'Het token van de identiteit verleent push op de opslagplaats, en toch weigert het register een blob-upload te starten (POST /v2/<opslagplaats>/blobs/uploads/): de eigen reden van het register zegt waarom (een opslagquotum bereikt, het register alleen-lezen, een beleid). ACR Doctor test dit door een upload te starten en die af te breken: er wordt niets geschreven.',
    },
    symptoms: ['blob upload unknown', 'blob upload invalid', 'quota exceeded'],
    fixes: [
      copy({ en: 'Show the registry\'s storage use and limits', nl: 'Het opslaggebruik en de limieten van het register tonen' }, 'az acr show-usage --name {registry} --output table'),
      sectionDocs(AUTHZ),
    ],
  }),
];
