import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as Record<string, any>;

describe('walkthrough (contributes.walkthroughs)', () => {
  const pkg = read('package.json');
  const en = read('package.nls.json') as Record<string, string>;
  const nl = read('package.nls.nl.json') as Record<string, string>;
  const walk = (pkg.contributes.walkthroughs as any[]).find((w) => w.id === 'acrDoctor.gettingStarted');
  const commands = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
  const views = new Set(Object.values(pkg.contributes.views as Record<string, { id: string }[]>).flat().map((v) => v.id));
  const nlsKey = (v: string) => /^%(.+)%$/.exec(v)?.[1];

  it('has the five steps: sign in, open the view, diagnose, paste an error, the CLI', () => {
    assert.ok(walk);
    assert.deepEqual(walk.steps.map((s: { id: string }) => s.id), ['signIn', 'openView', 'diagnose', 'explain', 'cli']);
  });

  it('words every title, description and media in English and Dutch, and the media exist', () => {
    for (const v of [walk.title, walk.description, ...walk.steps.flatMap((s: any) => [s.title, s.description, s.media.markdown])]) {
      const key = nlsKey(v);
      assert.ok(key, `${v} is not localised`);
      assert.ok(en[key] && nl[key], `${key} missing in a language`);
      if (key.endsWith('.media')) {
        for (const file of [en[key], nl[key]]) assert.ok(fs.existsSync(path.join(root, file)), `${file} is missing`);
        assert.notEqual(en[key], nl[key], `${key}: the Dutch step shows the English markdown`);
      } else if (key !== 'walkthrough.title') assert.notEqual(en[key], nl[key], `${key} is not translated`);
    }
  });

  it("links only commands the extension declares (or a view's focus) and completes on them", () => {
    for (const step of walk.steps) {
      for (const lang of [en, nl]) {
        const links = [...lang[nlsKey(step.description)!].matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
        assert.ok(links.length, `${step.id} links no command`);
        for (const id of links) assert.ok(commands.has(id) || (id.endsWith('.focus') && views.has(id.slice(0, -6))), `${step.id}: ${id}`);
      }
      for (const ev of step.completionEvents as string[]) {
        const [kind, id] = ev.split(':');
        assert.ok(kind === 'onCommand' ? commands.has(id) : kind === 'onView' && views.has(id), `${step.id}: ${ev}`);
      }
    }
  });
});
