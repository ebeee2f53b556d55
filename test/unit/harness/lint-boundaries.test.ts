import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
// @ts-expect-error plain ES module without types
import { boundaryRules } from '../../../eslint.config.mjs';

// The boundary rules of eslint.config.mjs alone, on in-memory files (no type information needed).
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin }, rules: boundaryRules as Record<string, unknown> }] as ESLint.Options['overrideConfig'],
});
const check = async (text: string, file = 'src/core/x/y.ts') => {
  const [result] = await eslint.lintText(text, { filePath: file });
  assert.deepEqual(result.messages.filter((m) => m.fatal), [], 'the snippet parses');
  return result.messages.map((m) => m.line);
};

describe('lint-boundaries (the vscode-free core rule, in eslint.config.mjs)', () => {
  it('flags value imports of vscode in every form', async () => {
    assert.deepEqual(await check("import * as vscode from 'vscode';"), [1]);
    assert.deepEqual(await check("\nimport { window } from 'vscode';"), [2]);
    assert.deepEqual(await check("import vscode = require('vscode');"), [1]);
    assert.deepEqual(await check("const v = require('vscode');"), [1]);
    assert.deepEqual(await check("async function f() { await import('vscode'); }"), [1]);
    assert.deepEqual(await check("import 'vscode';"), [1]);
    assert.deepEqual(await check("export { window } from 'vscode';"), [1]);
    assert.deepEqual(await check("import { type Uri, window } from 'vscode';"), [1]);
  });

  it('allows type-only imports, comments, strings and @vscode packages', async () => {
    assert.deepEqual(await check("import type * as vscode from 'vscode';"), []);
    assert.deepEqual(await check("import { type Uri } from 'vscode';"), []);
    assert.deepEqual(await check("export type { Uri } from 'vscode';"), []);
    assert.deepEqual(await check("// import * as vscode from 'vscode'\nconst s = \"require('vscode')x\";"), []);
    assert.deepEqual(await check("import * as l10n from '@vscode/l10n';"), []);
  });

  it('flags reaching into src/vscode or the extension entry from core and cli', async () => {
    assert.deepEqual(await check("import { Ctx } from '../../vscode/context';"), [1]);
    assert.deepEqual(await check("import { activate } from '../extension';", 'src/cli/main.ts'), [1]);
    assert.deepEqual(await check("const m = require('../../vscode/report');"), [1]);
    assert.deepEqual(await check("import { parse } from '../registry/target';"), []);
  });
});
