// What a new user meets in the browser VS Code: the registries' quick-check badges before any
// diagnosis, "Explain an Error…" from the palette with the browser's clipboard refused, and the
// walkthrough whose every step's command works. In English, then in Dutch (screenshots of both).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotsDir } from '../harness/paths';
import { expandUntilRegistries, openAcrDoctorContainer, registriesTree, treeRows } from '../harness/registries-view';
import { screenshot, workbench } from './harness/workbench';
import { reportFrame, runCommand, startDutchWorkbench } from './report-helpers';

const DNS_ERROR = 'Error response from daemon: Get "https://contoso.azurecr.io/v2/": dial tcp: lookup contoso.azurecr.io on 192.0.2.53:53: no such host';

/** The browser refuses clipboard reads, as Chromium does for a site without the permission. */
async function refuseClipboard(page: Page): Promise<void> {
  await page.context().clearPermissions();
  await page.evaluate(`(() => {
    const refuse = () => Promise.reject(new DOMException('Read permission denied.', 'NotAllowedError'));
    Object.defineProperty(navigator.clipboard, 'readText', { value: refuse, configurable: true });
    Object.defineProperty(navigator.clipboard, 'read', { value: refuse, configurable: true });
  })()`);
}

/** Waits until each registry row's accessible name ends in its quick-check word. */
async function waitForBadges(page: Page, wanted: Record<string, string>, timeoutMs = 60_000): Promise<void> {
  const tree = registriesTree(page);
  for (const [name, word] of Object.entries(wanted)) {
    const row = tree.getByRole('treeitem', { name: new RegExp(`^${name}\\b.*, ${word}$`) }).first();
    await row.waitFor({ timeout: timeoutMs }).catch(async () => {
      const labels = await tree.getByRole('treeitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      throw new Error(`${name} never showed "${word}"; rows: ${labels.join(' | ')}`);
    });
  }
}

/** Palette → Explain an Error… → the text pasted into the box → Enter; returns the report frame. */
async function explainFromPalette(page: Page, commandTitle: string, boxTitle: RegExp) {
  await runCommand(page, commandTitle);
  const box = page.locator('.quick-input-widget');
  await box.locator('.quick-input-title').filter({ hasText: boxTitle }).waitFor({ timeout: 15_000 });
  const input = box.locator('input.input').first();
  await input.focus();
  await page.keyboard.insertText(DNS_ERROR);
  await page.keyboard.press('Enter');
  const r = reportFrame(page);
  await r.locator('#explain-results article[data-cause="network.dns-resolution-failed"]').waitFor({ timeout: 30_000 });
  return r;
}

/** The palette, retried: right after a click in a webview, F1 can land in its frame instead. */
async function paletteCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.locator('.sidebar .composite.title').first().click().catch(() => undefined);
    try { await runCommand(page, title); return; } catch (err) { if (attempt >= 2) throw err; }
  }
}

async function clipboardNotices(page: Page): Promise<number> {
  return page.locator('.notifications-toasts .notification-toast').filter({ hasText: /clipboard/i }).count();
}

