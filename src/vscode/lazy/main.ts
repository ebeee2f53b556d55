// The typed door to the rest of the extension (./main-area.ts). In the bundled extension the
// require below is dist/main.js (scripts/extension-bundles.mjs rewrites it): activation itself loads
// only dist/extension.js and its stand-ins.
import type * as MainModule from './main-area';
import { loadArea } from './load-area';

let area: typeof MainModule | undefined;

export function mainArea(): typeof MainModule {
  return (area ??= loadArea('dist/main.js', () => require('./main-area') as typeof MainModule));
}
