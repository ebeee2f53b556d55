// What the problems view says about one registry reference: the cheap name check, and the
// causes of the latest diagnosis of the registry it points at. No `vscode`: plain data.
import type { Cause } from '../../core/catalogue/types';
import type { DiagnosisReport } from '../../core/engine/types';
import { checkReferenceName, loginServerOf, type RegistryReference } from '../../core/references';
import { formatImage, parseImageInRegistry, type Operation } from '../../core/registry/image-reference';
import { imageAfterHost } from './pushed-images';

export interface ProblemEntry {
  ref: RegistryReference;
  loginServer?: string;
  causeId: string;
  severity: 'error' | 'warning' | 'information';
  /** Localised cause title (the message is built from it by the front end). */
  title: string;
  docsUrl: string;
  /** For name problems: the text that should replace `ref.written`. */
  suggestion?: string;
  /** For diagnosis problems: when that diagnosis ran. */
  diagnosedAt?: string;
  /** Index of this cause's fixes in the report (for the code actions). */
  fromDiagnosis: boolean;
  /** The image the reference names, after the registry (`app:1`), for "Diagnose pull/push". */
  image?: string;
  /** What the file does with it: push where it pushes the image, else pull (login for a bare registry). */
  operation: Operation;
}

/** The image and operation a reference stands for. */
export function targetOfReference(ref: RegistryReference, pushed: ReadonlySet<string> = new Set()): { image?: string; operation: Operation } {
  const after = imageAfterHost(ref.image);
  let image: string | undefined;
  try { image = after ? formatImage(parseImageInRegistry(after)) : undefined; } catch { image = undefined; }
  if (!image) return { operation: 'login' };
  return { image, operation: ref.image && pushed.has(ref.image.toLowerCase()) ? 'push' : 'pull' };
}

export interface ProblemContext {
  lang: 'en' | 'nl';
  getCause(id: string): Cause | undefined;
  docsUrl(cause: Cause): string;
  latest(loginServer: string): DiagnosisReport | undefined;
}

/** At most this many causes per reference, the root cause first. */
const MAX_CAUSES_PER_REFERENCE = 3;

export function problemsFor(refs: RegistryReference[], ctx: ProblemContext, pushed?: ReadonlySet<string>): ProblemEntry[] {
  const out: ProblemEntry[] = [];
  for (const ref of refs) {
    const loginServer = loginServerOf(ref);
    const target = targetOfReference(ref, pushed);
    for (const p of checkReferenceName(ref)) {
      const cause = ctx.getCause(p.causeId);
      if (!cause) continue;
      out.push({ ref, loginServer, causeId: p.causeId, severity: p.causeId === 'name.wrong-cloud-suffix' ? 'error' : 'warning',
        title: cause.title[ctx.lang], docsUrl: ctx.docsUrl(cause), suggestion: p.suggestion, fromDiagnosis: false, ...target });
    }
    const report = loginServer ? ctx.latest(loginServer) : undefined;
    if (!report) continue;
    for (const c of report.causes.slice(0, MAX_CAUSES_PER_REFERENCE)) {
      const cause = ctx.getCause(c.causeId);
      if (!cause || out.some((e) => e.ref === ref && e.causeId === c.causeId)) continue;
      out.push({ ref, loginServer, causeId: c.causeId, severity: c.status === 'fail' ? 'error' : 'warning',
        title: cause.title[ctx.lang], docsUrl: ctx.docsUrl(cause), diagnosedAt: report.startedAt, fromDiagnosis: true, ...target });
    }
  }
  return out;
}
