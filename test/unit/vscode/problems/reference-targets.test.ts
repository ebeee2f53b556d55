// A reference's image and operation for the diagnosis its problem, code action or lens starts:
// the image after the registry host, and push where the file pushes that image.
import assert from 'node:assert/strict';
import { getCause, docsUrl } from '../../../../src/core/catalogue/index';
import { findRegistryReferences } from '../../../../src/core/references';
import { problemsFor, targetOfReference } from '../../../../src/vscode/problems/problem-entries';
import { imageAfterHost, pushedImages } from '../../../../src/vscode/problems/pushed-images';

const WORKFLOW = `name: build
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    container:
      image: contoso.azurecr.io/tools/ci:2
    steps:
      - uses: docker/login-action@v3
        with:
          registry: contoso.azurecr.io
      - run: |
          docker build -t contoso.azurecr.io/app:\${{ github.sha }} .
          docker push contoso.azurecr.io/app:1.4
          docker image push --all-tags contoso.azurecr.io/web
`;

describe('problems: what a reference diagnoses', () => {
  it('finds the images a file pushes, skipping expressions', () => {
    assert.deepEqual([...pushedImages(WORKFLOW)].sort(), ['contoso.azurecr.io/app:1.4', 'contoso.azurecr.io/web']);
    assert.deepEqual([...pushedImages('podman push Fabrikam.azurecr.io/x:1 && echo ok')], ['fabrikam.azurecr.io/x:1']);
    assert.deepEqual([...pushedImages('docker push ${{ env.IMAGE }}')], []);
    assert.deepEqual([...pushedImages('x'.repeat(2_000_000))], []);
  });

  it('gives an image reference its image and pull, a pushed one push, a bare registry login', () => {
    const refs = findRegistryReferences('/w/.github/workflows/build.yml', `${WORKFLOW}      - run: echo\n        env:\n          IMG: contoso.azurecr.io/app:1.4\n`);
    const pushed = pushedImages(WORKFLOW);
    const ci = refs.find((r) => r.image === 'contoso.azurecr.io/tools/ci:2');
    assert.ok(ci, refs.map((r) => r.image ?? r.written).join(', '));
    assert.deepEqual(targetOfReference(ci, pushed), { image: 'tools/ci:2', operation: 'pull' });
    const login = refs.find((r) => r.kind === 'workflowLoginAction');
    assert.ok(login);
    assert.deepEqual(targetOfReference(login, pushed), { operation: 'login' });
    assert.deepEqual(targetOfReference({ kind: 'composeImage', written: 'contoso.azurecr.io', image: 'contoso.azurecr.io/app:1.4', range: { line: 0, start: 0, end: 1 } }, pushed), { image: 'app:1.4', operation: 'push' });
    assert.deepEqual(targetOfReference({ kind: 'composeImage', written: 'contoso.azurecr.io', image: 'contoso.azurecr.io/Bad:x', range: { line: 0, start: 0, end: 1 } }), { operation: 'login' }, 'not an image name: the registry alone');
    assert.equal(imageAfterHost('contoso.azurecr.io/'), undefined);
  });

  it('carries the image and operation on every problem entry', () => {
    const refs = findRegistryReferences('/w/Dockerfile', 'FROM Contoso.azurecr.io/base/sdk:8\n');
    const entries = problemsFor(refs, { lang: 'en', getCause, docsUrl: (c) => docsUrl(c, 'en-us'), latest: () => undefined });
    assert.deepEqual(entries.map((e) => [e.causeId, e.image, e.operation]), [['name.upper-case', 'base/sdk:8', 'pull']]);
  });
});
