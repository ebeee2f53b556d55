// A registry as the user names it: resource name or login server, normalised.

export const CLOUD_SUFFIXES = ['azurecr.io', 'azurecr.cn', 'azurecr.us'] as const;
export type CloudSuffix = (typeof CLOUD_SUFFIXES)[number];

export interface RegistryTarget {
  /** What the user typed, trimmed. */
  input: string;
  /** Resource name, lower-case (e.g. 'contoso'). */
  name: string;
  /** Lower-case FQDN (e.g. 'contoso.azurecr.io'). */
  loginServer: string;
  suffix: CloudSuffix;
  /** Problems with how it was typed (upper case, missing suffix...), for the name checks. */
  inputIssues: NameIssue[];
}

export type NameIssue = 'upperCase' | 'missingSuffix' | 'hasScheme' | 'hasPath' | 'hasPort';

export class RegistryInputError extends Error {
  constructor(readonly input: string, reason: string) {
    super(`"${input.slice(0, 200)}" is not a registry name or login server: ${reason}. ` +
      'Give the resource name (e.g. contoso) or the login server (e.g. contoso.azurecr.io).');
    this.name = 'RegistryInputError';
  }
}

// ACR resource names: 5-50 alphanumerics (the ARM rule).
const RESOURCE_NAME = /^[a-z0-9]{5,50}$/;

export function parseRegistryInput(raw: string, defaultSuffix: CloudSuffix = 'azurecr.io'): RegistryTarget {
  // Not String(raw): an object whose toString is not a function (e.g. {"toString": null}) throws.
  if (typeof raw !== 'string') throw new RegistryInputError(raw === null || typeof raw !== 'object' ? String(raw) : Object.prototype.toString.call(raw), 'not text');
  const input = raw.trim();
  if (!input) throw new RegistryInputError(raw, 'it is empty');
  if (input.length > 300) throw new RegistryInputError(input, 'it is too long');
  const issues: NameIssue[] = [];
  let host = input;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(host);
  if (scheme) { issues.push('hasScheme'); host = host.slice(scheme[0].length); }
  const slash = host.indexOf('/');
  if (slash >= 0) { if (host.slice(slash + 1)) issues.push('hasPath'); host = host.slice(0, slash); }
  const colon = host.indexOf(':');
  if (colon >= 0) { issues.push('hasPort'); host = host.slice(0, colon); }
  if (host !== host.toLowerCase()) issues.push('upperCase');
  host = host.toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9.-]+$/.test(host)) throw new RegistryInputError(input, 'it contains characters a host name cannot have');
  if (host.split('.').some((label) => !label)) throw new RegistryInputError(input, 'it has an empty part between dots');
  let name = host;
  let suffix: CloudSuffix = defaultSuffix;
  const dot = host.indexOf('.');
  if (dot >= 0) {
    name = host.slice(0, dot);
    const rest = host.slice(dot + 1);
    const known = CLOUD_SUFFIXES.find((s) => rest === s);
    if (!known) throw new RegistryInputError(input, `"${rest}" is not an Azure Container Registry domain (${CLOUD_SUFFIXES.join(', ')})`);
    suffix = known;
  } else {
    issues.push('missingSuffix');
  }
  if (!RESOURCE_NAME.test(name)) throw new RegistryInputError(input, 'a registry name has 5 to 50 letters and digits only');
  return { input, name, loginServer: `${name}.${suffix}`, suffix, inputIssues: issues };
}
