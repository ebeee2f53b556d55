// Pull errors that Azure services log rank the puller causes first, above the generic credential
// causes; kubelet's containerd chains keep their AKS causes.
import { strict as assert } from 'node:assert';
import { explainText } from '../../../src/core/explain';

const first = (t: string) => (explainText(t) as unknown as { matches: { causeId: string }[] }).matches[0]?.causeId;

describe('explain: pull errors of the Azure services that pull', () => {
  it('App Service\'s DockerApiException with unauthorized: the app\'s identity or credentials first', () => {
    assert.equal(first('DockerApiException: Docker API responded with status code=InternalServerError, response={"message":"Head \\"https://contoso.azurecr.io/v2/web/manifests/1\\": unauthorized: authentication required"}'), 'pullers.identity-missing-acrpull');
  });

  it('a Container Apps revision\'s failed pull: the app\'s identity first', () => {
    assert.equal(first('Failed to pull image "contoso.azurecr.io/web:1": unauthorized: authentication required'), 'pullers.identity-missing-acrpull');
  });

  it('Container Instances\' inaccessible image: a puller cause first', () => {
    assert.match(first("The image 'contoso.azurecr.io/web:1' in container group 'jobs' is not accessible. Please check the image and registry credential.") ?? '', /^pullers\./);
  });

  it('the kubelet\'s containerd chain is not read as Container Apps', () => {
    assert.doesNotMatch(first('Failed to pull image "contoso.azurecr.io/hello:v1": rpc error: code = Unknown desc = failed to pull and unpack image "contoso.azurecr.io/hello:v1": failed to resolve reference "contoso.azurecr.io/hello:v1": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://contoso.azurecr.io/oauth2/token?scope=repository%3Ahello%3Apull&service=contoso.azurecr.io: 401 Unauthorized') ?? '', /^pullers\.identity-missing-acrpull$/);
  });
});
