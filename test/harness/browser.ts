// Debian's Chromium driven by playwright-core (no browser download); flags per test-infra.md.
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from './paths';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: install the Debian package chromium (npm run setup as root)`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
