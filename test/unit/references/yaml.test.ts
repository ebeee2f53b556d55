import assert from 'node:assert/strict';
import { findRegistryReferences } from '../../../src/core/references';

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
