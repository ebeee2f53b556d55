// Mocha root hooks: one workbench for the whole e2e run (starting code-server and the world takes
// seconds; every test file shares them). A failed test leaves a screenshot named after it.
import type { Context } from 'mocha';
import { screenshot, startWorkbench, stopWorkbench } from './workbench';

export const mochaHooks = {
  async beforeAll(this: Context) {
    this.timeout(180_000);
    await startWorkbench();
  },
  async afterEach(this: Context) {
    const test = this.currentTest;
    if (test?.state === 'failed') {
      await screenshot(`failed-${test.fullTitle().replace(/[^\w-]+/g, '-').slice(0, 80)}`).catch(() => undefined);
    }
  },
  async afterAll(this: Context) {
    this.timeout(60_000);
    await stopWorkbench();
  },
};
