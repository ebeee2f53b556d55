// A registry reference found in a workspace file. Lines and columns are 0-based;
// `end` is exclusive, so a front end can map them to its own range type directly.

export type ReferenceKind =
  | 'dockerfileFrom'      // FROM <image> in a Dockerfile
  | 'composeImage'        // image: in a compose file
  | 'kubernetesImage'     // image: in a Kubernetes manifest
  | 'workflowImage'       // image: in a GitHub workflow (container jobs, services)
  | 'workflowLoginAction' // registry: of docker/login-action
  | 'workflowAzAcrLogin'; // az acr login -n <name>

export interface TextRange {
  line: number;
  start: number;
  end: number;
}

export interface RegistryReference {
  kind: ReferenceKind;
  /** The registry part exactly as written (host for images, the -n value for az acr login). */
  written: string;
  /** Where `written` is in the file. */
  range: TextRange;
  /** The whole image reference, for images (e.g. contoso.azurecr.io/app:1). */
  image?: string;
}

export type FileKind = 'dockerfile' | 'compose' | 'kubernetes' | 'workflow';
