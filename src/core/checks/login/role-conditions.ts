// ABAC conditions of role assignments on a registry in AbacRepositoryPermissions mode: they limit
// an assignment to repositories by `@Resource[Microsoft.ContainerRegistry/registries/repositories:name]`
// compared with StringEquals / StringStartsWith (IgnoreCase or not), joined by OR. Hand-written:
// only this small part of the condition language decides a repository, and no library parses it.

const OPERAND = /\bString(Equals|StartsWith)(IgnoreCase)?\s+'((?:[^'\\]|\\.){0,300})'/gi;

/** Whether a condition lets the assignment apply to `repository` (no condition, or none on repository names: yes). */
export function conditionAllows(condition: string | undefined, repository: string): boolean {
  if (!condition || !/repositories:name/i.test(condition)) return true;
  const tests = [...condition.slice(0, 8000).matchAll(OPERAND)].map((m) => ({ starts: m[1].toLowerCase() === 'startswith', ignoreCase: !!m[2], value: m[3] }));
  if (!tests.length) return true;
  return tests.some((t) => {
    const a = t.ignoreCase ? repository.toLowerCase() : repository;
    const b = t.ignoreCase ? t.value.toLowerCase() : t.value;
    return t.starts ? a.startsWith(b) : a === b;
  });
}
