// The registry host of an image reference, the way Docker decides it: the first path
// component is a host only when it has a dot or a colon (or is "localhost").
// Only Azure Container Registry hosts (anything with ".azurecr.") matter here.

export interface ImageHost {
  host: string;
  /** Offset of the host inside the image string. */
  offset: number;
}

// Also catches near misses like contoso.azurecr.com or CONTOSO.AzureCR.io.
const ACR_LIKE = /^[a-z0-9-]+\.azurecr(\.[a-z0-9.-]*)?$/i;

/** Variables ($X, ${X}, ${{ x }}) make the value unknowable without running anything. */
export function hasVariable(value: string): boolean {
  return /\$\{|\$[A-Za-z_]|\{\{/.test(value);
}

export function acrHostOfImage(image: string): ImageHost | undefined {
  if (!image || hasVariable(image)) return undefined;
  const slash = image.indexOf('/');
  if (slash <= 0) return undefined;
  let host = image.slice(0, slash);
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  return isAcrLikeHost(host) ? { host, offset: 0 } : undefined;
}

export function isAcrLikeHost(host: string): boolean {
  return ACR_LIKE.test(host);
}
