// GitHub workflows: `registry:` of a docker/login-action step and `az acr login -n <name>`.
import { hasVariable } from './image-host';
import type { RegistryReference } from './types';

const REGISTRY_KEY = /^(\s*)(registry:\s*)(["']?)([^\s"'#]+)\3/;
const LIST_ITEM = /^(\s*)-\s/;
const LOGIN_ACTION = /uses:\s*["']?docker\/login-action@/i;
const AZ_ACR_LOGIN = /\baz\s+acr\s+login\b/gi;
const NAME_FLAG = /(?:^|\s)(?:-n|--name)(?:\s+|=)(["']?)([^\s"';&|)]+)\1/;

export function findWorkflowReferences(text: string): RegistryReference[] {
  const lines = text.split(/\r?\n/);
  return [...loginActionRegistries(lines), ...azAcrLoginNames(lines)];
}

function loginActionRegistries(lines: string[]): RegistryReference[] {
  const refs: RegistryReference[] = [];
  lines.forEach((line, lineNo) => {
    const m = REGISTRY_KEY.exec(line);
    if (!m || hasVariable(m[4])) return;
    if (!stepOf(lines, lineNo, m[1].length).some((l) => LOGIN_ACTION.test(l))) return;
    const start = m[1].length + m[2].length + m[3].length;
    refs.push({ kind: 'workflowLoginAction', written: m[4], range: { line: lineNo, start, end: start + m[4].length } });
  });
  return refs;
}

/** The lines of the list item (workflow step) that encloses line `at` indented by `indent`. */
function stepOf(lines: string[], at: number, indent: number): string[] {
  let begin = -1;
  let itemIndent = 0;
  for (let i = at; i >= 0; i--) {
    const m = LIST_ITEM.exec(lines[i]);
    if (m && m[1].length < indent) { begin = i; itemIndent = m[1].length; break; }
  }
  if (begin < 0) return [];
  let end = lines.length;
  for (let i = begin + 1; i < lines.length; i++) {
    const l = lines[i];
    if (!l.trim()) continue;
    const lead = l.length - l.trimStart().length;
    if (lead < itemIndent || (lead === itemIndent && LIST_ITEM.test(l))) { end = i; break; }
  }
  return lines.slice(begin, end);
}

function azAcrLoginNames(lines: string[]): RegistryReference[] {
  const refs: RegistryReference[] = [];
  lines.forEach((line, lineNo) => {
    AZ_ACR_LOGIN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = AZ_ACR_LOGIN.exec(line))) {
      const afterAt = m.index + m[0].length;
      const rest = line.slice(afterAt).split(/[;&|]/)[0];
      const flag = NAME_FLAG.exec(rest);
      if (!flag || hasVariable(flag[2])) continue;
      const valueStart = afterAt + flag.index + flag[0].lastIndexOf(flag[2]);
      refs.push({ kind: 'workflowAzAcrLogin', written: flag[2], range: { line: lineNo, start: valueStart, end: valueStart + flag[2].length } });
    }
  });
  return refs;
}
