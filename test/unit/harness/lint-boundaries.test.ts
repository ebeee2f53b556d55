import * as assert from 'node:assert/strict';
// @ts-expect-error plain ES module without types
import { findViolations } from '../../../scripts/lint-boundaries.mjs';

const check = (text: string, file = 'src/core/x/y.ts') => (findViolations(file, text) as { line: number; message: string }[]).map((v) => v.line);

describe('lint-boundaries (the vscode-free core rule)', () => {
  it('flags value imports of vscode in every form', () => {
    assert.deepEqual(check("import * as vscode from 'vscode';"), [1]);
    assert.deepEqual(check("\nimport { window } from 'vscode';"), [2]);
    assert.deepEqual(check("import vscode = require('vscode');"), [1]);
    assert.deepEqual(check("const v = require('vscode');"), [1]);
    assert.deepEqual(check("async function f() { await import('vscode'); }"), [1]);
    assert.deepEqual(check("import 'vscode';"), [1]);
    assert.deepEqual(check("export { window } from 'vscode';"), [1]);
    assert.deepEqual(check("import { type Uri, window } from 'vscode';"), [1]);
  });

  it('allows type-only imports, comments and strings', () => {
    assert.deepEqual(check("import type * as vscode from 'vscode';"), []);
    assert.deepEqual(check("import { type Uri } from 'vscode';"), []);
    assert.deepEqual(check("export type { Uri } from 'vscode';"), []);
    assert.deepEqual(check("// import * as vscode from 'vscode'\nconst s = \"require('vscode')x\";"), []);
  });

  it('flags reaching into src/vscode or the extension entry from core and cli', () => {
    assert.deepEqual(check("import { Ctx } from '../../vscode/context';"), [1]);
    assert.deepEqual(check("import { activate } from '../extension';", 'src/cli/main.ts'), [1]);
    assert.deepEqual(check("import { parse } from '../registry/target';"), []);
  });
});
