import assert from 'node:assert/strict';
import { hubImageCandidates, hubLookalikes } from '../../../../src/vscode/problems/hub-lookalikes';

const known = new Map([['contoso', 'contoso.azurecr.io'], ['fabrikam', 'fabrikam.azurecr.cn']]);

describe('Docker Hub look-alikes of the account\'s registries', () => {
  it('finds FROM contoso/app:2 and the range of its first segment', () => {
    const text = 'FROM --platform=linux/amd64 contoso/app:2 AS build\nFROM contoso.azurecr.io/app:2\nFROM library/node:20\nFROM nginx\n';
    const hits = hubLookalikes(hubImageCandidates('dockerfile', text), known);
    assert.equal(hits.length, 1);
    const [h] = hits;
    assert.equal(h.line, 0);
    assert.equal(text.split('\n')[0].slice(h.start, h.end), 'contoso');
    assert.equal(h.loginServer, 'contoso.azurecr.io');
    assert.equal(h.image, 'contoso/app:2');
  });

  it('reads compose and Kubernetes image: lines, case-insensitively, and skips hosts, variables and localhost', () => {
    const yaml = [
      'services:', '  web:', '    image: "Fabrikam/web:1"', '  db:', '    image: localhost/fabrikam:1',
      '  x:', '    image: ${REG}/contoso:1', '  y:', '    image: registry:5000/contoso/app', '  z:', '    - image: contoso/api # comment',
    ].join('\n');
    const hits = hubLookalikes(hubImageCandidates('compose', yaml), known);
    assert.deepEqual(hits.map((h) => [h.line, h.name, h.loginServer]), [[2, 'fabrikam', 'fabrikam.azurecr.cn'], [10, 'contoso', 'contoso.azurecr.io']]);
  });

  it('hints nothing for a namespace that is no registry of the account', () => {
    assert.deepEqual(hubLookalikes(hubImageCandidates('dockerfile', 'FROM northwind/app:1'), known), []);
  });
});
