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
];
