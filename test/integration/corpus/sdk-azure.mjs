// The Azure SDK for JavaScript as a user's program meets a registry: @azure/container-registry with
// a token credential from Entra (ClientSecretCredential) or anonymous (pull: the content client's
// getManifest, anonymous the metadata client's manifest properties; list: listRepositoryNames), ending as the SDK's samples
// do (`console.error("An error occurred:", error)`), so the recorded words are what a service logs.
//   node sdk-azure.mjs <list|pull|push> <login server> <repository>[:tag] [anonymous]
// The secret comes in ACR_CORPUS_SECRET (never on the command line); otherwise the
// service principal AZURE_CLIENT_ID / AZURE_CLIENT_SECRET name; tenant and authority from AZURE_*.
import { ContainerRegistryClient, ContainerRegistryContentClient, KnownContainerRegistryAudience } from '@azure/container-registry';
import { ClientSecretCredential } from '@azure/identity';

const [op, server, image, mode] = process.argv.slice(2);
const [repo, tag = 'latest'] = image.split(':');
const endpoint = `https://${server}`;
const audience = KnownContainerRegistryAudience.AzureResourceManagerPublicCloud;
const credential = mode === 'anonymous' ? undefined
  : new ClientSecretCredential(process.env.AZURE_TENANT_ID, process.env.ACR_CORPUS_USER ?? process.env.AZURE_CLIENT_ID, process.env.ACR_CORPUS_SECRET ?? process.env.AZURE_CLIENT_SECRET, { authorityHost: process.env.AZURE_AUTHORITY_HOST });

async function main() {
  if (op === 'list') {
    const client = credential ? new ContainerRegistryClient(endpoint, credential, { audience }) : new ContainerRegistryClient(endpoint, { audience });
    for await (const name of client.listRepositoryNames()) console.log(name);
  } else if (op === 'pull') {
    // The content client's pull: GET /v2/<repo>/manifests/<tag> (needs a credential; anonymous pull goes through the metadata client).
    if (credential) {
      const { digest } = await new ContainerRegistryContentClient(endpoint, repo, credential, { audience }).getManifest(tag);
      console.log(digest);
    } else {
      const props = await new ContainerRegistryClient(endpoint, { audience }).getArtifact(repo, tag).getManifestProperties();
      console.log(props.digest);
    }
  } else if (op === 'push') {
    if (!credential) throw new Error('push needs a credential');
    const content = new ContainerRegistryContentClient(endpoint, repo, credential, { audience });
    const { digest } = await content.uploadBlob(Buffer.from('corpus\n'));
    console.log(digest);
  } else {
    throw new Error(`unknown operation ${op}`);
  }
}

main().catch((error) => {
  console.error('An error occurred:', error);
  process.exit(1);
});
