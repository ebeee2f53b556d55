import assert from 'node:assert/strict';
import { findRegistryReferences, scanRegistryReferences } from '../../../src/core/references';

describe('references: compose, Kubernetes and workflows', () => {
  it('finds compose image: values, quoted or not, with comments', () => {
    const text = [
      'services:',
      '  web:',
      '    image: contoso.azurecr.io/web:1  # prod',
      '  db:',
      '    image: "postgres:16"',
      '  api:',
      "    image: 'CONTOSO.azurecr.io/api'",
    ].join('\n');
    const refs = findRegistryReferences('/w/docker-compose.prod.yml', text);
    assert.deepEqual(refs.map((r) => [r.kind, r.written, r.range.line, r.range.start]), [
      ['composeImage', 'contoso.azurecr.io', 2, 11],
      ['composeImage', 'CONTOSO.azurecr.io', 6, 12],
    ]);
  });

  it('finds Kubernetes container images only in manifests', () => {
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: contoso.azurecr.io/app@sha256:abc',
      '        - image: contoso.azurecr.us/side',
    ].join('\n');
    const refs = findRegistryReferences('/w/k8s/deploy.yaml', manifest);
    assert.deepEqual(refs.map((r) => [r.kind, r.written, r.range.line, r.range.start]), [
      ['kubernetesImage', 'contoso.azurecr.io', 7, 17],
      ['kubernetesImage', 'contoso.azurecr.us', 8, 17],
    ]);
    assert.deepEqual(findRegistryReferences('/w/config.yaml', 'image: contoso.azurecr.io/app'), []);
  });

  it('finds docker/login-action registry: and az acr login -n in workflows, not other steps', () => {
    const text = [
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: docker/login-action@v3',
      '        with:',
      '          registry: contoso.azurecr.io',
      '          username: ${{ secrets.U }}',
      '      - uses: some/other-action@v1',
      '        with:',
      '          registry: fabrikam.azurecr.io',
      '      - name: Login',
      '        uses: "docker/login-action@v3"',
      '        with:',
      '          registry: ${{ env.REGISTRY }}',
      '      - run: az acr login -n Contoso && docker push contoso.azurecr.io/app',
      '      - run: |',
      '          az acr login --name=contoso.azurecr.io',
      '          az acr login --name "$REG"',
    ].join('\n');
    const refs = findRegistryReferences('/w/.github/workflows/ci.yml', text);
    assert.deepEqual(refs.map((r) => [r.kind, r.written, r.range.line, r.range.start, r.range.end]), [
      ['workflowLoginAction', 'contoso.azurecr.io', 6, 20, 38],
      ['workflowAzAcrLogin', 'Contoso', 15, 29, 36],
      ['workflowAzAcrLogin', 'contoso.azurecr.io', 17, 30, 48],
    ]);
    const lines = text.split('\n');
    for (const r of refs) assert.equal(lines[r.range.line].slice(r.range.start, r.range.end), r.written);
  });
});

/** [kind, written, line, start, end] of each reference, after checking that each range holds what was written. */
function found(path: string, text: string): [string, string, number, number, number][] {
  const lines = text.split('\n');
  const refs = findRegistryReferences(path, text);
  for (const r of refs) assert.equal(lines[r.range.line].slice(r.range.start, r.range.end), r.written, `range of ${r.written}`);
  return refs.map((r) => [r.kind, r.written, r.range.line, r.range.start, r.range.end]);
}

