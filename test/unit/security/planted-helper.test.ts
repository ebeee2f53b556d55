// A credential helper (or docker) planted in the working folder never runs: the helper is found on
// PATH (absolute entries only, PATHEXT on Windows) and spawned by its absolute path from the home
// folder, with NoDefaultCurrentDirectoryInExePath on Windows. One not found is a finding, not a crash.
import './vscode-stub';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCredentialHelper, missingHelperMessage } from '../../../src/core/docker/credential-helper';
import { dockerLogout } from '../../../src/core/docker/logout';
import { findOnPath } from '../../../src/core/docker/cli';
import { executableExtensions, findExecutable, safeSpawnOptions, searchableEntries } from '../../../src/core/docker/executable-on-path';
import { localizeCheckMessage } from '../../../src/core/catalogue/check-messages';
import { terminalFix } from '../../../src/vscode/report/fixes/terminal-fix';
import { vscodeStub } from './vscode-stub';
import { renderMessage } from '../../../src/core/text/message';

describe('security: a planted credential helper (docker/executable-on-path, credential-helper, logout)', () => {
  let root: string; let repo: string; let bin: string; let cwd: string; let marker: string;
  const script = (dir: string, name: string, body: string) => { const f = path.join(dir, name); fs.writeFileSync(f, `#!/bin/sh\n${body}\n`); fs.chmodSync(f, 0o755); return f; };
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'acrdoc-plant-'));
    repo = path.join(root, 'cloned-repo'); bin = path.join(root, 'bin'); marker = path.join(root, 'planted-ran');
    fs.mkdirSync(repo); fs.mkdirSync(bin); fs.mkdirSync(path.join(repo, 'bin'));
    // The cloned repository ships helpers (and a docker) that record that they ran.
    for (const dir of [repo, path.join(repo, 'bin')]) {
      for (const n of ['docker-credential-desktop', 'docker-credential-real', 'docker']) script(dir, n, `echo planted >> ${marker}; printf '{"Username":"evil","Secret":"planted"}'`);
    }
    script(bin, 'docker-credential-real', `read host; printf '{"Username":"alice","Secret":"pw-%s-%s"}' "$host" "$(pwd)"`);
    cwd = process.cwd();
    process.chdir(repo);
  });
  after(() => { process.chdir(cwd); fs.rmSync(root, { recursive: true, force: true }); });

  it('skips empty and relative PATH entries (POSIX and Windows rules)', () => {
    assert.deepEqual(searchableEntries(`:.:bin:./x:${bin}::/usr/bin`, 'linux'), [bin, '/usr/bin']);
    assert.deepEqual(searchableEntries('C:\\Windows;;.;bin;C:rel;\\rooted;"C:\\Program Files\\Docker";\\\\srv\\share\\bin', 'win32'), ['C:\\Windows', 'C:\\Program Files\\Docker', '\\\\srv\\share\\bin']);
    assert.deepEqual(executableExtensions('.COM;.EXE;;bad;.BAT;.exe', 'win32'), ['.com', '.exe', '.bat']);
    assert.deepEqual(executableExtensions(undefined, 'linux'), ['']);
  });

  it('finds the helper on an absolute PATH entry only, never in the current folder', async () => {
    assert.equal(await findExecutable('docker-credential-real', { pathEnv: `.:bin:${bin}` }), path.join(bin, 'docker-credential-real'));
    assert.equal(await findExecutable('docker-credential-desktop', { pathEnv: `.:bin::${bin}` }), undefined);
    assert.equal(await findOnPath('docker', `:.:bin`), undefined, 'the docker CLI check does not find the planted docker');
    assert.equal(await findExecutable('../cloned-repo/docker', { pathEnv: bin }), undefined, 'a name with a folder is no PATH lookup');
  });

  it('spawns the helper by its absolute path from the home folder; a planted one never runs', async () => {
    const found = await runCredentialHelper('real', 'contoso.azurecr.io', { pathEnv: `.:bin:${bin}` });
    assert.equal(found.state, 'found');
    const home = fs.realpathSync(os.homedir());
    assert.equal((found as { secret: string }).secret, `pw-contoso.azurecr.io-${home}`, 'it ran in the home folder, not the cloned repository');
    const planted = await runCredentialHelper('desktop', 'contoso.azurecr.io', { pathEnv: `.:bin:${bin}` });
    assert.deepEqual(planted, { state: 'missing-binary', message: missingHelperMessage('desktop') });
    assert.ok(!fs.existsSync(marker), 'no planted program ran');
  });

  it('docker logout erases with the helper on PATH only; a planted one does not run and is reported', async () => {
    const cfg = path.join(root, 'docker-config');
    fs.mkdirSync(cfg, { recursive: true });
    fs.writeFileSync(path.join(cfg, 'config.json'), JSON.stringify({ credsStore: 'desktop', auths: { 'contoso.azurecr.io': {} } }));
    const r = await dockerLogout(cfg, 'contoso.azurecr.io', { pathEnv: `.:bin:${bin}` });
    assert.equal(r.helper, 'desktop'); assert.equal(r.helperErased, false);
    assert.match(r.problem ?? '', /docker-credential-desktop is not on PATH/);
    assert.deepEqual(r.removedEntries, ['contoso.azurecr.io']);
    assert.ok(!fs.existsSync(marker), 'no planted program ran');
  });

  it('a helper not found is a clear message, in Dutch too', () => {
    const m = missingHelperMessage('desktop');
    assert.match(renderMessage(m), /docker-credential-desktop is not on PATH, but the Docker config names "desktop"/);
    assert.match(localizeCheckMessage(renderMessage(m), 'nl'), /^docker-credential-desktop staat niet in PATH/);
  });

  it('a fix run in a terminal (docker logout) starts in the home folder, not the workspace', async () => {
    const made: Record<string, unknown>[] = [];
    (vscodeStub.window as Record<string, unknown>).createTerminal = (o: Record<string, unknown>) => { made.push(o); return { show: () => undefined, sendText: () => undefined }; };
    await terminalFix('docker logout contoso.azurecr.io', 'contoso.azurecr.io').run(new AbortController().signal);
    assert.equal(made.length, 1);
    assert.equal(made[0].cwd, os.homedir());
    assert.notEqual(made[0].cwd, process.cwd());
  });

  it('on Windows the child gets NoDefaultCurrentDirectoryInExePath and the home folder as its working folder', () => {
    const o = safeSpawnOptions({ PATH: 'C:\\x' }, 'C:\\x\\docker-credential-wincred.exe', 'win32');
    assert.equal(o.env.NoDefaultCurrentDirectoryInExePath, '1');
    assert.equal(o.cwd, os.homedir());
    assert.equal(safeSpawnOptions({}, '/usr/bin/x', 'linux').env.NoDefaultCurrentDirectoryInExePath, undefined);
  });
});
