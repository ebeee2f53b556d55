// The Container Registries view in a real browser: open ACR Doctor's container and expand the
// tree (tenants, subscriptions) until the wanted rows show. Shared by the e2e suite and the
// newcomer check of `npm start`.
import type { Page } from 'playwright-core';

/** Shows ACR Doctor's sidebar container; clicking an already active container would close it. */
export async function openAcrDoctorContainer(page: Page): Promise<void> {
  const item = page.locator('.activitybar .action-item').filter({ has: page.locator('[aria-label^="ACR Doctor"]') }).first();
  await item.waitFor({ timeout: 60_000 });
  if (!((await item.getAttribute('class')) ?? '').split(/\s+/).includes('checked')) await item.click();
}

/** The registries tree (the first tree in the sidebar). */
export const registriesTree = (page: Page) => page.locator('.sidebar .monaco-list[role="tree"]').first();

/**
 * Opens collapsed rows until a registry row for each name shows (registry rows start with the
 * lower-case resource name; tenant and subscription rows are capitalised), or the time is up.
 * Returns the names that never showed.
 */
export async function expandUntilRegistries(page: Page, names: string[], timeoutMs = 90_000): Promise<string[]> {
  const tree = registriesTree(page);
  const row = (name: string) => tree.getByRole('treeitem', { name: new RegExp(`^${name}\\b`) }).first();
  const deadline = Date.now() + timeoutMs;
  const missing = async () => {
    const out: string[] = [];
    for (const name of names) if (!(await row(name).isVisible())) out.push(name);
    return out;
  };
  let left = await missing();
  while (left.length && Date.now() < deadline) {
    const collapsed = tree.locator('[role="treeitem"][aria-expanded="false"]').first();
    if (await collapsed.isVisible()) await collapsed.click();
    else await page.waitForTimeout(1_000);
    left = await missing();
  }
  return left;
}

/** Every row's text, for a failure message. */
export async function treeRows(page: Page): Promise<string> {
  return (await registriesTree(page).getByRole('treeitem').allInnerTexts()).join(' | ') || '(none)';
}
