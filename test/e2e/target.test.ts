// The report's "What are you trying to do?" in a real browser against the sandbox's mixed scenario:
// the tree unfolds fabrikam's way (registries into repositories and tags), fabrikam's report is
// told the image (hello:v1, which the sandbox seeds) and pull, as the Azure sign-in (picked in the
// real quick pick); the missing AcrPull comes first, its fix runs after the real confirmation, and
// the re-run turns green. Screenshots in English and Dutch.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { DEFAULT_IDS } from '../../sandbox/arm/state';
import type { SandboxWorld } from '../../sandbox/world';
import { screenshotsDir } from '../harness/paths';
import { screenshot, workbench } from './harness/workbench';
import { diagnoseFromTree, reportFrame, runCommand, startDutchWorkbench } from './report-helpers';

const SCENARIO = 'mixed';
const FABRIKAM = 'fabrikam.azurecr.io';
const CAUSE = 'authz.missing-acrpull';
const GRANTER_ROLE = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd';

/** Lets the second tenant's service principal grant roles on fabrikam (as its owner would), without any pull right. */
function letTwinGrantRoles(world: SandboxWorld): void {
  const fab = world.state.registries.find((r) => r.arm.name === 'fabrikam')!;
  const twin = world.state.servicePrincipals.find((p) => p.appId === world.azure.clientId && p.tenantId === DEFAULT_IDS.secondTenantId)!;
  const sub = DEFAULT_IDS.secondSubscriptionId;
  const defId = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${GRANTER_ROLE}`;
  if (!world.state.roleDefinitions.some((d) => d.name === GRANTER_ROLE)) {
    world.state.roleDefinitions.push({
      id: defId, name: GRANTER_ROLE, type: 'Microsoft.Authorization/roleDefinitions',
      properties: {
        roleName: 'Role Assignment Writer', type: 'CustomRole', description: 'Writes role assignments; nothing else.', assignableScopes: ['/'],
        permissions: [{ actions: ['Microsoft.Authorization/roleAssignments/read', 'Microsoft.Authorization/roleAssignments/write'], notActions: [], dataActions: [], notDataActions: [] }],
      },
    });
  }
  const now = new Date().toISOString();
  world.state.roleAssignments.push({
    id: `${fab.arm.id}/providers/Microsoft.Authorization/roleAssignments/0f6c1b52-8f3a-4c44-9d7e-2a1b3c4d5e6f`,
    name: '0f6c1b52-8f3a-4c44-9d7e-2a1b3c4d5e6f', type: 'Microsoft.Authorization/roleAssignments',
    properties: { roleDefinitionId: defId, principalId: twin.objectId, principalType: 'ServicePrincipal', scope: fab.arm.id, createdOn: now, updatedOn: now },
  });
}

async function setTarget(page: Page, r: FrameLocator, image: string, operationLabel: RegExp): Promise<void> {
  const input = r.locator('#target-image');
  await input.waitFor({ timeout: 30_000 });
  await input.fill(image);
  // Choosing the operation submits the form: the diagnosis re-runs with both.
  const select = r.locator('#target-operation');
  const value = await select.locator('option').filter({ hasText: operationLabel }).getAttribute('value');
  await select.selectOption(value);
  await page.waitForTimeout(300);
}

describe('report target: image, operation, identity (e2e)', function () {
  this.timeout(420_000);

  after(async () => { await workbench().world?.apply('healthy'); });

  it('mixed: fabrikam, hello:v1, pull, as the Azure sign-in → missing AcrPull first → its fix → green', async () => {
    const { page, world } = workbench();
    assert.ok(world, 'needs the sandbox world');
    await world.apply(SCENARIO);
    letTwinGrantRoles(world as SandboxWorld);
    await runCommand(page, 'View: Close All Editors');

    await diagnoseFromTree(page, /^Diagnose Registry$/, FABRIKAM);
    const r = reportFrame(page);
    // The tree unfolds a registry into its repositories: contoso holds hello; fabrikam, which this
    // identity may not pull from, says so in an error row.
    const tree = page.locator('.sidebar .monaco-list[role="tree"]').first();
    for (const name of ['contoso.azurecr.io', FABRIKAM]) {
      const row = tree.locator('[role="treeitem"]').filter({ hasText: name }).first();
      if ((await row.getAttribute('aria-expanded', { timeout: 15_000 })) === 'false') await row.click();
      await page.mouse.move(1, 1);
    }
    await tree.locator('[role="treeitem"]').filter({ hasText: /^hello$/ }).first().waitFor({ timeout: 30_000 });
    await tree.locator('[role="treeitem"]').filter({ hasText: /No permission to list the repositories of fabrikam\.azurecr\.io/ }).first().waitFor({ timeout: 30_000 });
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    await screenshot('target-fabrikam-login');

    // The image field completes from the registry's repositories.
    await r.locator('#target-image').focus();
    await r.locator('#image-suggestions option[value="hello"]').waitFor({ state: 'attached', timeout: 30_000 }).catch(() => undefined);
    await setTarget(page, r, 'hello:v1', /^Pull$/);
    // Who: the Azure sign-in, picked in the real quick pick.
    await r.locator('[data-key="change-identity"]').click();
    const pick = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Azure sign-in' }).first();
    await pick.click({ timeout: 20_000 });

    await r.locator('[data-testid="target-identity"]', { hasText: 'Azure sign-in' }).waitFor({ timeout: 20_000 });
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    const first = r.locator('ol.causes article.cause').first();
    await first.waitFor({ timeout: 30_000 });
    assert.equal(await first.getAttribute('data-cause'), CAUSE, `first cause: ${await first.innerText()}`);
    assert.equal(await r.locator('#target-image').inputValue(), 'hello:v1');
    assert.equal(await r.locator('#target-operation').inputValue(), 'pull');
    await screenshot('target-fabrikam-pull-missing-acrpull');

    // Its fix: the real confirmation names the role and the registry; confirm it.
    await first.locator('[data-action="run-fix"]').first().click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 20_000 });
    const detail = await dialog.innerText();
    assert.match(detail, /AcrPull/);
    assert.match(detail, /fabrikam/);
    await screenshot('target-fabrikam-fix-confirmation');
    await dialog.locator('.monaco-button', { hasText: 'Run fix' }).click();

    await r.locator(`article.cause[data-cause="${CAUSE}"]`).waitFor({ state: 'detached', timeout: 90_000 });
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    await r.locator('[data-testid="last-fix"]').waitFor({ timeout: 20_000 });
    // The role is there; Azure applies a new assignment within 10 minutes, and the re-run says so.
    const live = world as SandboxWorld;
    const fab = live.state.registries.find((x) => x.arm.name === 'fabrikam')!;
    const granted = live.state.roleAssignments.filter((a) => a.properties.scope.toLowerCase() === fab.arm.id.toLowerCase() && /AcrPull|7f951dda-4ed3-4680-a7ca-43fe172d538d/i.test(a.properties.roleDefinitionId));
    assert.equal(granted.length, 1, 'the fix created the AcrPull assignment in ARM');
    await screenshot('target-fabrikam-after-fix');
    // Ten minutes later (the assignment backdated, as time would): a full re-run turns green.
    const earlier = new Date(Date.now() - 15 * 60_000).toISOString();
    granted[0].properties.createdOn = earlier;
    granted[0].properties.updatedOn = earlier;
    await r.locator('[data-key="rerun-all"]').click();
    await r.locator('[data-testid="phase"][data-phase="running"]').waitFor({ timeout: 30_000 }).catch(() => undefined);
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    assert.equal(await r.locator('.check.is-fail').count(), 0, `failing checks on the re-run: ${await r.locator('.check.is-fail').allInnerTexts()}`);
    assert.equal(await r.locator(`article.cause[data-cause="${CAUSE}"]`).count(), 0);
    assert.ok(await r.locator('[data-check="login.authz.aad"].is-pass').count() === 1, await r.locator('[data-check="login.authz.aad"]').innerText());
    await screenshot('target-fabrikam-green');
  });

  it('keeps the target (not a secret) when the window reloads', async () => {
    const { page } = workbench();
    let r = reportFrame(page);
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    assert.equal(await r.locator('#target-image').inputValue(), 'hello:v1', 'the report of the test before is open');
    // The browser workbench writes webview state every few seconds when idle; a reload does not wait.
    await page.waitForTimeout(8_000);
    await page.reload({ waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    r = reportFrame(page);
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    assert.equal(await r.locator('#target-image').inputValue(), 'hello:v1');
    assert.equal(await r.locator('#target-operation').inputValue(), 'pull');
    assert.equal(await r.locator('[data-testid="target-identity"]').innerText(), 'Azure sign-in');
    await screenshot('target-restored-after-reload');
  });

  it('as the admin user, picked in the quick pick with its password typed in the password box: admin user disabled first, no password in the report', async () => {
    const { page, world } = workbench();
    assert.ok(world, 'needs the sandbox world');
    await world.apply('admin-disabled');
    const password = (world as SandboxWorld).state.registries.find((x) => x.arm.name === 'contoso')!.adminPasswords.password;
    await runCommand(page, 'View: Close All Editors');
    await diagnoseFromTree(page, /^Diagnose Registry$/, 'contoso.azurecr.io');
    const r = reportFrame(page);
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    await r.locator('[data-key="change-identity"]').click();
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Admin user' }).first().click({ timeout: 20_000 });
    const box = page.locator('.quick-input-widget input[type="password"]');
    await box.waitFor({ timeout: 20_000 });
    await box.fill(password);
    await screenshot('target-admin-password-box');
    await box.press('Enter');
    await r.locator('[data-testid="target-identity"]', { hasText: 'Admin user' }).waitFor({ timeout: 20_000 });
    await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
    const first = r.locator('ol.causes article.cause').first();
    await first.waitFor({ timeout: 30_000 });
    assert.equal(await first.getAttribute('data-cause'), 'credentials.admin-user-disabled', `first cause: ${await first.innerText()}`);
    assert.ok(!(await r.locator('body').innerHTML()).includes(password), 'the admin password reached the webview');
    await screenshot('target-admin-user-disabled');
    // The report keeps its identity for the registry: back to the Azure sign-in for the tests after.
    await r.locator('[data-key="change-identity"]').click();
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Azure sign-in' }).first().click({ timeout: 20_000 });
    await r.locator('[data-testid="target-identity"]', { hasText: 'Azure sign-in' }).waitFor({ timeout: 20_000 });
  });

  it('speaks Dutch in the header form', async () => {
    const { world } = workbench();
    assert.ok(world, 'needs the sandbox world');
    await world.apply(SCENARIO);
    const nl = await startDutchWorkbench(world);
    try {
      await diagnoseFromTree(nl.page, /^Register diagnosticeren$/, FABRIKAM);
      const r = reportFrame(nl.page);
      await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
      assert.equal(await r.locator('.target-legend').innerText(), 'Wat probeert u te doen?');
      await setTarget(nl.page, r, 'hello:v1', /^Pull$/);
      await r.locator('[data-testid="phase"][data-phase="done"]').waitFor({ timeout: 90_000 });
      await r.locator('ol.causes article.cause').first().waitFor({ timeout: 30_000 });
      assert.equal(await r.locator('ol.causes article.cause').first().getAttribute('data-cause'), CAUSE);
      assert.equal(await r.locator('[data-testid="target-identity"]').innerText(), 'Azure-aanmelding');
      assert.match(await r.locator('[data-key="change-identity"]').innerText(), /Identiteit wijzigen/);
      await nl.page.screenshot({ path: path.join(screenshotsDir, 'target-fabrikam-nl.png') });
    } catch (error) {
      await nl.page.screenshot({ path: path.join(screenshotsDir, 'failed-target-nl.png') }).catch(() => undefined);
      throw error;
    } finally {
      await nl.stop();
    }
  });
});
