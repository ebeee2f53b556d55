// Runs code inside a real VS Code extension host: code-server (code-server.ts) opened by Chromium
// (browser.ts) with an extension-tests payload, so VS Code loads the extension from
// `extensionPath` and calls `run()` of `testsPath/index.js` in its extension host. The host's log
// lines come out through the page (codeAutomationLog); the host's exit code through
// codeAutomationExit. Used by the extension-test level (run-extension-tests.ts) and `npm run bench`
// (bench/extension-host.ts). Everything it starts is stopped before it returns.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startCodeServer, type CodeServer } from './code-server';
import { repoRoot } from './paths';

export interface ExtensionHostRunOptions {
  /** Folder holding the `index.js` whose `run()` the host calls. */
  testsPath: string;
  /** The extension under test (default: this repository, its dist/extension.js). */
  extensionPath?: string;
  /** Environment of code-server and so of the extension host. */
  env?: NodeJS.ProcessEnv;
  /** User settings (settings.json) for the workbench. */
  settings?: Record<string, unknown>;
  logName: string;
  timeoutMs: number;
  /** Every log line of the extension host (and the workbench), as it comes. */
  onLine?: (line: string) => void;
  /** Called once code-server runs (e.g. to find its extension host process). */
  onServer?: (server: CodeServer) => void;
  /** Called with the workbench page before it loads (to read the workbench's own UI). */
  onPage?: (page: Page) => void;
}

/** Resolves with the extension host's exit code (0: `run()` resolved). */
export async function runInExtensionHost(o: ExtensionHostRunOptions): Promise<number> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'acr-doctor-ext-workspace-'));
  cleanups.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
  try {
    const server = await startCodeServer({ folder, env: o.env, settings: o.settings, logName: o.logName });
    cleanups.push(() => server.stop());
    o.onServer?.(server);
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const page = await browser.newPage();
    o.onPage?.(page);
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (_level: string, message: unknown) => {
      // Log lines come as "%c INFO color: …  <text>": keep the text.
      const text = String(Array.isArray(message) ? message.join(' ') : message).replace(/^%c\s*\w+\s+color:\s*\S+\s*/, '');
      for (const line of text.split('\n')) o.onLine?.(line);
    });
    const base = `vscode-remote://${new URL(server.url).host}`;
    const payload = [
      ['extensionDevelopmentPath', `${base}${o.extensionPath ?? repoRoot}`],
      ['extensionTestsPath', `${base}${o.testsPath}`],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, {
      waitUntil: 'domcontentloaded', timeout: 120_000, // generous: a busy 2-core machine
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        exitCode,
        new Promise<number>((_, reject) => { timer = setTimeout(() => reject(new Error(`no result within ${Math.round(o.timeoutMs / 60_000)} min`)), o.timeoutMs); }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(`cleanup: ${e}`));
  }
}
