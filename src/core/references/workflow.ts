// GitHub workflows: the `registry:` input of a docker/login-action step and `az acr login -n
// <name>` in any script value (run:, an azure/cli inlineScript:, an env value). Both come from the
// parsed tree, so a comment, a key or another action's `registry:` is not one.
import { isMap } from 'yaml';
import { hasVariable } from './image-host';
import type { ScanBudget } from './scan-budget';
import type { RegistryReference } from './types';
import { rangeIn, stringScalar, valueOf, walkYaml, type YamlFile } from './yaml-tree';

const LOGIN_ACTION = /^docker\/login-action@/i;
const AZ_ACR_LOGIN = /\baz\s+acr\s+login\b/gi;
const NAME_FLAG = /(?:^|\s)(?:-n|--name)(?:\s+|=)(["']?)([^\s"';&|)]+)\1/;
const SHELL_COMMENT = /^\s*#/;
/** How far after `az acr login` its -n flag is looked for: a command, not the rest of a 900 KB line. */
const COMMAND_WINDOW = 512;

export function findWorkflowReferences(file: YamlFile, budget: ScanBudget): RegistryReference[] {
  const refs: RegistryReference[] = [];
  const keep = (ref: RegistryReference) => { if (budget.stopped !== 'findings') { refs.push(ref); budget.add(ref); } };
  walkYaml(file, {
    pair(key, value, step, doc) {
      if (key !== 'uses' || !LOGIN_ACTION.test(stringScalar(file, doc, value)?.value.trim() ?? '')) return;
      const inputs = valueOf(step, 'with');
      if (!isMap(inputs)) return;
      // Every registry: the step writes (a repeated key is still what the file says).
      for (const pair of inputs.items) {
        if (!(pair.key && stringScalar(file, doc, pair.key)?.value === 'registry')) continue;
        const node = stringScalar(file, doc, pair.value);
        const written = node?.value.trim();
        if (!node || !written || hasVariable(written)) continue;
        const range = rangeIn(file, node, written);
        if (range) keep({ kind: 'workflowLoginAction', written, range });
      }
    },
    scalar(node) {
      if (budget.stopped !== 'findings') for (const ref of azAcrLoginNames(file, node.range ?? [0, 0], budget.limits.maxMatchesPerLine)) keep(ref);
    },
  });
  return refs;
}

/** `az acr login -n <name>` in the source lines of one scalar, at most maxMatchesPerLine per line. */
function azAcrLoginNames(file: YamlFile, [from, to]: readonly number[], maxPerLine: number): RegistryReference[] {
  const refs: RegistryReference[] = [];
  const source = file.text.slice(from, to);
  AZ_ACR_LOGIN.lastIndex = 0;
  if (!AZ_ACR_LOGIN.test(source)) return refs;
  let lineStart = 0;
  while (lineStart <= source.length) {
    const nl = source.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? source.length : nl;
    const line = source.slice(lineStart, lineEnd);
    AZ_ACR_LOGIN.lastIndex = 0;
    let m: RegExpExecArray | null;
    // A commented-out command in a script logs in to nothing.
    for (let seen = 0; seen < maxPerLine && !SHELL_COMMENT.test(line) && (m = AZ_ACR_LOGIN.exec(line)); seen++) {
      const afterAt = m.index + m[0].length;
      const rest = line.slice(afterAt, afterAt + COMMAND_WINDOW).split(/[;&|]/)[0];
      const flag = NAME_FLAG.exec(rest);
      if (!flag || hasVariable(flag[2])) continue;
      const at = from + lineStart + afterAt + flag.index + flag[0].lastIndexOf(flag[2]);
      const pos = file.lines.linePos(at);
      refs.push({ kind: 'workflowAzAcrLogin', written: flag[2], range: { line: pos.line - 1, start: pos.col - 1, end: pos.col - 1 + flag[2].length } });
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return refs;
}