describe('the editor for a new user (e2e)', function () {
  this.timeout(240_000);
  let before: string | undefined;

  it('shows the quick check of each registry before any diagnosis: reachable and unreachable', async () => {
    const { page, world } = workbench();
    assert.ok(world, 'needs the sandbox world');
    // `mixed`: contoso healthy, fabrikam reachable (no pull role), northwind not in DNS.
    before = world.scenario.name;
    await world.apply('mixed');
    await openAcrDoctorContainer(page);
    await runCommand(page, 'ACR Doctor: Refresh').catch(() => page.keyboard.press('Escape'));
    const missing = await expandUntilRegistries(page, ['contoso', 'northwind']);
    assert.deepEqual(missing, [], `rows: ${await treeRows(page)}`);
    await waitForBadges(page, { contoso: 'reachable', northwind: 'unreachable' });
    // The row's tooltip says it is the quick check, not a diagnosis.
    await registriesTree(page).getByRole('treeitem', { name: /^northwind\b/ }).first().locator('.label-name').first().hover();
    await page.locator('.monaco-hover, .workbench-hover').filter({ hasText: /Quick check \(DNS, TLS, \/v2\/, no sign-in\) at .*unreachable/ }).first().waitFor({ timeout: 15_000 });
    await screenshot('editor-tree-quick-check-en');
    await page.mouse.move(1, 1);
  });

  it('explains an error from the palette with the clipboard refused: input at once, causes with fixes', async () => {
    const { page } = workbench();
    await refuseClipboard(page);
    const r = await explainFromPalette(page, 'ACR Doctor: Explain an Error…', /^Paste an error$/);
    assert.equal(await clipboardNotices(page), 0, 'a clipboard notice showed');
    const dns = r.locator('#explain-results li').filter({ has: r.locator('article[data-cause="network.dns-resolution-failed"]') }).first();
    assert.match(await dns.locator('.explanation').innerText(), /\S{10}/);
    assert.doesNotMatch(await dns.innerText(), /…|\{[a-zA-Z]+\}/);
    assert.match(await dns.locator('.matched q').first().innerText(), /no such host|lookup contoso\.azurecr\.io/i);
    assert.match(await dns.locator('.command pre').first().innerText(), /nslookup contoso\.azurecr\.io/);
    await dns.locator('[data-action="copy-command"]').first().waitFor();
    await dns.locator('[data-action="open-docs"]').first().waitFor();
    const diagnose = r.locator('[data-action="diagnose-named"]');
    assert.equal((await diagnose.innerText()).trim(), 'Diagnose contoso.azurecr.io');
    await screenshot('editor-explain-en');
    await diagnose.click();
    await r.locator('body[data-phase="done"]').waitFor({ timeout: 60_000 });
  });

  it("opens the walkthrough and each step's command works", async () => {
    const { page } = workbench();
    await paletteCommand(page, 'Welcome: Open Walkthrough...');
    await page.keyboard.type('Get started with ACR Doctor');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Get started with ACR Doctor' }).first().click({ timeout: 15_000 });
    const walk = page.locator('.gettingStartedContainer');
    await walk.locator('.getting-started-step').first().waitFor({ timeout: 30_000 });
    await screenshot('editor-walkthrough-en');
    const step = async (title: string, link: string) => {
      await walk.locator('.getting-started-step').filter({ hasText: title }).first().click();
      // The step's own title may read like its button: click the button.
      await walk.locator('.getting-started-step.expanded .monaco-button, .getting-started-step.expanded a.button-link')
        .filter({ hasText: new RegExp(`^${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first().click({ timeout: 15_000 });
    };
    const quickInput = (title: RegExp) => page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).waitFor({ timeout: 15_000 });

    await step('Sign in, or add a registry by name', 'Add a registry by name');
    await quickInput(/^Add registry by name$/);
    await page.keyboard.press('Escape');

    // Another view in front first, so the step's button has something to change.
    await page.locator('.activitybar [aria-label^="Explorer"]').first().click();
    await page.locator('.sidebar .composite.title').filter({ hasText: /Explorer/i }).waitFor({ timeout: 15_000 });
    await walk.locator('.header, h1').first().click().catch(() => undefined);
    await step('Open the registries view', 'Open the registries view');
    await page.locator('.sidebar .composite.title').filter({ hasText: /Container Registries/i }).waitFor({ timeout: 15_000 });

    await step('Diagnose a registry', 'Diagnose a registry');
    // Its quick pick closes when the walkthrough takes the focus back; the title shows it was asked.
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: /^Diagnose registry$/ }).waitFor({ state: 'attached', timeout: 15_000 });
    await page.keyboard.press('Escape');

    await step('Paste an error', 'Explain an error');
    await quickInput(/^Paste an error$/);
    await page.keyboard.press('Escape');

    await step("Read the CLI's help", "Show the CLI's help");
    await page.locator('.editor-instance .view-lines').filter({ hasText: /acr-doctor\sdiagnose\s<registry>/ }).first().waitFor({ timeout: 15_000 });
    await screenshot('editor-cli-help-en');
  });

  after(async () => {
    // Leave the shared workbench as found: the help document (unsaved), the walkthrough and the report closed.
    const { page } = workbench();
    await paletteCommand(page, 'View: Revert and Close Editor').catch(() => undefined);
    await paletteCommand(page, 'View: Close All Editors').catch(() => undefined);
    const { world } = workbench();
    if (world && before && world.scenario.name !== before) await world.apply(before);
  });
});

describe('the editor for a new user, in Dutch (e2e)', function () {
  this.timeout(300_000);

  it('speaks Dutch: quick-check badges, the explain view and the walkthrough', async () => {
    const { world } = workbench();
    assert.ok(world, 'needs the sandbox world');
    const earlier = world.scenario.name;
    await world.apply('mixed');
    const nl = await startDutchWorkbench(world);
    const shot = (name: string) => nl.page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });
    try {
      const page = nl.page;
      await openAcrDoctorContainer(page);
      assert.deepEqual(await expandUntilRegistries(page, ['contoso', 'northwind']), [], `rows: ${await treeRows(page)}`);
      await waitForBadges(page, { contoso: 'bereikbaar', northwind: 'onbereikbaar' });
      await shot('editor-tree-quick-check-nl');

      await refuseClipboard(page);
      const r = await explainFromPalette(page, 'ACR Doctor: Een foutmelding uitleggen…', /^Een foutmelding plakken$/);
      assert.equal(await clipboardNotices(page), 0);
      assert.equal((await r.locator('[data-action="diagnose-named"]').innerText()).trim(), 'contoso.azurecr.io diagnosticeren');
      assert.match(await r.locator('#explain-results .matched').first().innerText(), /^Gevonden in de tekst:/);
      await shot('editor-explain-nl');

      await paletteCommand(page, 'Welcome: Open Walkthrough...');
      await page.keyboard.type('Aan de slag met ACR Doctor');
      await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Aan de slag met ACR Doctor' }).first().click({ timeout: 15_000 });
      const walk = page.locator('.gettingStartedContainer');
      await walk.locator('.getting-started-step').filter({ hasText: 'Een foutmelding plakken' }).first().click({ timeout: 30_000 });
      await walk.locator('.getting-started-step.expanded .monaco-button').filter({ hasText: /^Een foutmelding uitleggen$/ }).first().waitFor({ timeout: 15_000 });
      // The step's markdown renders in its own frame a moment later.
      await page.waitForTimeout(2_000);
      await shot('editor-walkthrough-nl');
    } catch (err) {
      await shot('failed-editor-nl').catch(() => undefined);
      throw err;
    } finally {
      await nl.stop();
      await world.apply(earlier);
    }
  });
});

