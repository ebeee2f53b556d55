// What `acrDoctor.diagnose` (and diagnosePull / diagnosePush) may be handed, made into a registry
// and what to diagnose in it: `{ registry, image?, operation?, identity? }`, the old login server
// string or registry node, a repository or tag node of our tree, or a Container Tools repository /
// tag node (a UnifiedRegistryItem wrapping `commonrepository` / `commontag`). No `vscode`.
import {
  IDENTITY_KINDS, OPERATIONS, parseIdentity, parseImageInRegistry, TargetInputError,
  type IdentitySpec, type ImageReference, type Operation,
} from '../../core/registry/image-reference';
import { parseRegistryInput, RegistryInputError, type RegistryTarget } from '../../core/registry/target';
import { isIdentitySpec } from '../../shared/report-protocol';
import { isImageElement } from '../tree/elements';
import { defaultTarget, imageOfText, type DiagnosisTarget } from '../report/target/diagnosis-target';
import { targetFromArg } from './registry-target';

export type DiagnoseArgs =
  | { ok: true; target: RegistryTarget; subject?: DiagnosisTarget }
  | { ok: false; reason: string };

/** `operation` forces the operation (Diagnose pull / push); otherwise the argument's or the default. */
export function diagnoseArgs(arg: unknown, operation?: Operation): DiagnoseArgs {
  try {
    if (isImageElement(arg)) {
      const target = parseRegistryInput(arg.registry.registry.loginServer);
      const image: ImageReference = { repository: arg.repository, ...(arg.kind === 'tag' ? { tag: arg.tag } : {}) };
      return { ok: true, target, subject: defaultTarget(image, operation ?? 'pull') };
    }
    const fromTools = containerToolsImage(arg);
    if (fromTools) {
      const target = targetFromArg(arg);
      if (!target) return { ok: false, reason: 'the Container Tools item names no Azure container registry' };
      return { ok: true, target, subject: defaultTarget(fromTools, operation ?? 'pull') };
    }
    // `{ registry, … }`; a node of our tree also has a `registry` field, but a `kind` too.
    if (isRecord(arg) && 'registry' in arg && !('kind' in arg)) return fromObject(arg, operation);
    const target = targetFromArg(arg);
    if (!target) return { ok: false, reason: 'the item names no Azure container registry' };
    return { ok: true, target, subject: operation ? defaultTarget(undefined, operation) : undefined };
  } catch (err) {
    if (err instanceof TargetInputError || err instanceof RegistryInputError) return { ok: false, reason: err.message };
    throw err;
  }
}

function fromObject(o: Record<string, unknown>, forced?: Operation): DiagnoseArgs {
  const unknownKeys = Object.keys(o).filter((k) => !['registry', 'image', 'operation', 'identity'].includes(k));
  if (unknownKeys.length) return { ok: false, reason: `unexpected field ${unknownKeys[0].slice(0, 40)} (give registry, image, operation, identity)` };
  let target: RegistryTarget | undefined;
  if (typeof o.registry === 'string') target = parseRegistryInput(o.registry);
  else target = targetFromArg(o.registry);
  if (!target) return { ok: false, reason: 'registry is not a registry name or login server' };
  let image: ImageReference | undefined;
  if (typeof o.image === 'string') image = o.image.trim() ? imageOfText(o.image, target.loginServer) : undefined;
  else if (isRecord(o.image) && typeof o.image.repository === 'string') {
    image = parseImageInRegistry(`${o.image.repository}${typeof o.image.tag === 'string' ? `:${o.image.tag}` : ''}${typeof o.image.digest === 'string' ? `@${o.image.digest}` : ''}`);
  } else if (o.image !== undefined) return { ok: false, reason: 'image is not an image name such as app:1.4' };
  let operation: Operation | undefined = forced;
  if (!forced && o.operation !== undefined) {
    if (typeof o.operation !== 'string' || !(OPERATIONS as readonly string[]).includes(o.operation)) return { ok: false, reason: `operation is one of ${OPERATIONS.join(', ')}` };
    operation = o.operation as Operation;
  }
  let identity: IdentitySpec | undefined;
  if (typeof o.identity === 'string') identity = parseIdentity(o.identity);
  else if (isIdentitySpec(o.identity)) identity = o.identity;
  else if (o.identity !== undefined) return { ok: false, reason: `identity is one of ${IDENTITY_KINDS.join(', ')}` };
  return { ok: true, target, subject: defaultTarget(image, operation, identity) };
}

/** A Container Tools repository or tag node: the image it stands for. */
export function containerToolsImage(arg: unknown): ImageReference | undefined {
  if (!isRecord(arg) || !isRecord(arg.wrappedItem)) return undefined;
  const w = arg.wrappedItem;
  const label = (x: unknown) => (isRecord(x) && typeof x.label === 'string' ? x.label : undefined);
  try {
    if (w.type === 'commonrepository' && typeof w.label === 'string') return { repository: parseImageInRegistry(w.label).repository };
    if (w.type === 'commontag' && typeof w.label === 'string') {
      const repo = label(w.parent) ?? (isRecord(arg.parent) ? label(arg.parent.wrappedItem) : undefined);
      if (!repo) return undefined;
      return parseImageInRegistry(`${repo}:${w.label}`);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
