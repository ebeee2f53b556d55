#!/usr/bin/env node
// Keeps the core vscode-free: nothing under src/core or src/cli may import `vscode` as a value
// (`import type` is fine: it is erased) or reach into src/vscode / src/extension.ts, which would
// pull `vscode` in through the back door. Parses with the TypeScript compiler, so comments and
// strings do not fool it.   node scripts/lint-boundaries.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const GUARDED = ['src/core', 'src/cli'];

/** Violations in one file's text: `{ line, message }[]`. `file` is repo-relative. */
export function findViolations(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = [];
  const report = (node, what) =>
    found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, message: what });
  const forbidden = (specifier) => {
    if (specifier === 'vscode') return 'imports vscode';
    if (!specifier.startsWith('.')) return undefined;
    const target = relative(root, resolve(root, dirname(file), specifier)).split('\\').join('/');
    if (target === 'src/vscode' || target.startsWith('src/vscode/') || /^src\/extension(\.ts)?$/.test(target)) {
      return `imports ${specifier} (src/vscode depends on vscode)`;
    }
    return undefined;
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const why = forbidden(node.moduleSpecifier.text);
      if (why && !isTypeOnly(node)) report(node, why);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      const why = ts.isStringLiteral(expr) ? forbidden(expr.text) : undefined;
      if (why && !node.isTypeOnly) report(node, why);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const why = forbidden(node.arguments[0].text);
      if ((isRequire || isDynamicImport) && why) report(node, why);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypeOnly(node) {
  if (ts.isExportDeclaration(node)) {
    return node.isTypeOnly || (!!node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly));
  }
  const clause = node.importClause;
  if (!clause) return false; // `import 'vscode'` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function sourceFiles(dir) {
  try {
    return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
      .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)).split('\\').join('/'));
  } catch {
    return [];
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = GUARDED.flatMap(sourceFiles);
  const violations = files.flatMap((file) => findViolations(file, readFileSync(join(root, file), 'utf8')).map((v) => `${file}:${v.line}: ${v.message}`));
  if (violations.length) {
    console.error(`lint-boundaries: ${GUARDED.join(' and ')} must not depend on vscode:\n  ${violations.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`lint-boundaries: ${files.length} files under ${GUARDED.join(', ')} are vscode-free`);
}
