// How other clients word the same registry faults, beside the seeds' docker and az texts:
// the OCI distribution API's error codes wherever they are quoted, containerd's and BuildKit's
// "failed to authorize / failed to fetch … token / unexpected status" chains (kubelet, nerdctl,
// ctr, docker buildx, Helm 3 through oras), containers/image (podman, skopeo, buildah), Helm's
// chart-repository words, Entra AADSTS codes, ARM error codes in az output, CI steps, Docker API
// SDK texts and bare HTTP statuses. Sources: test/data/explain-corpus (recorded and from-source).
import type { SymptomRule } from './explain';

export const DIALECT_RULES: SymptomRule[] = [
  // OCI distribution codes as registries send them (JSON bodies, Go error chains).
  { label: 'OCI TOOMANYREQUESTS', pattern: /"code"\s*:\s*"TOOMANYREQUESTS"|\bTOOMANYREQUESTS\b|: 429 Too Many Requests|response status code 429|status(?: code)?:? 429\b/, causes: ['network.throttled'], weight: 94, specific: true },
  { label: 'OCI MANIFEST_UNKNOWN', pattern: /"code"\s*:\s*"MANIFEST_UNKNOWN"|\bMANIFEST_UNKNOWN\b|manifest unknown/i, causes: ['image.tag-not-found', 'image.repository-not-found'], weight: 93, specific: true },
  { label: 'OCI NAME_UNKNOWN', pattern: /"code"\s*:\s*"NAME_UNKNOWN"|\bNAME_UNKNOWN\b|repository name not known to registry/i, causes: ['image.repository-not-found', 'image.tag-not-found'], weight: 94, specific: true },
  { label: 'OCI BLOB_UPLOAD refused', pattern: /\bBLOB_UPLOAD_(?:UNKNOWN|INVALID)\b|blob upload (?:unknown|invalid)/i, causes: ['image.upload-refused'], weight: 90, specific: true },
  { label: 'OCI DENIED', pattern: /"code"\s*:\s*"DENIED"|\bDENIED: requested access|\bdenied: requested access/, causes: ['authz.missing-acrpull', 'authz.missing-acrpush', 'authz.token-scope-missing-action', 'authz.abac-repository-permissions'], weight: 80 },
  { label: 'OCI UNAUTHORIZED', pattern: /"code"\s*:\s*"UNAUTHORIZED"/, causes: ['credentials.invalid', 'credentials.stale-docker-credential', 'expiry.aad-token-expired', 'credentials.anonymous-pull-disabled', 'authz.missing-acrpull'], weight: 62, generic: true },
  // An access token without the action asked for: 401 on the resource after a token was issued.
  { label: 'token without the pull action', pattern: /"code"\s*:\s*"UNAUTHORIZED"[^}]*"Action"\s*:\s*"pull"|\bunauthorized: [^\n]{0,200}\[?map\[Action:pull\b|insufficient_scope: authorization failed|pull access denied, repository does not exist or may require authorization/i, causes: ['authz.missing-acrpull', 'authz.token-scope-missing-action', 'authz.abac-repository-permissions', 'authz.role-propagation-pending', 'credentials.anonymous-pull-disabled', 'image.repository-not-found'], weight: 82 },
  // docker's "pull access denied … may require 'docker login'" ends with ACR's own answer; "denied" is a refused right (a missing repository is NAME_UNKNOWN).
  { label: 'docker pull access denied: denied', pattern: /pull access denied for \S+?,? repository does not exist or may require 'docker login': denied: requested access to the resource is denied/i, causes: ['authz.missing-acrpull', 'authz.token-scope-missing-action', 'authz.abac-repository-permissions', 'authz.role-propagation-pending', 'credentials.anonymous-pull-disabled', 'image.repository-not-found'], weight: 90 },
  // az acr repository: az got its access token, then the catalog refused it: the identity's rights.
  { label: 'az repository: token refused by the catalog', pattern: /^ERROR: Error: authentication required\.?\s*$/m, causes: ['authz.missing-acrpull', 'authz.token-scope-missing-action', 'authz.abac-repository-permissions', 'authz.role-propagation-pending'], weight: 76 },
  { label: 'token without the push action', pattern: /"code"\s*:\s*"UNAUTHORIZED"[\s\S]{0,400}"Action"\s*:\s*"push"|\bunauthorized: [^\n]{0,200}\[?map\[Action:push\b|\bpush(?:ing)?\b[^\n]{0,300}insufficient_scope|\brequested access to the resource is denied\b[\s\S]{0,400}\bpush(?:ing)?\b|\bpush(?:ing)?\b[\s\S]{0,400}requested access to the resource is denied/i, causes: ['authz.missing-acrpush', 'authz.token-scope-missing-action', 'image.locked'], weight: 88 },

  // Azure services that pull for the user: App Service's docker log (DockerApiException), Container
  // Apps' revision events (no kubelet rpc chain); the service's identity or stored credentials first.
  { label: 'App Service DockerApiException unauthorized', pattern: /DockerApiException:[\s\S]{0,400}\b(?:unauthorized|authentication required|401)\b/i, causes: ['pullers.identity-missing-acrpull', 'pullers.admin-user-disabled', 'pullers.identity-unresolved', 'pullers.token-disabled', 'credentials.azure-service-config'], weight: 88 },
  { label: 'Container Apps image pull unauthorized', pattern: /^(?![\s\S]*(?:rpc error|failed to pull and unpack|failed to resolve reference|ErrImagePull|kubelet))[\s\S]*(?:Failed to pull image|unable to pull image using managed identity)[^\n]{0,300}\b(?:unauthorized|authentication required|401)\b/i, causes: ['pullers.identity-missing-acrpull', 'pullers.admin-user-disabled', 'pullers.identity-unresolved', 'credentials.azure-service-config'], weight: 84 },
  // Container Apps' ARM answer to a revision whose image it may not pull (WebhookInvalidParameterValue,
  // "Failed to provision revision …"), and the revision's runtime event.
  { label: 'Container Apps revision image unauthorized', pattern: /(?:Failed to provision revision for container app|template\.containers\.[^\s.]+\.image)[\s\S]{0,600}\bUNAUTHORIZED\b/i, causes: ['pullers.identity-missing-acrpull', 'pullers.admin-user-disabled', 'pullers.identity-unresolved', 'credentials.azure-service-config'], weight: 92 },
  { label: 'Container Apps image pull failure', pattern: /reason '?ImagePullFailure'?|ContainerAppImagePullFailure/i, causes: ['pullers.identity-missing-acrpull', 'pullers.identity-unresolved', 'pullers.admin-user-disabled', 'pullers.service-outside-network'], weight: 80 },
  // Container Instances: InaccessibleImage names no reason (credentials, the image, or the network path);
  // RegistryErrorResponse is the registry's own refusal (a network-restricted registry refuses ACI's outbound addresses).
  { label: 'Container Instances InaccessibleImage', pattern: /\bInaccessibleImage\b|in container group '[^']+' is not accessible\. Please check the image and (?:azure )?registry credential/i, causes: ['pullers.identity-missing-acrpull', 'pullers.identity-unresolved', 'pullers.private-dns-not-linked', 'pullers.service-outside-network', 'image.tag-not-found'], weight: 86 },
  { label: 'Container Instances RegistryErrorResponse', pattern: /\bRegistryErrorResponse\b[^\n]{0,200}(?:azurecr\.(?:io|cn|us)|docker registry)/i, causes: ['pullers.service-outside-network', 'pullers.private-dns-not-linked', 'network.public-access-disabled'], weight: 87 },
  // App Service pulling from a network-restricted registry: its shared outbound addresses are refused.
  { label: 'App Service DockerApiException firewall refusal', pattern: /DockerApiException:[\s\S]{0,600}client with ip '[0-9a-f.:]{2,45}' is not allowed access/i, causes: ['pullers.service-outside-network', 'pullers.vnet-image-pull-off', 'network.ip-rule-excludes-client'], weight: 102 },
  // The kubelet's summary events with nothing more: the cluster's kubelet identity first.
  { label: 'kubelet ErrImagePull / ImagePullBackOff', pattern: /\bkubelet\b[\s\S]{0,400}\b(?:ErrImagePull|ImagePullBackOff|Back-off pulling image)\b|\b(?:ErrImagePull|ImagePullBackOff)\b[\s\S]{0,400}\bkubelet\b/, causes: ['authz.aks-kubelet-missing-acrpull', 'credentials.azure-service-config'], weight: 70 },
  // containerd / BuildKit / nerdctl / kubelet / Helm (oras) chains.
  // The same refusal in the kubelet's events: a cluster node pulled with no credential, so its kubelet identity holds no AcrPull (no --attach-acr).
  { label: 'kubelet anonymous token refused', pattern: /\bkubelet\b[\s\S]{0,600}failed to fetch anonymous token: unexpected status(?: from GET request to \S+)?: 401/i, causes: ['authz.aks-kubelet-missing-acrpull', 'credentials.anonymous-pull-disabled', 'credentials.azure-service-config'], weight: 83 },
  { label: 'anonymous token refused', pattern: /failed to fetch anonymous token: unexpected status(?: from GET request to \S+)?: 401/i, causes: ['credentials.anonymous-pull-disabled', 'authz.aks-kubelet-missing-acrpull', 'credentials.azure-service-config'], weight: 82 },
  { label: 'anonymous token forbidden', pattern: /failed to fetch anonymous token: unexpected status(?: from GET request to \S+)?: 403/i, causes: ['network.public-access-disabled', 'network.ip-rule-excludes-client'], weight: 82 , forbidden: true },
  { label: 'oauth token refused', pattern: /failed to fetch oauth token: unexpected status(?: from (?:GET|POST) request to \S+)?: 401|oauth2\/token[^\n]{0,200}response status code 401/i, causes: ['credentials.invalid', 'credentials.stale-docker-credential', 'expiry.aad-token-expired'], weight: 78, generic: true },
  { label: 'oauth token forbidden', pattern: /failed to fetch (?:oauth|anonymous) token: unexpected status[^\n]{0,200}: 403|oauth2\/token[^\n]{0,200}response status code 403/i, causes: ['network.public-access-disabled', 'network.ip-rule-excludes-client'], weight: 80 , forbidden: true },
  { label: 'manifest HEAD 404', pattern: /unexpected status from HEAD request to \S+\/manifests\/\S+: 404|HEAD "[^"]+\/manifests\/[^"]+": (?:response status code )?404|: not found$|"[^"]+": not found\b/im, causes: ['image.tag-not-found', 'image.repository-not-found'], weight: 86, specific: true },
  { label: 'manifest HEAD 403', pattern: /unexpected status from (?:HEAD|GET|PUT|POST) request to \S+: 403 Forbidden|response status code 403/i, causes: ['network.ip-rule-excludes-client', 'network.public-access-disabled', 'network.private-endpoint-dns-public'], weight: 75 , forbidden: true },
  { label: 'manifest HEAD 401', pattern: /unexpected status from (?:HEAD|GET|PUT|POST) request to \S{1,400}: 401 Unauthorized|response status code 401/i, causes: ['credentials.invalid', 'credentials.stale-docker-credential', 'expiry.aad-token-expired', 'credentials.anonymous-pull-disabled', 'authz.missing-acrpull'], weight: 66, generic: true },
  { label: 'push refused with 401', pattern: /failed to push \S{1,300}: (?:unexpected status from \S+ request to \S{1,400}: )?401 Unauthorized/i, causes: ['authz.missing-acrpush', 'authz.token-scope-missing-action', 'credentials.invalid'], weight: 80 },
  // A blob fetch failing on the data endpoint the registry redirected to (containerd's httpReadSeeker, Go's Get).
  { label: 'blob fetch from the data endpoint failed', pattern: /httpReadSeeker: failed open|(?:Get|GET) \\?"https:\/\/[a-z0-9]{5,50}\.[a-z0-9-]+\.data\.azurecr\.(?:io|cn|us)[^"]{0,400}\\?": [^\n]{0,120}(?:i\/o timeout|deadline exceeded|connection refused|connection reset|no such host)/i, causes: ['network.data-endpoint-blocked', 'network.replica-data-endpoint-blocked', 'network.private-endpoint-data-dns-missing', 'network.firewall-blocks-registry'], weight: 88, specific: true },
  // ACR answers a write to a locked repository or tag with 405 and DENIED (containerd, oras: only the status survives).
  { label: 'write refused with 405', pattern: /unexpected status from (?:PUT|DELETE|POST|PATCH) request to \S+: 405 Method Not Allowed|(?:PUT|DELETE) "[^"]+": response status code 405/i, causes: ['image.locked'], weight: 92, specific: true },
  { label: 'crane / oras: no image for this platform', pattern: /no child with platform (?<platform>\S+) in index|no matching manifest was found in the manifest list|platform in manifest does not match target platform/i, causes: ['image.platform-missing'], weight: 95, specific: true },
  // ctr's own words: containerd not answering, a reference without a tag, an index without this platform.
  { label: 'ctr: containerd not answering', pattern: /failed to dial "[^"]*containerd[^"]*\.sock"|dial unix (?:unix:\/\/)?\S*containerd\.sock/i, causes: ['client.containerd-unreachable'], weight: 98, specific: true },
  { label: 'ctr: reference without a tag', pattern: /failed to resolve reference "[^"]+": object required/i, causes: ['image.tag-not-found'], weight: 90, specific: true },
  { label: 'ctr: no image for this platform', pattern: /no match for platform in manifest/i, causes: ['image.platform-missing'], weight: 96, specific: true },
  // The registry's name resolving to this machine: a hosts-file line for a local tunnel (Bastion) with nothing listening.
  { label: 'login server on the loopback refused', pattern: /dial tcp 127\.0\.0\.1:\d+: connect: connection refused/i, causes: ['network.bastion-endpoint-unsupported', 'network.login-server-unreachable'], weight: 90, specific: true },
  { label: 'server error status', pattern: /unexpected status(?: code)?(?: from \S+ request to \S+)?: 5\d\d|response status code 5\d\d/i, causes: ['network.client-proxy-broken', 'network.daemon-proxy-missing'], weight: 35 },
  { label: 'kubelet pull failed', pattern: /ErrImagePull|ImagePullBackOff|Failed to pull image/i, causes: ['authz.aks-kubelet-missing-acrpull', 'credentials.azure-service-config'], weight: 45 },

  // containers/image (podman, skopeo, buildah).
  // Pulling, containers/image says "invalid username/password" for any 401 from the token service, credentials sent or not.
  { label: 'containers/image: token refused while pulling', pattern: /unable to retrieve auth token: invalid username\/password/i, causes: ['credentials.invalid', 'credentials.stale-docker-credential', 'credentials.anonymous-pull-disabled', 'expiry.aad-token-expired', 'credentials.anonymous-pull-blocked'], weight: 82, generic: true },
  { label: 'containers/image: invalid username/password', pattern: /invalid username\/password/i, causes: ['credentials.invalid', 'credentials.service-principal-invalid', 'credentials.admin-user-disabled', 'expiry.repository-token-password'], weight: 80, generic: true },
  { label: 'containers/image: authentication required', pattern: /requested access to the resource is denied\s*\n?\s*unauthorized: authentication required/i, causes: ['authz.missing-acrpull', 'authz.token-scope-missing-action', 'authz.abac-repository-permissions', 'authz.role-propagation-pending', 'credentials.anonymous-pull-disabled'], weight: 84 },
  { label: 'containers/image: auth file unreadable', pattern: /(?:reading|parsing|unmarshaling) JSON (?:file|auth)|error reading JSON file|credential helpers?: .*not found|invalid character .* looking for beginning|unexpected end of JSON input|couldn't read .*auth\.json/i, causes: ['docker.config-malformed'], weight: 88, specific: true },

  { label: 'containers/image: no image for this platform', pattern: /no image found in (?:image index|manifest list) for architecture (?<platform>\S+?),? variant "[^"]*",? OS \S+|choosing an image from manifest list/i, causes: ['image.platform-missing'], weight: 95, specific: true },
  { label: 'storage quota exceeded', pattern: /storage quota exceeded|quota exceeded/i, causes: ['image.upload-refused'], weight: 95, specific: true },

  // Docker daemon, as SDKs and CI print it.
  { label: 'Docker API socket missing', pattern: /connect ENOENT \S*docker\S*\.sock|Error while fetching server API version|FileNotFoundError\(2, 'No such file or directory'\)|dial unix \S*docker\.sock: connect: (?:no such file|permission denied)/i, causes: ['docker.daemon-unreachable'], weight: 96, specific: true },
  { label: 'Docker API: client too new', pattern: /client version [\d.]+ is too new|Maximum supported API version is/i, causes: ['docker.version-too-old'], weight: 92, specific: true },
  { label: 'docker config unreadable', pattern: /(?:WARNING: )?Error (?:loading|parsing) config file[^\n]*|unexpected end of JSON input/i, causes: ['docker.config-malformed'], weight: 97, specific: true },
  // The token service failing (not refusing): a 5xx where the token is fetched.
  { label: 'token service error', pattern: /Requesting bearer token: [^\n]{0,60}status code from registry 5\d\d|received unexpected HTTP status: 5\d\d|oauth2\/(?:token|exchange)[^\n]{0,200}(?:: 5\d\d|response status code 5\d\d)/i, causes: ['credentials.access-token-failed', 'credentials.aad-exchange-failed'], weight: 80 },
  // The same, as the Azure SDKs print a RestError: the status, then the request that got it.
  { label: 'token exchange failed (SDK)', pattern: /"?statusCode"?:\s*5\d\d[\s\S]{0,800}?\/oauth2\/exchange\b/, causes: ['credentials.aad-exchange-failed', 'credentials.access-token-failed'], weight: 84 },
  { label: 'access token not issued (SDK)', pattern: /"?statusCode"?:\s*5\d\d[\s\S]{0,800}?\/oauth2\/token\b/, causes: ['credentials.access-token-failed', 'credentials.aad-exchange-failed'], weight: 84 },
  // A registry name with no dot goes to DNS (or, with a repository, to Docker Hub) as it is.
  { label: 'registry name without a suffix', pattern: /(?:lookup|resolve host:?|Get "https:\/\/)\s?(?<host>[a-z][a-z0-9]{4,49})(?=[\s:/"]|$)(?!\.)|\bdocker\.io\/(?!library\/)[a-z0-9]{5,50}\/[a-z0-9]/i, causes: ['name.missing-suffix'], weight: 95, specific: true },
  { label: 'CI login without a secret', pattern: /Username and password required|Cannot perform an interactive login from a non TTY device|Must provide --username with --password-stdin/i, causes: ['credentials.invalid', 'authz.missing-acrpull'], weight: 75 },

  // Helm: OCI (registry login / pull / push) and the retired chart-repository API.
  { label: 'Helm login refused', pattern: /login attempt to \S+ failed with status: 401|Error: (?:logging in to|authenticating to) \S+[^\n]*401/i, causes: ['credentials.invalid', 'credentials.service-principal-invalid', 'credentials.admin-user-disabled'], weight: 72, generic: true },
  { label: 'Helm chart repository refused', pattern: /is not a valid chart repository or cannot be reached: (?:failed to fetch \S+ : )?401/i, causes: ['credentials.invalid', 'credentials.stale-docker-credential'], weight: 70, generic: true },
  { label: 'Helm chart repository forbidden', pattern: /is not a valid chart repository or cannot be reached: failed to fetch \S+ : 403/i, causes: ['network.ip-rule-excludes-client', 'network.public-access-disabled', 'network.private-endpoint-dns-public'], weight: 84 , forbidden: true },
  { label: 'Helm chart repository gone', pattern: /is not a valid chart repository or cannot be reached: (?:failed to fetch \S+ : )?404|\/helm\/v1\/repo/i, causes: ['helm.version-too-old'], weight: 70 },
  { label: 'Helm chart version missing', pattern: /chart "[^"]+" version "[^"]+" not found|failed to perform "FetchReference" on source: [^\n]*(?:404|not found)/i, causes: ['image.tag-not-found', 'image.repository-not-found'], weight: 86, specific: true },

  // Entra AADSTS codes (az, SDKs, helpers), ARM error codes in az output.
  { label: 'AADSTS7000215 invalid client secret', pattern: /AADSTS7000215|AADSTS7000216/, causes: ['credentials.service-principal-invalid'], weight: 96, specific: true },
  { label: 'AADSTS700016 app not found', pattern: /AADSTS700016/, causes: ['credentials.service-principal-invalid'], weight: 95, specific: true },
  { label: 'AADSTS7000222 secret expired', pattern: /AADSTS7000222/, causes: ['expiry.service-principal-secret'], weight: 97, specific: true },
  { label: 'AADSTS refresh token expired', pattern: /AADSTS700082|AADSTS50173|AADSTS50133|AADSTS70043|AADSTS50078|AADSTS700024/, causes: ['expiry.aad-token-expired'], weight: 95, specific: true },
  { label: 'AADSTS audience', pattern: /AADSTS500011|AADSTS50001\b|AADSTS650057/, causes: ['credentials.aad-audience-rejected'], weight: 92, specific: true },
  { label: 'AADSTS tenant not found', pattern: /AADSTS90002|AADSTS90072|AADSTS50020/, causes: ['credentials.service-principal-invalid', 'credentials.azure-service-config'], weight: 88 },
  { label: 'ARM AuthorizationFailed', pattern: /\(AuthorizationFailed\)|Code: AuthorizationFailed|does not have authorization to perform action '[^']*ContainerRegistry/i, causes: ['authz.missing-reader'], weight: 90, specific: true },
  { label: 'ARM registry not found', pattern: /\(ResourceNotFound\)[^\n]*Microsoft\.ContainerRegistry\/registries|The Resource 'Microsoft\.ContainerRegistry\/registries\/[^']+'[^\n]*was not found|ResourceGroupNotFound|registry '[^']+' not found|could not be found in (?:the )?(?:current )?subscription/i, causes: ['name.registry-not-found', 'name.missing-suffix', 'name.resource-name-vs-login-server'], weight: 90, specific: true },
  { label: 'ARM provider unregistered', pattern: /MissingSubscriptionRegistration|not registered to use namespace 'Microsoft\.ContainerRegistry'/i, causes: ['network.resource-provider-unregistered'], weight: 95, specific: true },
  { label: 'ARM token expired', pattern: /ExpiredAuthenticationToken|The access token expiry UTC time '[^']+' is earlier than current UTC time|AADSTS70043/i, causes: ['expiry.aad-token-expired'], weight: 90, specific: true },

  // az acr import / build and ACR Tasks.
  // Import's source registry refused ACR's own pull: the credentials given for it, or their rights there.
  { label: 'az acr import: source unauthorized', pattern: /Invalid message Unauthorized Unauthorized|Authentication failed\. Please provide password|The source container registry can not be found/i, causes: ['credentials.invalid', 'authz.missing-acrpull'], weight: 88 },
  { label: 'az acr import: source missing', pattern: /Source cannot be found|source image [^\s]+ (?:was )?not found|Error copying blobs[^\n]*(?:not found|manifest unknown)/i, causes: ['image.tag-not-found', 'image.repository-not-found'], weight: 88, specific: true },
  { label: 'ACR Tasks login failed', pattern: /failed to login, ran out of retries|failed to set docker credentials/i, causes: ['network.trusted-services-bypass-off', 'authz.missing-acrpush', 'network.public-access-disabled'], weight: 80 },
  { label: 'az: access token refused with 401', pattern: /CONNECTIVITY_ACCESS_TOKEN_ERROR[\s\S]{0,200}Response code: 401/, causes: ['credentials.invalid', 'credentials.access-token-failed', 'credentials.admin-user-disabled', 'credentials.service-principal-invalid'], weight: 97, generic: true },
  { label: 'az: refused with 403', pattern: /(?:Access to registry '[^']+' was denied\. Response code: 403|Looks like you don't have access to registry)/, causes: ['network.public-access-disabled', 'network.ip-rule-excludes-client', 'network.private-endpoint-dns-public'], weight: 92 },
  { label: 'az: no AAD credential and no admin', pattern: /Unable to authenticate using AAD or admin login credentials/, causes: ['credentials.aad-exchange-failed', 'credentials.admin-user-disabled'], weight: 70 },
  // az says this whenever /v2/ is not a 401 with WWW-Authenticate (acr/_docker_utils.py): a broken challenge, a 429, a 403.
  { label: 'az: registry answered no challenge', pattern: /did not issue a challenge/, causes: ['network.challenge-invalid', 'network.throttled', 'network.public-access-disabled', 'network.login-server-unreachable'], weight: 85 },

  // containers/image pinging /v2/: the registry's firewall answers 403 before any credential is tried.
  { label: 'containers/image: ping refused with 403', pattern: /status code from registry 403|pinging container registry \S+: [^\n]{0,80}403/i, causes: ['network.ip-rule-excludes-client', 'network.public-access-disabled', 'network.private-endpoint-dns-public', 'network.service-endpoint-rule-missing'], weight: 82 , forbidden: true },
  // A private address that does not route: an endpoint not approved, an NSG or firewall on the way.
  { label: 'no route to the login server', pattern: /connect: no route to host|EHOSTUNREACH|network is unreachable/i, causes: ['network.login-server-unreachable', 'network.private-endpoint-not-approved', 'network.nsg-blocks-registry', 'network.firewall-blocks-registry'], weight: 78 },
  { label: 'data endpoint name does not resolve', pattern: /lookup [a-z0-9]{5,50}\.[a-z0-9-]+\.data\.azurecr\.(?:io|cn|us)\b/i, causes: ['network.private-endpoint-data-dns-missing', 'network.dns-resolution-failed', 'network.data-endpoint-blocked'], weight: 96, specific: true },
  { label: 'python requests: proxy', pattern: /Cannot connect to proxy|ProxyError\(|Tunnel connection failed/i, causes: ['network.client-proxy-broken'], weight: 92, specific: true },

  // curl's own words.
  { label: 'curl: resolve', pattern: /curl: \(6\) Could not resolve host/i, causes: ['network.dns-resolution-failed'], weight: 92, specific: true },
  { label: 'curl: connect', pattern: /curl: \(7\) (?:Failed to connect|Couldn't connect)/i, causes: ['network.login-server-unreachable', 'network.login-server-timeout', 'network.private-endpoint-not-approved'], weight: 85 },
  { label: 'curl: timeout', pattern: /curl: \(28\)/i, causes: ['network.login-server-timeout', 'network.nsg-blocks-registry', 'network.firewall-blocks-registry', 'network.data-endpoint-blocked'], weight: 80 },
  { label: 'curl: TLS', pattern: /curl: \(60\)|curl: \(35\)|SSL certificate problem/i, causes: ['network.tls-untrusted'], weight: 92, specific: true },
  { label: 'curl: proxy', pattern: /curl: \(5\) Could not resolve proxy|curl: \(56\) (?:CONNECT tunnel failed|Proxy CONNECT aborted|Recv failure)|curl: \(97\)/i, causes: ['network.client-proxy-broken'], weight: 92, specific: true },
  { label: 'curl: 401', pattern: /curl: \(22\) The requested URL returned error: 401/i, causes: ['credentials.invalid', 'credentials.stale-docker-credential', 'expiry.aad-token-expired', 'credentials.anonymous-pull-disabled'], weight: 60, generic: true },
  { label: 'curl: 403', pattern: /curl: \(22\) The requested URL returned error: 403/i, causes: ['network.public-access-disabled', 'network.ip-rule-excludes-client', 'network.private-endpoint-dns-public', 'network.service-endpoint-rule-missing'], weight: 62 , forbidden: true },
  { label: 'curl: 404', pattern: /curl: \(22\) The requested URL returned error: 404/i, causes: ['image.tag-not-found', 'image.repository-not-found'], weight: 60 },
  { label: 'curl: 429', pattern: /curl: \(22\) The requested URL returned error: 429/i, causes: ['network.throttled'], weight: 92, specific: true },

  // Go's and Node's transport words the seed rules do not quote.
  { label: 'Go client timeout', pattern: /\(Client\.Timeout exceeded[^)]*\)|net\/http: request canceled while waiting for connection|dial tcp [0-9.:[\]]+: (?:i\/o timeout|connect: connection timed out)/i, causes: ['network.login-server-timeout', 'network.daemon-proxy-missing', 'network.nsg-blocks-registry', 'network.firewall-blocks-registry'], weight: 72 },
  // Node's resolver (the Azure SDKs, dockerode): the name itself did not resolve.
  { label: 'Node resolver: name not found', pattern: /getaddrinfo (?:EAI_AGAIN|ENOTFOUND) \S+/, causes: ['network.dns-resolution-failed', 'name.registry-not-found', 'name.wrong-cloud-suffix', 'name.missing-suffix'], weight: 92, specific: true },
  { label: 'token audience refused by the registry', pattern: /azureADAuthenticationAsArmPolicy is disabled|access token audience \S+ is not accepted/i, causes: ['credentials.aad-audience-rejected'], weight: 96, specific: true },
  { label: 'Node: proxy CONNECT failed', pattern: /Proxy connection ended before receiving CONNECT response|tunneling socket could not be established/i, causes: ['network.client-proxy-broken'], weight: 92, specific: true },
  { label: 'Node: certificate not trusted', pattern: /unable to verify the first certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|self[- ]signed certificate in certificate chain|unable to get local issuer certificate/i, causes: ['network.tls-untrusted'], weight: 92, specific: true },
  { label: 'Node transport', pattern: /\bETIMEDOUT\b|\bECONNREFUSED\b|\bECONNRESET\b|\bEAI_AGAIN\b|\bENOTFOUND\b/, causes: ['network.login-server-timeout', 'network.login-server-unreachable', 'network.dns-resolution-failed'], weight: 55 },
  // A sovereign cloud's suffix that does not resolve: from the public cloud, the name was typed with the wrong suffix
  // (a registry in Azure China or US Government resolves wherever DNS works).
  { label: 'sovereign-cloud name does not resolve', pattern: /(?:lookup |Could not resolve host: |getaddrinfo (?:ENOTFOUND|EAI_AGAIN) )[a-z0-9-]{5,50}\.azurecr\.(?:cn|us)\b/i, causes: ['name.wrong-cloud-suffix', 'network.dns-resolution-failed'], weight: 95, specific: true },
  // az's login server built from an image reference given as the registry name ("-n contoso/hello:v1").
  { label: 'az: login server built from an image reference', pattern: /login server '[a-z0-9-]{5,50}\/[^']*\.azurecr\.(?:io|cn|us)'/i, causes: ['name.missing-suffix', 'name.registry-not-found'], weight: 96, specific: true },
  { label: 'Go resolver: server misbehaving', pattern: /lookup \S+(?: on \S+)?: (?:server misbehaving|no such host|read udp [^\n]*connection refused|Temporary failure in name resolution)/i, causes: ['network.dns-resolution-failed', 'network.private-endpoint-dns-public'], weight: 92, specific: true },
];

/** Bare HTTP statuses when nothing else in the text names a cause (weak: many faults share one). */
export const BARE_STATUS: Record<string, { causes: SymptomRule['causes']; weight: number }> = {
  '401': { causes: ['credentials.invalid', 'credentials.stale-docker-credential', 'credentials.anonymous-pull-disabled', 'expiry.aad-token-expired'], weight: 40 },
  '403': { causes: ['network.ip-rule-excludes-client', 'network.public-access-disabled', 'authz.missing-acrpull'], weight: 40 },
  '404': { causes: ['image.tag-not-found', 'image.repository-not-found', 'name.registry-not-found'], weight: 40 },
  '429': { causes: ['network.throttled'], weight: 85 },
  EOF: { causes: ['network.client-proxy-broken', 'network.daemon-proxy-missing', 'network.login-server-timeout'], weight: 35 },
  // A 500 from a registry is most often its token service failing to exchange or issue a token.
  '500': { causes: ['credentials.access-token-failed', 'credentials.aad-exchange-failed', 'network.client-proxy-broken'], weight: 35 },
  // 502/503 come from something in between (a proxy, a gateway); 504 is that something giving up waiting.
  '502': { causes: ['network.client-proxy-broken', 'network.daemon-proxy-missing', 'network.login-server-unreachable'], weight: 35 },
  '503': { causes: ['network.client-proxy-broken', 'network.daemon-proxy-missing', 'network.login-server-unreachable'], weight: 35 },
  '504': { causes: ['network.login-server-timeout', 'network.client-proxy-broken', 'network.daemon-proxy-missing'], weight: 35 },
};