describe('references: read as YAML (structure, not indentation)', () => {
  it('finds images in flow style, on one line or several', () => {
    const text = [
      'services: {web: {image: contoso.azurecr.io/web:1}, db: {image: "postgres:16"}}',
      'x-more: [{image: "fabrikam.azurecr.io/a"},',
      '  {name: b, image: fabrikam.azurecr.io/b}]',
    ].join('\n');
    assert.deepEqual(found('/w/compose.yaml', text), [
      ['composeImage', 'contoso.azurecr.io', 0, 24, 42],
      ['composeImage', 'fabrikam.azurecr.io', 1, 18, 37],
      ['composeImage', 'fabrikam.azurecr.io', 2, 19, 38],
    ]);
  });

  it('follows an alias to its anchor and reports the image once, where it is written', () => {
    const text = [
      'x-base: &base contoso.azurecr.io/base:1',
      'services:',
      '  a:',
      '    image: *base',
      '  b:',
      '    image: *base',
      '  c: &svc',
      '    image: fabrikam.azurecr.io/c',
      '  d: *svc',
    ].join('\n');
    assert.deepEqual(found('/w/docker-compose.yml', text), [
      ['composeImage', 'contoso.azurecr.io', 0, 14, 32],
      ['composeImage', 'fabrikam.azurecr.io', 7, 11, 30],
    ]);
  });

  it('reads every document of a multi-document manifest', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'spec: {containers: [{name: a, image: contoso.azurecr.io/a}]}',
      '---',
      '# the sidecar',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - image: >-',
      '            fabrikam.azurecr.io/side:2',
      '...',
    ].join('\n');
    assert.deepEqual(found('/w/k8s/all.yaml', text), [
      ['kubernetesImage', 'contoso.azurecr.io', 2, 37, 55],
      ['kubernetesImage', 'fabrikam.azurecr.io', 12, 12, 31],
    ]);
  });

  it('does not take comments, keys or script text that say "image:" for images', () => {
    const text = [
      'services:',
      '  web:',
      '    # image: contoso.azurecr.io/old',
      '    image: contoso.azurecr.io/web # image: fabrikam.azurecr.io/x',
      '    command: |',
      '      image: fabrikam.azurecr.io/in-a-script',
      '    labels:',
      '      note: "image: fabrikam.azurecr.io/in-a-string"',
    ].join('\n');
    assert.deepEqual(found('/w/compose.yml', text), [['composeImage', 'contoso.azurecr.io', 3, 11, 29]]);
  });

  it('takes login-action inputs in flow style and az acr login from any script, not from YAML or shell comments', () => {
    const text = [
      'jobs:',
      '  b:',
      '    steps:',
      '      - {uses: docker/login-action@v3, with: {registry: contoso.azurecr.io}}',
      '      # - uses: docker/login-action@v3',
      '      #   with:',
      '      #     registry: old.azurecr.io',
      '      - uses: azure/cli@v2',
      '        with:',
      '          inlineScript: |',
      '            az acr login --name fabrikam',
      '            # az acr login -n commented-in-script',
      '      # run: az acr login -n commented',
      '      - uses: other/action@v1',
      '        with: {registry: ignored.azurecr.io}',
    ].join('\n');
    assert.deepEqual(found('/w/.github/workflows/ci.yml', text), [
      ['workflowLoginAction', 'contoso.azurecr.io', 3, 56, 74],
      ['workflowAzAcrLogin', 'fabrikam', 10, 32, 40],
    ]);
  });

  it('keeps what it can read of a half-typed file and says where the YAML breaks', () => {
    const text = [
      'services:',
      '  web:',
      '    image: contoso.azurecr.io/web',
      '  api:',
      '    image: [unclosed',
      '  db:',
      '    image: "fabrikam.azurecr.io/db',
    ].join('\n');
    const r = scanRegistryReferences('/w/compose.yaml', text);
    // The unclosed quote runs to the end of the file: still the image being typed.
    assert.deepEqual(r.refs.map((x) => [x.written, x.range.line]), [['contoso.azurecr.io', 2], ['fabrikam.azurecr.io', 6]]);
    assert.ok(r.yamlError, 'the error is reported');
    assert.ok(r.yamlError.line >= 4 && r.yamlError.line <= 6, `error line ${r.yamlError.line}`);
    assert.match(r.yamlError.message, /\S/);
    assert.equal(scanRegistryReferences('/w/compose.yaml', 'services:\n  web:\n    image: contoso.azurecr.io/web\n').yamlError, undefined);
  });

  it('reads deep flow nesting, unclosed nesting, tab indentation and binary text without throwing', () => {
    const deep = `image: contoso.azurecr.io/x\nnested: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    assert.deepEqual(found('/w/compose.yml', deep), [['composeImage', 'contoso.azurecr.io', 0, 7, 25]]);
    const unclosed = `services: ${'{a: '.repeat(20_000)}contoso.azurecr.io/x`;
    assert.deepEqual(findRegistryReferences('/w/compose.yml', unclosed), []);
    // Tabs are not YAML indentation: the error says so, and the image is still read.
    const tabs = scanRegistryReferences('/w/compose.yml', 'services:\n\tweb:\n\t\timage: contoso.azurecr.io/x\n');
    assert.deepEqual(tabs.refs.map((x) => [x.written, x.range.line, x.range.start]), [['contoso.azurecr.io', 2, 9]]);
    assert.deepEqual(tabs.yamlError, { line: 1, message: 'Tabs are not allowed as indentation' });
    const binary = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('') + 'azurecr';
    assert.deepEqual(scanRegistryReferences('/w/compose.yml', binary).refs, []);
  });

  it('a file that cannot name a registry is not parsed: no error, no references', () => {
    const r = scanRegistryReferences('/w/compose.yml', 'services: [this is: : not yaml\n');
    assert.deepEqual(r, { refs: [] });
  });

  it('a huge single document stops at the time budget with what it read, not after parsing it all', () => {
    const text = `services:\n${'  s:\n    image: contoso.azurecr.io/web:1\n'.repeat(20_000)}`;
    let t = 0;
    const r = scanRegistryReferences('/w/compose.yml', text, { maxFindings: 1e9, budgetMs: 20, now: () => t++ });
    assert.equal(r.stopped, 'time');
    assert.ok(r.refs.length > 0 && r.refs.length < 20_000, `${r.refs.length} references from the part read`);
    assert.ok(r.refs.every((x, i) => x.range.line === 2 + 2 * i), 'in order, from the start of the file');
  });
});
