// A real browser on the real workbench: the packaged extension is installed and its
// Container Registries view opens from ACR Doctor's activity-bar container.
import * as assert from 'node:assert/strict';
import { openAcrDoctorContainer, screenshot, workbench } from './harness/workbench';

describe('workbench with ACR Doctor (e2e)', () => {
  it('shows the ACR Doctor container in the activity bar', async () => {
    const { page } = workbench();
    await page.locator('.activitybar [aria-label^="ACR Doctor"]').first().waitFor({ timeout: 30_000 });
  });

  it('opens the Container Registries view', async () => {
    const { page } = workbench();
    await openAcrDoctorContainer();
    // A container with one view shows it under the container's title ("ACR Doctor: Container Registries").
    const title = page.locator('.sidebar .composite.title .title-label');
    await title.filter({ hasText: /Container Registries/i }).waitFor({ timeout: 30_000 });
    // Its body is the tree or, with nothing to list, the welcome text with its buttons.
    const body = page.locator('.sidebar .pane-body').filter({ has: page.locator('.welcome-view-content, .monaco-list') }).first();
    await body.waitFor({ timeout: 30_000 });
    await screenshot('container-registries-view');
    assert.match((await body.innerText()).trim(), /\S/, 'the view body is empty');
  });
});

describe('Container Registries from the sandbox (e2e)', () => {
  it("lists the sandbox's registry contoso, read from its ARM through the service principal", async function () {
    this.timeout(150_000);
    const { page, world } = workbench();
    assert.ok(world, 'needs the sandbox world (ACR_DOCTOR_E2E_NO_WORLD is set)');
    await openAcrDoctorContainer();
    const tree = page.locator('.sidebar .monaco-list[role="tree"]').first();
    const contoso = tree.getByRole('treeitem', { name: /^contoso\b/ } /* the registry row, lower-case; not the 'Contoso' tenant or subscription */).first();
    // Tenants and subscriptions may sit above the registries: open collapsed rows until it shows.
    const deadline = Date.now() + 90_000;
    while (!(await contoso.isVisible()) && Date.now() < deadline) {
      const collapsed = tree.locator('[role="treeitem"][aria-expanded="false"]').first();
      if (await collapsed.isVisible()) await collapsed.click();
      else await page.waitForTimeout(1_000);
    }
    await screenshot('container-registries-from-sandbox');
    assert.ok(await contoso.isVisible(), `no contoso row; rows: ${(await tree.getByRole('treeitem').allInnerTexts()).join(' | ') || '(none)'}`);
  });
});
