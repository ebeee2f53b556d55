// The report in a real browser against the sandbox: tree → Diagnose → the injected cause is first →
// Open docs gives the exact URL → Run fix (add the client IP rule, confirmed in the real modal) →
// the affected checks re-run and turn green. Screenshots of the report in dark and light themes.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { roleAssignment } from '../../sandbox/arm/state';
import type { SandboxWorld } from '../../sandbox/world';
import { screenshotsDir } from '../harness/paths';
import { screenshot, workbench } from './harness/workbench';
import { diagnoseFromTree, reportFrame as report, runCommand, setTheme, startDutchWorkbench, workbenchBrightness } from './report-helpers';

const SCENARIO = 'ip-rule-excludes-client';
const CAUSE = 'network.ip-rule-excludes-client';
const DOCS = 'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-troubleshoot-access#configure-public-access-to-registry';

describe('diagnostics report (e2e)', function () {
  this.timeout(300_000);

  // Leave the shared world as the other e2e tests expect it.
  after(async () => { await workbench().world?.apply('healthy'); });

  it('tree → Diagnose → the injected cause first → Open docs → Run fix → re-run turns green', async () => {
    const { page, world } = workbench();
    assert.ok(world, 'needs the sandbox world (ACR_DOCTOR_E2E_NO_WORLD is set)');
    const info = await world.apply(SCENARIO);
    assert.equal(info.expectedCause, CAUSE);
    // The developer here may change the registry's firewall: the sandbox principal (AcrPush + Reader
    // by default) gets Contributor on contoso, as a registry owner would have.
    const live = world as SandboxWorld;
    const contoso = live.state.registries.find((x) => x.arm.name === 'contoso')!;
    live.state.roleAssignments.push(roleAssignment({ scope: contoso.arm.id, role: 'Contributor', principalId: live.azure.principalId, subscriptionId: live.azure.subscriptionId }));

    // code-server starts in a light theme: the first screenshots are the dark one.
    await setTheme(page, 'Dark Modern');
    await diagnoseFromTree(page, /^Diagnose Registry$/);

    // The report streams, ends, and puts the injected cause first.
    const r = report(page);
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    const first = r.locator('ol.causes article.cause').first();
    assert.equal(await first.getAttribute('data-cause'), CAUSE, `first cause: ${await first.innerText()}`);
    assert.ok(await r.locator('.check.is-fail').count() >= 1, 'a failing check');
    assert.ok(await r.locator('h2', { hasText: 'Login' }).count() === 1 && await r.locator('h2', { hasText: 'Network' }).count() === 1, 'both sections');
    // ARM is read with the sandbox CA (VS Code's extension host does not pass NODE_EXTRA_CA_CERTS on).
    assert.equal(await r.locator('[data-check="login.registry"]').getAttribute('data-status'), 'pass', await r.locator('[data-check="login.registry"]').innerText());
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
    await r.locator('[data-testid="last-fix"]', { hasText: 'Fix applied; the affected checks ran again.' }).waitFor({ timeout: 20_000 });
    await screenshot('report-dark-after-fix');

    await world.apply(SCENARIO);
    await r.locator('[data-key="rerun-all"]').click();
    // Only the new run can fail the challenge again (it passed after the fix); then wait for its end.
    await r.locator('[data-check="net.challenge"].is-fail').waitFor({ timeout: 90_000 });
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    await r.locator(`article.cause[data-cause="${CAUSE}"]`).waitFor({ timeout: 30_000 });
    await setTheme(page, 'Light Modern');
    assert.ok(await workbenchBrightness(page) > 128, 'the workbench wears the light theme for its screenshot');
    await screenshot('report-light');
    await setTheme(page, 'Dark Modern');
  });

  it('is restored after a window reload by its serializer, with the last diagnosis and the webview\'s own state', async () => {
    const { page, world } = workbench();
    assert.ok(world, 'needs the sandbox world');
    await world.apply(SCENARIO);
    await runCommand(page, 'View: Close All Editors');
    await diagnoseFromTree(page, /^Diagnose Registry$/);
    let r = report(page);
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    const elapsed = await r.locator('#elapsed').innerText();
    const meta = await r.locator('.report-header .meta').innerText();
    assert.match(meta, /Signed in as: /);
    // Webview-only state: an opened evidence list and a half-typed paste.
    await r.locator('[data-key="evidence-net.challenge"]').click();
    assert.equal(await r.locator('[data-check="net.challenge"] details.evidence[open]').count(), 1);
    const pasted = 'Error response from daemon: Get "https://contoso.azurecr.io/v2/": denied: client with IP';
    await r.locator('#paste').fill(pasted);
    // The browser workbench writes its state (open editors, webview state) every 5 s when idle, and a
    // reload does not wait for that write: give it time, as a user who reloads later would.
    await page.waitForTimeout(8_000);

    await page.reload({ waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    r = report(page);
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    assert.equal(await r.locator('ol.causes article.cause').first().getAttribute('data-cause'), CAUSE, 'the last diagnosis is back');
    assert.equal(await r.locator('#elapsed').innerText(), elapsed, 'restored from the stored report, not diagnosed again');
    await r.locator('.report-header .meta', { hasText: 'Signed in as: ' }).waitFor({ timeout: 20_000 });
    assert.equal(await r.locator('.report-header .meta').innerText(), meta, 'the same header: identity, elapsed time, phase');
    assert.equal(await r.locator('[data-check="net.challenge"] details.evidence[open]').count(), 1, 'the evidence list stays open');
    assert.equal(await r.locator('#paste').inputValue(), pasted, 'the pasted text is kept');
    assert.equal(await page.locator('.tabs-container .tab', { hasText: 'contoso.azurecr.io' }).count(), 1, 'one report tab');
    await screenshot('report-restored-after-reload');
  });

  it('speaks Dutch when VS Code does: the report and the docs locale (nl-nl)', async () => {
    const { world } = workbench();
    assert.ok(world, 'needs the sandbox world');
    await world.apply(SCENARIO);
    const nl = await startDutchWorkbench(world);
    try {
      await diagnoseFromTree(nl.page, /^Register diagnosticeren$/);
      const r = report(nl.page);
      await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
      assert.match(await r.locator('h1').innerText(), /^Registerdiagnose: contoso\.azurecr\.io/);
      assert.equal(await r.locator('h2#causes-h').innerText(), 'Oorzaken');
      const first = r.locator('ol.causes article.cause').first();
      assert.equal(await first.getAttribute('data-cause'), CAUSE);
      assert.match(await first.locator('cite').innerText(), /Openbare toegang tot register configureren/);
      // The checks speak Dutch too: titles and what they saw.
      assert.match(await r.locator('[data-check="net.tcp"] .check-title').innerText(), /^TCP-verbinding met de aanmeldingsserver/);
      assert.match(await r.locator('[data-check="net.tcp"] .check-message').innerText(), /^verbonden met 192\.0\.2\.20:443 in \d+ ms$/);
      assert.match(await r.locator('[data-check="net.challenge"] .check-message').innerText(), /^403 Forbidden: client with IP/, 'the registry\'s own words stay');
      assert.match(await r.locator('[data-check="net.registry-firewall"] .check-message').innerText(), /^GET \/v2\/ antwoordde 403 Forbidden voor client-IP 192\.0\.2\.1: standaardactie Deny/);
      const popup = nl.page.context().waitForEvent('page', { timeout: 20_000 });
      await nl.page.context().route('https://learn.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>docs</title>' }));
      await first.locator('[data-action="open-docs"]').click();
      await nl.page.locator('.monaco-dialog-box .monaco-button').filter({ hasText: /^(Openen|Open)$/ }).click({ timeout: 5_000 }).catch(() => undefined);
      const docs = await popup;
      assert.equal(docs.url(), DOCS.replace('/en-us/', '/nl-nl/'));
      await docs.close();
      await nl.page.screenshot({ path: path.join(screenshotsDir, 'report-nl.png') });
    } catch (error) {
      await nl.page.screenshot({ path: path.join(screenshotsDir, 'failed-report-nl.png') }).catch(() => undefined);
      throw error;
    } finally {
      await nl.stop();
    }
  });
});
