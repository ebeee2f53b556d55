// Dutch for the messages of the checks about an image, an operation and an identity (the
// repository, tag, platform, lock and upload checks; identities judged by name). Same form as
// check-messages.ts, which lists these among its entries.

export const TARGET_MESSAGES: readonly { en: string; nl: string }[] = [
  // Identities judged by name.
  { en: "docker has no stored login for {login}: run docker login (or az acr login) first.", nl: 'docker heeft geen opgeslagen aanmelding voor {login}: voer eerst docker login (of az acr login) uit.' },
  { en: "Docker's stored login gave no token to judge.", nl: 'De opgeslagen aanmelding van Docker gaf geen token om te beoordelen.' },
  { en: 'Azure lists no AKS cluster named {cluster} (clusters this sign-in sees: {seen}): give one of them as --identity aks:<cluster>, or sign in with an identity that may read the cluster.', nl: 'Azure toont geen AKS-cluster met de naam {cluster} (clusters die deze aanmelding ziet: {seen}): geef er een van op als --identity aks:<cluster>, of meld u aan met een identiteit die het cluster mag lezen.' },
  { en: 'AKS cluster {cluster}: its kubelet identity {id} no longer exists (ARM: ResourceNotFound), so its nodes cannot get tokens to pull from {registry}. Give the cluster a kubelet identity again (az aks update --assign-kubelet-identity) and attach the registry (az aks update --attach-acr).', nl: 'AKS-cluster {cluster}: de kubelet-identiteit {id} bestaat niet meer (ARM: ResourceNotFound), dus de nodes krijgen geen tokens om uit {registry} te pullen. Geef het cluster weer een kubelet-identiteit (az aks update --assign-kubelet-identity) en koppel het register (az aks update --attach-acr).' },
  { en: 'By its role assignments ({held}), {who} may {what} {on}; its own sign-in cannot be tried from this machine.', nl: 'Volgens de roltoewijzingen ({held}) mag {who} {what} {on}; de eigen aanmelding kan vanaf deze computer niet worden geprobeerd.' },
  { en: '{who} was given {role} less than 10 minutes ago; role assignments take up to 10 minutes to apply.', nl: '{who} kreeg {role} minder dan 10 minuten geleden; roltoewijzingen hebben tot 10 minuten nodig om van kracht te worden.' },
  { en: 'The registry uses ABAC repository permissions: {who} holds {held}, and none of it lets it {missing} {on}.', nl: 'Het register gebruikt ABAC-machtigingen per opslagplaats: {who} heeft {held}, en niets daarvan staat {missing} op {on} toe.' },
  { en: '{who} holds {held} on {registry} and above: nothing that allows {missing} (ARM role assignments; its own sign-in cannot be tried from this machine).', nl: '{who} heeft {held} op {registry} en hoger: niets dat {missing} toestaat (ARM-roltoewijzingen; de eigen aanmelding kan vanaf deze computer niet worden geprobeerd).' },
  { en: "The registry's role assignments could not be read, so the managed identity {id} was not judged.", nl: 'De roltoewijzingen van het register konden niet worden gelezen, dus de beheerde identiteit {id} is niet beoordeeld.' },
  { en: "Azure lists no user-assigned managed identity with the client id {id} (this sign-in sees {n}): copy the client id from the identity's overview (az identity show --query clientId), or sign in with an identity that may read it.", nl: 'Azure toont geen door de gebruiker toegewezen beheerde identiteit met de client-id {id} (deze aanmelding ziet er {n}): kopieer de client-id uit het overzicht van de identiteit (az identity show --query clientId), of meld u aan met een identiteit die haar mag lezen.' },

  // The named image: repository, tag or digest.
  { en: 'No credential of the judged identity could read {image}; the login checks say why.', nl: 'Geen referentie van de beoordeelde identiteit kon {image} lezen; de aanmeldingscontroles zeggen waarom.' },
  { en: '{image} exists: an index of {n} platform(s).', nl: '{image} bestaat: een index van {n} platform(en).' },
  { en: '{image} exists: an image manifest.', nl: '{image} bestaat: een installatiekopiemanifest.' },
  { en: 'The registry does not let the judged identity read {image} ({status}); the rights checks say why.', nl: 'Het register laat de beoordeelde identiteit {image} niet lezen ({status}); de rechtencontroles zeggen waarom.' },
  { en: 'GET manifest of {image} answered {status}: {reason}.', nl: 'GET manifest van {image} antwoordde {status}: {reason}.' },
  { en: '{login} has no repository {repo} (NAME_UNKNOWN): docker says "manifest unknown" or "repository does not exist", and some tools "unauthorized: authentication required". Check the name, or push the image first.', nl: '{login} heeft geen opslagplaats {repo} (NAME_UNKNOWN): docker meldt "manifest unknown" of "repository does not exist", en sommige hulpmiddelen "unauthorized: authentication required". Controleer de naam, of push de installatiekopie eerst.' },
  { en: '{repo} exists, but {what} does not (MANIFEST_UNKNOWN); its tags could not be listed with this identity ({status}).', nl: '{repo} bestaat, maar {what} niet (MANIFEST_UNKNOWN); de tags konden met deze identiteit niet worden opgevraagd ({status}).' },
  { en: '{repo} exists but holds no tagged image: {what} does not exist (MANIFEST_UNKNOWN).', nl: '{repo} bestaat maar bevat geen installatiekopie met een tag: {what} bestaat niet (MANIFEST_UNKNOWN).' },
  { en: 'There is no :latest in {repo}: without a tag docker pulls :latest, and this repository has none (manifest unknown). Name a tag; the nearest: {tags}.', nl: 'Er is geen :latest in {repo}: zonder tag pullt docker :latest, en deze opslagplaats heeft die niet (manifest unknown). Noem een tag; de dichtstbijzijnde: {tags}.' },
  { en: '{repo} exists, but {what} does not (MANIFEST_UNKNOWN): the image was deleted or the digest belongs to another repository.', nl: '{repo} bestaat, maar {what} niet (MANIFEST_UNKNOWN): de installatiekopie is verwijderd of de digest hoort bij een andere opslagplaats.' },
  { en: '{repo} exists, but {what} does not (MANIFEST_UNKNOWN). The nearest existing tags: {tags}.', nl: '{repo} bestaat, maar {what} niet (MANIFEST_UNKNOWN). De dichtstbijzijnde bestaande tags: {tags}.' },

  // The named image's layer through the data endpoint (network/data-path.ts).
  { en: "the named image's manifest could not be read, so none of its layers was fetched (the image check says why)", nl: 'het manifest van de genoemde installatiekopie kon niet worden gelezen, dus er is geen laag opgehaald (de controle van de installatiekopie zegt waarom)' },
  { en: 'the platform manifest {digest} of {repo} could not be read ({status}: {reason})', nl: 'het platformmanifest {digest} van {repo} kon niet worden gelezen ({status}: {reason})' },
  { en: 'the manifest of {repo} lists no layer to fetch', nl: 'het manifest van {repo} noemt geen laag om op te halen' },
  { en: 'the login server serves the layer {layer} of {repo} itself (no redirect)', nl: 'de aanmeldingsserver levert de laag {layer} van {repo} zelf (geen omleiding)' },
  { en: "the layer {layer} of {repo}: blob GET → 307 {host}, which answered (one byte asked for); the other replicas' data endpoints answered too ({hosts})", nl: 'de laag {layer} van {repo}: blob GET → 307 {host}, dat antwoordde (één byte gevraagd); de gegevenseindpunten van de andere replica\'s antwoordden ook ({hosts})' },
  { en: 'the layer {layer} of {repo}: blob GET → 307 {host}, which answered (one byte asked for)', nl: 'de laag {layer} van {repo}: blob GET → 307 {host}, dat antwoordde (één byte gevraagd)' },
  { en: 'the layer {layer} of {repo}: blob GET → 307 {host}; {@why}', nl: 'de laag {layer} van {repo}: blob GET → 307 {host}; {@why}' },

  // A push: lock, upload started and cancelled (image/push.ts).
  { en: 'No credential of the judged identity could be tried for a push to {repo}; the login checks say why.', nl: 'Geen referentie van de beoordeelde identiteit kon worden geprobeerd voor een push naar {repo}; de aanmeldingscontroles zeggen waarom.' },
  { en: 'The judged identity cannot sign in from this machine, so no upload was tried for it; its rights on {repo} are judged through its role assignments.', nl: 'De beoordeelde identiteit kan zich vanaf deze computer niet aanmelden, dus er is geen upload geprobeerd; de rechten op {repo} worden beoordeeld via de roltoewijzingen.' },
  { en: "The registry's token for the judged identity grants no push on {repo}: no upload was tried (the rights checks say which role is missing).", nl: 'Het token van het register voor de beoordeelde identiteit verleent geen push op {repo}: er is geen upload geprobeerd (de rechtencontroles zeggen welke rol ontbreekt).' },
  { en: "The repository {repo} is locked: its writeEnabled attribute is false, so the registry refuses every push to it whatever the identity's role.", nl: 'De opslagplaats {repo} is vergrendeld: het kenmerk writeEnabled is false, dus het register weigert elke push ernaar, welke rol de identiteit ook heeft.' },
  { en: 'The tag {image} is locked: its writeEnabled attribute is false, so pushing that tag again is refused (other tags of {repo} may be pushed).', nl: 'De tag {image} is vergrendeld: het kenmerk writeEnabled is false, dus die tag opnieuw pushen wordt geweigerd (andere tags van {repo} mogen worden gepusht).' },
  { en: 'The registry accepts a push to {repo}: an upload was started (202) and cancelled ({status}); nothing was written.', nl: 'Het register accepteert een push naar {repo}: er is een upload gestart (202) en afgebroken ({status}); er is niets geschreven.' },
  { en: 'The registry accepts a push to {repo}: an upload was started (202); nothing was written.', nl: 'Het register accepteert een push naar {repo}: er is een upload gestart (202); er is niets geschreven.' },
  { en: 'The registry refuses uploads to {repo} with 405 DENIED ({reason}): the repository is locked against writes.', nl: 'Het register weigert uploads naar {repo} met 405 DENIED ({reason}): de opslagplaats is vergrendeld tegen schrijven.' },
  { en: 'The token grants push on {repo}, yet the registry refuses to start an upload (POST → {status}): {reason}.', nl: 'Het token verleent push op {repo}, en toch weigert het register een upload te starten (POST → {status}): {reason}.' },

  // The daemon's platform (image/platform.ts).
  { en: '{image} is a single-platform image: docker pulls it on any platform.', nl: '{image} is een installatiekopie voor één platform: docker pullt hem op elk platform.' },
  { en: "{image} has the platforms {platforms}; the Docker daemon's own could not be read.", nl: '{image} heeft de platformen {platforms}; dat van de Docker-daemon kon niet worden gelezen.' },
  { en: "{image} has an entry for the daemon's platform {platform} (of {platforms}).", nl: '{image} heeft een vermelding voor het platform van de daemon, {platform} (van {platforms}).' },
  { en: '{image} has no entry for the Docker daemon\'s platform {platform}: it has {platforms}. docker pull says "no matching manifest for {platform2} in the manifest list entries".', nl: '{image} heeft geen vermelding voor het platform van de Docker-daemon, {platform}: het heeft {platforms}. docker pull meldt "no matching manifest for {platform2} in the manifest list entries".' },
];
