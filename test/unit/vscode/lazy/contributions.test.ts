import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contributed, REPORT_PANEL_TYPE } from '../../../../src/vscode/lazy/contributions';
import { REPORT_VIEW_TYPE } from '../../../../src/shared/report-protocol';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as unknown;

describe('activation stand-ins from the manifest (src/vscode/lazy/contributions.ts)', () => {
  // The extension test checks the manifest's commands against the command table both ways.
  it("reads every contributed command and agent tool from the manifest", () => {
    const ids = contributed(manifest, 'commands', 'command');
    assert.ok(ids.length >= 10 && ids.every((id) => id.startsWith('acrDoctor.')), ids.join(', '));
    assert.ok(ids.includes('acrDoctor.diagnose'));
    assert.deepEqual(contributed(manifest, 'languageModelTools', 'name').sort(), ['acrDoctor_diagnose', 'acrDoctor_explain']);
  });

  it("revives the report's panels under the report's own view type", () => {
    assert.equal(REPORT_PANEL_TYPE, REPORT_VIEW_TYPE);
  });

  it('reads nothing from a manifest without such contributions, or with junk entries', () => {
    assert.deepEqual(contributed(undefined, 'commands', 'command'), []);
    assert.deepEqual(contributed({ contributes: { commands: 'x' } }, 'commands', 'command'), []);
    assert.deepEqual(contributed({ contributes: { commands: [null, { command: 3 }, { command: 'a.b' }] } }, 'commands', 'command'), ['a.b']);
  });
});
