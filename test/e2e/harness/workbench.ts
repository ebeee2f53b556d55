// The running e2e setup every test file uses: the sandbox world, code-server with the packaged
// extension (.vsix) installed and the world's client environment, and one Chromium page on it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { World } from '../../../sandbox/types';
import { launchChromium } from '../../harness/browser';
import { startCodeServer, type CodeServer } from '../../harness/code-server';
import { screenshotsDir, vsixPath } from '../../harness/paths';
import { startSandboxWorld } from '../../harness/world';
import { openAcrDoctorContainer as openContainerIn } from '../../harness/registries-view';

export interface Workbench {
  world?: World;
  server: CodeServer;
  browser: Browser;
  page: Page;
  /** The folder the workbench opened (a workspace with a Dockerfile naming the sandbox registry). */
  folder: string;
}

let current: Workbench | undefined;
let starting: Promise<void> | undefined;
const cleanups: (() => Promise<unknown>)[] = [];

export function workbench(): Workbench {
  if (!current) throw new Error('the e2e workbench is not running (test/e2e/harness/hooks.ts starts it)');
  return current;
}

export function startWorkbench(): Promise<void> {
  starting = start();
  return starting;
}

async function start(): Promise<void> {
  if (!fs.existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run npm run package`);
  // ACR_DOCTOR_E2E_NO_WORLD=1 is for a developer without root; npm test always runs with the world.
  const world = process.env.ACR_DOCTOR_E2E_NO_WORLD ? undefined : await startSandboxWorld(process.env.ACR_DOCTOR_E2E_SCENARIO ?? 'healthy');
  if (world) cleanups.push(() => world.stop());
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'acr-doctor-e2e-workspace-'));
  cleanups.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
  fs.writeFileSync(path.join(folder, 'Dockerfile'), `FROM ${world?.loginServer ?? 'contoso.azurecr.io'}/hello-world:latest\n`);
  const server = await startCodeServer({ folder, env: world?.clientEnv(), install: [vsixPath], logName: 'code-server-e2e' });
  cleanups.push(() => server.stop());
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  // Generous bounds: a busy 2-core machine can take a while (speed goals belong in npm run bench).
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  current = { world, server, browser, page, folder };
}

export async function stopWorkbench(): Promise<void> {
  // A start that outlived its hook's timeout must not leave a world or code-server behind.
  await starting?.catch(() => undefined);
  current = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((e) => console.error(`e2e cleanup: ${e}`));
}

/** Saves artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await workbench().page.screenshot({ path: file });
  return file;
}

/** Shows ACR Doctor's sidebar container; clicking an already active container would close it. */
export function openAcrDoctorContainer(): Promise<void> {
  return openContainerIn(workbench().page);
}
