// The typed door to the engine area (./engine-area.ts). In the bundled extension the require
// below is dist/engine.js (scripts/extension-bundles.mjs rewrites it), loaded on the first
// diagnosis: activation stays free of the engine, its probes and dockerode.
import type * as EngineArea from './engine-area';
import { loadArea } from './load-area';

let area: typeof EngineArea | undefined;

export function engineArea(): typeof EngineArea {
  return (area ??= loadArea('dist/engine.js', () => require('./engine-area') as typeof EngineArea));
}
