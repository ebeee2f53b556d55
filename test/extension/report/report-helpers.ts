// Helpers for the report tests: the extension's exported report API and polling.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AcrDoctorApi } from '../../../src/extension';

export const EXTENSION_ID = 'acr-doctor.acr-doctor';

export async function acrDoctor(): Promise<AcrDoctorApi> {
  const ext = vscode.extensions.getExtension<AcrDoctorApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.ok(api?.report, 'activate() does not export the report API');
  return api;
}

/** Polls `probe` until it returns something other than undefined/false, or fails with `what`. */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
