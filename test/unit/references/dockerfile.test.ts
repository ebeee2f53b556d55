import assert from 'node:assert/strict';
import { findRegistryReferences } from '../../../src/core/references';

describe('references: Dockerfile FROM', () => {
  it('finds the host of FROM, with --platform, stages and continuations, and gives exact ranges', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'ARG BASE=contoso.azurecr.io/base:1',
      'FROM --platform=$BUILDPLATFORM contoso.azurecr.io/sdk:8 AS build',
      'RUN echo FROM fabrikam.azurecr.io/not-a-from',
      'from   Fabrikam.AzureCR.io/runtime:8 as final',
      'FROM build',
      'FROM \\',
      '  --platform=linux/amd64 \\',
      '  wrong.azurecr.com/x',
      'FROM ${REGISTRY}/app',
      'FROM mcr.microsoft.com/dotnet/aspnet:8.0',
    ].join('\n');
    const refs = findRegistryReferences('/w/app/Dockerfile', text);
    assert.deepEqual(refs.map((r) => [r.written, r.range.line, r.range.start, r.range.end, r.image]), [
      ['contoso.azurecr.io', 2, 31, 49, 'contoso.azurecr.io/sdk:8'],
      ['Fabrikam.AzureCR.io', 4, 7, 26, 'Fabrikam.AzureCR.io/runtime:8'],
      ['wrong.azurecr.com', 8, 2, 19, 'wrong.azurecr.com/x'],
    ]);
    const lines = text.split('\n');
    for (const r of refs) assert.equal(lines[r.range.line].slice(r.range.start, r.range.end), r.written);
  });

  it('recognises Dockerfile name variants and ignores other files', () => {
    const text = 'FROM contoso.azurecr.io/a';
    for (const p of ['Dockerfile', 'x/Dockerfile.dev', 'x/Dockerfile-prod', 'x/api.dockerfile', 'C:\\w\\Containerfile']) {
      assert.equal(findRegistryReferences(p, text).length, 1, p);
    }
    for (const p of ['x/README.md', 'x/Dockerfiles/notes.txt', 'x/main.ts']) {
      assert.equal(findRegistryReferences(p, text).length, 0, p);
    }
  });

  it('survives garbage and empty input', () => {
    assert.deepEqual(findRegistryReferences('Dockerfile', ''), []);
    assert.deepEqual(findRegistryReferences('Dockerfile', 'FROM'), []);
    assert.deepEqual(findRegistryReferences('Dockerfile', 'FROM \\'), []);
    assert.deepEqual(findRegistryReferences('Dockerfile', '\u0000FROM\tcontoso.azurecr.io'), []);
  });
});
