import * as assert from 'node:assert/strict';
import { activationBreakdown, codeLoads, describeBreakdown } from '../../../bench/activation-breakdown';

const ID = 'acr-doctor.acr-doctor';
const mark = (kind: string, id: string, startTime: number) => ({ name: `code/extHost/${kind}/${id}`, startTime });

describe('bench: activation breakdown from the extension host marks', () => {
  // As seen in code-server: one onStartupFinished batch loading three extensions one after another.
  const marks = [
    mark('willLoadExtensionCode', 'vscode.git', 100), mark('didLoadExtensionCode', 'vscode.git', 540),
    mark('willLoadExtensionCode', 'vscode.debug-auto-launch', 1000), mark('didLoadExtensionCode', 'vscode.debug-auto-launch', 1007),
    mark('willLoadExtensionCode', 'vscode.merge-conflict', 1007), mark('didLoadExtensionCode', 'vscode.merge-conflict', 1291),
    mark('willLoadExtensionCode', ID, 1291), mark('didLoadExtensionCode', ID, 1330),
    mark('willActivateExtension', ID, 1880), mark('didActivateExtension', ID, 1887),
  ];

  it('pairs every extension\'s load marks, in loading order', () => {
    assert.deepEqual(codeLoads(marks).map((l) => [l.id, l.didLoad - l.willLoad]), [['vscode.git', 440], ['vscode.debug-auto-launch', 7], ['vscode.merge-conflict', 284], [ID, 39]]);
  });

  it('names the extensions loaded ahead of it within the figure, and not those before the batch', () => {
    const b = activationBreakdown(333, ID, codeLoads(marks), 7);
    assert.ok(b);
    assert.equal(b.ownLoadMs, 39);
    assert.equal(b.waitedMs, 287);
    assert.deepEqual(b.ahead.map((a) => a.id), ['vscode.debug-auto-launch', 'vscode.merge-conflict']);
    assert.match(describeBreakdown(b), /^own code 39 ms \+ activate\(\) 7 ms; 287 ms waiting for vscode\.debug-auto-launch \(7 ms\), vscode\.merge-conflict \(284 ms\)/);
  });

  it('says nothing waited when the figure is its own load and activate()', () => {
    const b = activationBreakdown(46, ID, codeLoads(marks), 7);
    assert.equal(b?.waitedMs, 0);
    assert.ok(b); assert.deepEqual(b.ahead, []);
    assert.equal(describeBreakdown(b), 'own code 39 ms + activate() 7 ms; 0 ms waiting');
  });

  it('gives no breakdown without the extension\'s own marks', () => {
    assert.equal(activationBreakdown(50, ID, codeLoads(marks.filter((m) => !m.name.endsWith(ID))), 7), undefined);
  });
});
