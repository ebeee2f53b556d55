// GitHub workflows: `registry:` of a docker/login-action step and `az acr login -n <name>`.
// One pass over the lines, with the open steps on a stack: looking each `registry:` line's step
// up again took quadratic time (20 000 nested lines: 40 s in the extension host).
import { hasVariable } from './image-host';
import { ScanBudget } from './scan-budget';
import type { RegistryReference } from './types';

const REGISTRY_KEY = /^(\s*)(registry:\s*)(["']?)([^\s"'#]+)\3/;
const LIST_ITEM = /^(\s*)-\s/;
const LOGIN_ACTION = /uses:\s*["']?docker\/login-action@/i;
const AZ_ACR_LOGIN = /\baz\s+acr\s+login\b/gi;
const NAME_FLAG = /(?:^|\s)(?:-n|--name)(?:\s+|=)(["']?)([^\s"';&|)]+)\1/;
/** How far after `az acr login` its -n flag is looked for: a command, not the rest of a 900 KB line. */
const COMMAND_WINDOW = 512;

export function findWorkflowReferences(text: string, budget = new ScanBudget()): RegistryReference[] {
  const lines = text.split(/\r?\n/);
  const refs = [...loginActionRegistries(lines, budget), ...azAcrLoginNames(lines, budget)];
  return refs.sort((a, b) => a.range.line - b.range.line || a.range.start - b.range.start);
}

/** A list item (workflow step) still open: its indent, whether any of its lines uses docker/login-action, its registry: lines. */
interface OpenStep { indent: number; loginAction: boolean; registries: RegistryReference[] }

function loginActionRegistries(lines: string[], budget: ScanBudget): RegistryReference[] {
  const refs: RegistryReference[] = [];
  const stack: OpenStep[] = [];
  let full = false;
  // A closed step's lines are inside its parent's too: the parent learns of a login-action line.
  const close = (step: OpenStep) => {
    if (step.loginAction) {
      for (const r of step.registries) { if (full) break; refs.push(r); full = !budget.add(r); }
      if (stack.length) stack[stack.length - 1].loginAction = true;
    }
  };
  for (let lineNo = 0; lineNo < lines.length && !full && budget.nextLine(); lineNo++) {
    const line = lines[lineNo];
    if (!line.trim()) continue;
    const item = LIST_ITEM.exec(line);
    const lead = item ? item[1].length : line.length - line.trimStart().length;
    // A step ends at a line indented less than its "-", or at the next item at its indent.
    while (stack.length && (lead < stack[stack.length - 1].indent || (item && lead === stack[stack.length - 1].indent))) close(stack.pop()!);
    if (item) { stack.push({ indent: lead, loginAction: LOGIN_ACTION.test(line), registries: [] }); continue; }
    if (stack.length && LOGIN_ACTION.test(line)) stack[stack.length - 1].loginAction = true;
    const m = REGISTRY_KEY.exec(line);
    if (!m || hasVariable(m[4])) continue;
    // The step enclosing it: the nearest open item indented less (the stack's indents only grow).
    const top = stack[stack.length - 1];
    const step = top && top.indent < lead ? top : stack.length > 1 && stack[stack.length - 2].indent < lead ? stack[stack.length - 2] : undefined;
    if (!step || step.registries.length >= budget.limits.maxFindings) continue;
    const start = m[1].length + m[2].length + m[3].length;
    step.registries.push({ kind: 'workflowLoginAction', written: m[4], range: { line: lineNo, start, end: start + m[4].length } });
  }
  while (stack.length && !full) close(stack.pop()!);
  return refs;
}

function azAcrLoginNames(lines: string[], budget: ScanBudget): RegistryReference[] {
  const refs: RegistryReference[] = [];
  for (let lineNo = 0; lineNo < lines.length && budget.nextLine(); lineNo++) {
    const line = lines[lineNo];
    AZ_ACR_LOGIN.lastIndex = 0;
    let m: RegExpExecArray | null;
    for (let seen = 0; seen < budget.limits.maxMatchesPerLine && (m = AZ_ACR_LOGIN.exec(line)); seen++) {
      const afterAt = m.index + m[0].length;
      const rest = line.slice(afterAt, afterAt + COMMAND_WINDOW).split(/[;&|]/)[0];
      const flag = NAME_FLAG.exec(rest);
      if (!flag || hasVariable(flag[2])) continue;
      const valueStart = afterAt + flag.index + flag[0].lastIndexOf(flag[2]);
      const ref: RegistryReference = { kind: 'workflowAzAcrLogin', written: flag[2], range: { line: lineNo, start: valueStart, end: valueStart + flag[2].length } };
      refs.push(ref);
      if (!budget.add(ref)) return refs;
    }
  }
  return refs;
}
