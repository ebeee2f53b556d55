// Helpers for the report e2e tests: the tree's registry row, the report webview's frame, and a
// second workbench in Dutch (code-server --locale nl with a stand-in Dutch language pack).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { World } from '../../sandbox/types';
import { launchChromium } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/code-server';
import { repoRoot, vsixPath } from '../harness/paths';

export function reportFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
}

/** Opens ACR Doctor's tree, unfolds tenants/subscriptions until contoso shows, and runs "Diagnose" from its menu. */
export async function diagnoseFromTree(page: Page, menuLabel: RegExp, loginServer = 'contoso.azurecr.io'): Promise<void> {
  // Clicking the container's icon while it is shown would hide the sidebar.
  const container = page.locator('.activitybar .action-item').filter({ has: page.locator('[aria-label^="ACR Doctor"]') }).first();
  await container.waitFor({ timeout: 60_000 });
  if (!((await container.getAttribute('class')) ?? '').split(/\s+/).includes('checked')) await container.click();
  const tree = page.locator('.sidebar .monaco-list[role="tree"]').first();
  const row = tree.locator('[role="treeitem"]').filter({ hasText: loginServer }).first();
  const deadline = Date.now() + 90_000;
  while (!(await row.isVisible()) && Date.now() < deadline) {
    const collapsed = tree.locator('[role="treeitem"][aria-expanded="false"]').first();
    if (await collapsed.isVisible()) {
      await collapsed.click();
      // A row's hover (a tenant's tooltip) would cover the next row to unfold: point elsewhere.
      await page.mouse.move(1, 1);
    } else await page.waitForTimeout(1_000);
  }
  await row.click({ button: 'right' });
  // A click that lands while the workbench still lays the context menu out is swallowed (the menu
  // stays open, no command runs): point at the item first, then click, until the menu closes.
  const item = page.getByRole('menuitem', { name: menuLabel }).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    await item.hover({ timeout: 15_000 });
    await page.waitForTimeout(300);
    await item.click({ timeout: 15_000 });
    if (await item.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`the context menu item ${menuLabel} did not run (the menu stayed open)`);
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().click({ timeout: 15_000 });
}

/** The workbench's background brightness, 0 (black) to 255 (white): what a screenshot will show. */
export async function workbenchBrightness(page: Page): Promise<number> {
  const rgb = String(await page.evaluate("getComputedStyle(document.querySelector('.monaco-workbench')).backgroundColor"));
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
  return (r + g + b) / 3;
}

/**
 * Picks a colour theme and waits until the workbench wears it (a light theme's background is
 * bright, a dark one's is not). Right after start the picker may list no themes yet (built-ins
 * still loading), and a pick can be lost while the list still filters: ask again.
 */
export async function setTheme(page: Page, theme: string): Promise<void> {
  const light = /light/i.test(theme);
  const worn = async () => (await workbenchBrightness(page) > 128) === light;
  for (let attempt = 0; ; attempt++) {
    await runCommand(page, 'Preferences: Color Theme');
    await page.keyboard.type(theme);
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: theme }).first();
    if (await row.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
      await page.keyboard.press('Enter');
      await page.waitForTimeout(800);
      if (await worn()) return;
    }
    await page.keyboard.press('Escape');
    if (attempt >= 5) throw new Error(`the colour theme "${theme}" was never applied (workbench background brightness ${await workbenchBrightness(page)})`);
    await page.waitForTimeout(2_000);
  }
}

export interface DutchWorkbench { server: CodeServer; browser: Browser; page: Page; stop(): Promise<void> }

/**
 * A workbench whose display language is Dutch. No Marketplace here, so a stand-in language pack
 * (test/e2e/fixtures/nl-language-pack, no translations of its own) makes VS Code resolve `nl`;
 * what shows in Dutch is then ACR Doctor's own l10n. The CLI install does not write the
 * language-pack index the server reads, so it is written here.
 */
export async function startDutchWorkbench(world: World | undefined): Promise<DutchWorkbench> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'acr-doctor-nl-'));
  const packDir = path.join(tmp, 'pack');
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'fixtures', 'nl-language-pack'), packDir, { recursive: true });
  const packVsix = path.join(tmp, 'nl-pack.vsix');
  const vsce = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies',
    '--allow-missing-repository', '--skip-license', '-o', packVsix], { cwd: packDir, encoding: 'utf8' });
  if (vsce.status !== 0) throw new Error(`could not package the Dutch stand-in pack: ${vsce.stderr || vsce.stdout}`);
  const folder = path.join(tmp, 'workspace');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'Dockerfile'), `FROM ${world?.loginServer ?? 'contoso.azurecr.io'}/hello-world:latest\n`);
  const server = await startCodeServer({ folder, env: world?.clientEnv(), install: [vsixPath, packVsix], args: ['--locale', 'nl'], logName: 'code-server-e2e-nl' });
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await server.stop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const installed = fs.readdirSync(server.extensionsDir).find((d) => d.startsWith('acr-doctor-tests.test-language-pack-nl'));
    if (!installed) throw new Error('the Dutch stand-in pack did not install');
    fs.writeFileSync(path.join(server.userDataDir, 'languagepacks.json'), JSON.stringify({
      nl: {
        hash: 'acrdoctortestnl', label: 'Nederlands',
        extensions: [{ extensionIdentifier: { id: 'acr-doctor-tests.test-language-pack-nl' }, version: '0.0.1' }],
        translations: { vscode: path.join(server.extensionsDir, installed, 'translations', 'main.i18n.json') },
      },
    }));
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    return { server, browser, page, stop };
  } catch (error) {
    // Nothing may outlive a failed start: a running code-server keeps mocha from exiting.
    await stop();
    throw error;
  }
}