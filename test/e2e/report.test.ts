// The report in a real browser against the sandbox: tree → Diagnose → the injected cause is first →
// Open docs gives the exact URL → Run fix (add the client IP rule, confirmed in the real modal) →
// the affected checks re-run and turn green. Screenshots of the report in dark and light themes.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { screenshot, workbench } from './harness/workbench';

const SCENARIO = 'ip-rule-excludes-client';
const CAUSE = 'network.ip-rule-excludes-client';
const DOCS = 'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-troubleshoot-access#configure-public-access-to-registry';

function report(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().click({ timeout: 15_000 });
}

async function setTheme(page: Page, theme: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.keyboard.type(theme);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: theme }).first().click({ timeout: 15_000 });
  await page.waitForTimeout(800);
}

describe('diagnostics report (e2e)', function () {
  this.timeout(300_000);

  it('tree → Diagnose → the injected cause first → Open docs → Run fix → re-run turns green', async () => {
    const { page, world } = workbench();
    assert.ok(world, 'needs the sandbox world (ACR_DOCTOR_E2E_NO_WORLD is set)');
    const info = await world.apply(SCENARIO);
    assert.equal(info.expectedCause, CAUSE);

    // The registry row in ACR Doctor's tree (tenants and subscriptions above it are opened as needed).
    await page.locator('.activitybar [aria-label^="ACR Doctor"]').first().click();
    const tree = page.locator('.sidebar .monaco-list[role="tree"]').first();
    const row = tree.locator('[role="treeitem"]').filter({ hasText: 'contoso.azurecr.io' }).first();
    const deadline = Date.now() + 90_000;
    while (!(await row.isVisible()) && Date.now() < deadline) {
      const collapsed = tree.locator('[role="treeitem"][aria-expanded="false"]').first();
      if (await collapsed.isVisible()) await collapsed.click();
      else await page.waitForTimeout(1_000);
    }
    await row.click({ button: 'right' });
    await page.locator('.context-view .action-label').filter({ hasText: 'Diagnose Registry' }).first().click();

    // The report streams, ends, and puts the injected cause first.
    const r = report(page);
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    const first = r.locator('ol.causes article.cause').first();
    assert.equal(await first.getAttribute('data-cause'), CAUSE, `first cause: ${await first.innerText()}`);
    assert.ok(await r.locator('.check.is-fail').count() >= 1, 'a failing check');
    assert.ok(await r.locator('h2', { hasText: 'Login' }).count() === 1 && await r.locator('h2', { hasText: 'Network' }).count() === 1, 'both sections');
    await screenshot('report-dark');

    // Open docs: the exact anchor, en-us (the display language here is English).
    const context = page.context();
    await context.route('https://learn.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>docs</title>' }));
    const popup = context.waitForEvent('page', { timeout: 20_000 });
    await first.locator('[data-action="open-docs"]').click();
    // VS Code may ask before opening an external site: answer Open.
    const open = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ });
    await open.click({ timeout: 5_000 }).catch(() => undefined);
    const docs = await popup;
    await docs.waitForLoadState('domcontentloaded').catch(() => undefined);
    assert.equal(docs.url(), DOCS);
    await docs.close();

    // Run fix: the real modal shows exactly what will change; confirm it.
    await first.locator('[data-action="run-fix"]').first().click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 20_000 });
    const detail = await dialog.innerText();
    assert.match(detail, /contoso/);
    assert.match(detail, new RegExp(world.clientIp.replace(/\./g, '\\.')), `the confirmation names the client IP: ${detail}`);
    await screenshot('report-run-fix-confirmation');
    await dialog.locator('.monaco-button', { hasText: 'Run fix' }).click();

    // The affected checks re-run by themselves and turn green; the cause is gone.
    await r.locator(`article.cause[data-cause="${CAUSE}"]`).waitFor({ state: 'detached', timeout: 90_000 });
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    assert.equal(await r.locator('.check.is-fail').count(), 0, 'no failing check after the fix');
    await screenshot('report-dark-after-fix');

    await setTheme(page, 'Light Modern');
    await world.apply(SCENARIO);
    await r.locator('[data-key="rerun-all"]').click();
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    await r.locator(`article.cause[data-cause="${CAUSE}"]`).waitFor({ timeout: 30_000 });
    await screenshot('report-light');
    await setTheme(page, 'Dark Modern');
  });
});
