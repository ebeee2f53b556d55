// What VS Code's "Activation: N ms" for ACR Doctor is made of, from the extension host's own marks.
// VS Code starts every extension of an activation event's batch (onStartupFinished) at once and
// loads their code one after another, so an extension's code-loading time includes the loading of
// those ahead of it in the batch: the figure alone cannot say whose milliseconds they are.

/** One extension's code loading, from code/extHost/willLoadExtensionCode/<id> … didLoadExtensionCode/<id>. */
export interface CodeLoad { id: string; willLoad: number; didLoad: number }

export interface ActivationBreakdown {
  /** ACR Doctor's own require of dist/extension.js. */
  ownLoadMs: number;
  /** activate() until its promise resolved. */
  activateMs: number;
  /** The rest of VS Code's figure: waiting while the batch's earlier extensions loaded. */
  waitedMs: number;
  /** Extensions whose code loaded in that wait, in order, with their loading times. */
  ahead: { id: string; ms: number }[];
}

/** Reads the performance marks (name → startTime) the extension host keeps for every extension. */
export function codeLoads(marks: { name: string; startTime: number }[]): CodeLoad[] {
  const will = new Map<string, number>(); const out: CodeLoad[] = [];
  for (const m of marks) {
    const w = /^code\/extHost\/willLoadExtensionCode\/(.+)$/.exec(m.name);
    if (w) { will.set(w[1]!, m.startTime); continue; }
    const d = /^code\/extHost\/didLoadExtensionCode\/(.+)$/.exec(m.name);
    const start = d ? will.get(d[1]!) : undefined;
    if (d && start !== undefined) out.push({ id: d[1]!, willLoad: start, didLoad: m.startTime });
  }
  return out.sort((a, b) => a.willLoad - b.willLoad);
}

/**
 * Splits VS Code's figure (`figureMs`) for `extensionId`: its own load and activate() from the
 * marks, the remainder as waiting, and the extensions whose loading overlaps that wait by more
 * than the marks' 1 ms rounding.
 */
export function activationBreakdown(figureMs: number, extensionId: string, loads: CodeLoad[], activateMs: number): ActivationBreakdown | undefined {
  const own = loads.find((l) => l.id === extensionId);
  if (!own) return undefined;
  const ownLoadMs = own.didLoad - own.willLoad;
  const waitedMs = Math.max(0, figureMs - ownLoadMs - activateMs);
  const from = own.willLoad - waitedMs;
  const overlap = (l: CodeLoad) => Math.min(l.didLoad, own.willLoad) - Math.max(l.willLoad, from);
  const ahead = loads.filter((l) => l.id !== extensionId && overlap(l) > 1).map((l) => ({ id: l.id, ms: l.didLoad - l.willLoad }));
  return { ownLoadMs, activateMs, waitedMs, ahead };
}

/** "own code 10 ms + activate() 8 ms; 41 ms waiting for vscode.merge-conflict (40 ms) loaded before it in the same batch". */
export function describeBreakdown(b: ActivationBreakdown): string {
  const r = (n: number) => `${Math.round(n)} ms`;
  const ahead = b.ahead.length ? ` for ${b.ahead.map((a) => `${a.id} (${r(a.ms)})`).join(', ')}, loaded before it in the same activation batch` : '';
  return `own code ${r(b.ownLoadMs)} + activate() ${r(b.activateMs)}; ${r(b.waitedMs)} waiting${ahead}`;
}
