// `diagnose --from <file>`: the workflow, Dockerfile, compose or Kubernetes file the image comes
// from. The CLI finds the reference in it (or checks that the typed one is there), so the SARIF
// result points at that line and code scanning shows the cause where the pipeline names the image.
import { scanRegistryReferences, loginServerOf, MAX_SCANNED_CHARS, type RegistryReference } from '../core/references/index';
import { parseRegistryInput, RegistryInputError } from '../core/registry/target';
import { UsageError } from './args';

/** Where in a file the diagnosed reference is written (SARIF's 1-based region). */
export interface SourceLocation {
  /** Relative to the working directory with forward slashes, or a file: URI when outside it. */
  uri: string;
  startLine: number;
  startColumn: number;
  endColumn: number;
}

export interface ReferenceFromFile {
  /** What to diagnose: the image as written, else the registry. */
  target: string;
  location: SourceLocation;
}

const MAX_LISTED = 5;

/**
 * The reference to diagnose in `text` (the file at `uri`): the one naming `typed`'s registry (and
 * image, when typed names one), or the file's only registry when nothing was typed.
 */
export function referenceFromFile(uri: string, text: string, typed?: string): ReferenceFromFile {
  if (text.length > MAX_SCANNED_CHARS) throw new UsageError(`--from ${uri}: the file is larger than ${MAX_SCANNED_CHARS / 1_000_000} MB; name the image instead`);
  const scan = scanRegistryReferences(uri, text);
  const refs = scan.refs.map((ref) => ({ ref, loginServer: loginServerOf(ref) })).filter((r): r is { ref: RegistryReference; loginServer: string } => !!r.loginServer);
  if (!refs.length) {
    if (scan.yamlError) throw new UsageError(`--from ${uri}: no Azure Container Registry image or login found, and it is not valid YAML (line ${scan.yamlError.line + 1}: ${scan.yamlError.message}); fix the file or name the image instead`);
    throw new UsageError(`--from ${uri}: no Azure Container Registry image or login found in it (a Dockerfile, compose file, Kubernetes manifest or GitHub workflow, at most 1 MB)`);
  }
  let chosen = refs[0];
  if (typed !== undefined) {
    const want = typedParts(typed);
    const sameRegistry = refs.filter((r) => r.loginServer === want.loginServer);
    if (!sameRegistry.length) throw new UsageError(`--from ${uri} names no image of ${want.loginServer} (it names ${listed(refs.map((r) => r.loginServer))})`);
    chosen = (want.repository && sameRegistry.find((r) => repositoryOf(r.ref) === want.repository)) || sameRegistry[0];
  } else {
    const servers = [...new Set(refs.map((r) => r.loginServer))];
    if (servers.length > 1) throw new UsageError(`--from ${uri} names ${servers.length} registries (${listed(servers)}): say which, e.g. acr-doctor diagnose ${servers[0]} --from ${uri}`);
  }
  const { range } = chosen.ref;
  return {
    target: typed ?? chosen.ref.image ?? chosen.loginServer,
    location: { uri, startLine: range.line + 1, startColumn: range.start + 1, endColumn: range.end + 1 },
  };
}

function typedParts(typed: string): { loginServer: string; repository?: string } {
  const slash = typed.indexOf('/');
  try {
    const loginServer = parseRegistryInput(slash < 0 ? typed : typed.slice(0, slash)).loginServer;
    return { loginServer, repository: repositoryPart(typed) };
  } catch (e) {
    if (e instanceof RegistryInputError) throw new UsageError(`${e.message} (e.g. acr-doctor diagnose contoso.azurecr.io/app:1.4 --from <file>)`);
    throw e;
  }
}

function repositoryOf(ref: RegistryReference): string | undefined {
  return ref.image ? repositoryPart(ref.image) : undefined;
}

/** "host/team/app:1.4" or "host/app@sha256:…" → "team/app"; undefined without a path. */
function repositoryPart(image: string): string | undefined {
  const slash = image.indexOf('/');
  return slash < 0 ? undefined : image.slice(slash + 1).replace(/[@:][^/]*$/, '').toLowerCase();
}

function listed(items: string[]): string {
  const unique = [...new Set(items)];
  return unique.length > MAX_LISTED ? `${unique.slice(0, MAX_LISTED).join(', ')}, …` : unique.join(', ');
}
