// Mocha root hooks: one workbench for the whole e2e run (starting code-server and the world takes
// seconds; every test file shares them). A failed test leaves a screenshot named after it.
import type { Context } from 'mocha';
import { screenshot, startWorkbench, stopWorkbench } from './workbench';

export const mochaHooks = {
  async beforeAll(this: Context) {
    this.timeout(14 * 60_000); // may wait for another developer's world (test/harness/world.ts)
    await startWorkbench();
  },
  async afterEach(this: Context) {
    const test = this.currentTest;
    if (test?.state === 'failed') {
      await screenshot(`failed-${test.fullTitle().replace(/[^\w-]+/g, '-').slice(0, 80)}`).catch(() => undefined);
    }
  },
  async afterAll(this: Context) {
    this.timeout(15 * 60_000); // waits for a start still under way, then stops it
    await stopWorkbench();
  },
};
