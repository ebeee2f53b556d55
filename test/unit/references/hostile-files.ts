// Workspace files built to make a line-by-line scanner slow or its output huge, each just under the
// 1 MB the scan accepts: shared by the unit test (bounded output) and the bench (time per kind).
import { MAX_SCANNED_CHARS } from '../../../src/core/references/index';

export type HostileKind = 'dockerfile' | 'compose' | 'kubernetes' | 'workflow';

export interface HostileFile { kind: HostileKind; name: string; path: string; text: string }

/** `unit` repeated to just under the scan limit (after `head`). */
const fill = (unit: string, head = '') => head + unit.repeat(Math.floor((MAX_SCANNED_CHARS - head.length - 1) / unit.length));

/** Lines from `line(i)` to just under the scan limit. */
function fillLines(line: (i: number) => string, head = ''): string {
  const parts = [head];
  let size = head.length;
  for (let i = 0; ; i++) {
    const l = line(i);
    if (size + l.length >= MAX_SCANNED_CHARS) return parts.join('');
    parts.push(l); size += l.length;
  }
}

export function hostileFiles(): HostileFile[] {
  // Valid YAML up to the repeated part, so a parser sees a containers list, not one broken scalar.
  const k8sHead = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n';
  const steps = 'jobs:\n  b:\n    steps:\n      - uses: docker/login-action@v3\n        with:\n';
  return [
    { kind: 'dockerfile', name: 'a FROM per line', path: 'Dockerfile', text: fill('FROM contoso.azurecr.io/app:1\n') },
    { kind: 'dockerfile', name: 'continuations and flags', path: 'Dockerfile', text: fill('FROM \\\n --platform=x \\\n \\\n') },
    { kind: 'dockerfile', name: 'one long line of flags', path: 'Dockerfile', text: `${fill('--a=x ', 'FROM ').slice(0, MAX_SCANNED_CHARS - 30)}contoso.azurecr.io/x` },
    { kind: 'compose', name: 'an image per line', path: 'docker-compose.yml', text: fill('    image: contoso.azurecr.io/web:1\n', 'services:\n') },
    { kind: 'compose', name: 'one line of image: keys', path: 'compose.yaml', text: fill('image: ') },
    { kind: 'kubernetes', name: 'an image per line', path: 'k8s/deploy.yaml', text: fill('        - image: contoso.azurecr.io/app@sha256:abc\n', k8sHead) },
    { kind: 'kubernetes', name: 'deep nesting', path: 'k8s/deep.yaml', text: fillLines((i) => `${' '.repeat(i % 400)}- image: contoso.azurecr.io/a\n`, k8sHead) },
    { kind: 'workflow', name: '20 000+ nested registry: lines', path: '.github/workflows/ci.yml', text: fill('          registry: contoso.azurecr.io\n', steps) },
    { kind: 'workflow', name: 'nested steps, one registry: each', path: '.github/workflows/nest.yml', text: fillLines((i) => `${' '.repeat(2 * (i % 300))}- uses: docker/login-action@v3\n${' '.repeat(2 * (i % 300) + 2)}registry: contoso.azurecr.io\n`, 'jobs:\n') },
    { kind: 'workflow', name: 'one line of az acr login', path: '.github/workflows/one-line.yml', text: fill('az acr login -n contoso ', '      - run: ') },
    { kind: 'workflow', name: 'one line of az acr login without -n', path: '.github/workflows/no-flag.yml', text: fill('az acr login ', '      - run: ') },
  ];
}
