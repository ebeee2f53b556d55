// Where the harness finds things: the repository, the code-server install (scripts/setup.sh),
// the artifacts (results, screenshots, logs).
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const cacheDir = process.env.ACR_DOCTOR_CACHE ?? path.join(repoRoot, '.cache');
export const codeServerEntry = path.join(cacheDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const artifactsDir = process.env.ACR_DOCTOR_ARTIFACTS ?? path.join(repoRoot, 'artifacts');
export const resultsDir = path.join(artifactsDir, 'results');
export const screenshotsDir = path.join(artifactsDir, 'screenshots');
export const logsDir = path.join(artifactsDir, 'logs');
// `npm run package` writes the .vsix into the repository's artifacts/, whatever ACR_DOCTOR_ARTIFACTS says.
export const vsixPath = process.env.ACR_DOCTOR_VSIX ?? path.join(repoRoot, 'artifacts', 'acr-doctor.vsix');
export const chromiumPath = process.env.ACR_DOCTOR_CHROMIUM ?? '/usr/bin/chromium';
