// A real browser on the real workbench: the packaged extension is installed and its
// Container Registries view opens from ACR Doctor's activity-bar container.
import * as assert from 'node:assert/strict';
import { openAcrDoctorContainer, screenshot, workbench } from './harness/workbench';
import { expandUntilRegistries, treeRows } from '../harness/registries-view';

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
    const missing = await expandUntilRegistries(page, ['contoso']);
    await screenshot('container-registries-from-sandbox');
    assert.deepEqual(missing, [], `no contoso row; rows: ${await treeRows(page)}`);
  });
});
