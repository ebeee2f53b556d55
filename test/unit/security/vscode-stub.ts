// The few VS Code API members the report's pure parts touch (HTML builder, fix runner, confirm),
// so their security rules are unit-tested in plain node. Installed for `require('vscode')` only.
import Module from 'node:module';

export const vscodeStub = {
  workspace: { isTrusted: true },
  window: {
    warnings: [] as { message: string; options?: unknown; items: string[] }[],
    answer: undefined as string | undefined,
    async showWarningMessage(message: string, ...rest: unknown[]) {
      const options = typeof rest[0] === 'object' && rest[0] !== null ? rest.shift() : undefined;
      vscodeStub.window.warnings.push({ message, options, items: rest as string[] });
      return (options as { modal?: boolean } | undefined)?.modal ? vscodeStub.window.answer : undefined;
    },
  },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  l10n: { t: (s: string, ...a: unknown[]) => s.replace(/\{(\d+)\}/g, (_m, i: string) => String(a[Number(i)])) },
  env: { language: 'en', clipboard: { text: '', async writeText(t: string) { vscodeStub.env.clipboard.text = t; } } },
  Uri: {
    joinPath: (base: { path: string }, ...p: string[]) => ({ path: [base.path, ...p].join('/'), toString() { return `file://${this.path}`; } }),
    file: (p: string) => ({ path: p, toString() { return `file://${p}`; } }),
  },
};

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const M = Module as unknown as { _load: Loader };
const original = M._load;
M._load = function (request: string, parent: unknown, isMain: boolean) {
  if (request === 'vscode') return vscodeStub;
  return original.call(this, request, parent, isMain);
};
