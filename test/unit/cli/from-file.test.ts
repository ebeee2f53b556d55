import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceFromFile } from '../../../src/cli/reference-source';
import { readSourceFile } from '../../../src/cli/source-file';
import { toSarif } from '../../../src/cli/render-sarif';
import { parseCli, UsageError } from '../../../src/cli/args';
import { runCli, type CliIo } from '../../../src/cli/run';
import type { DiagnosisReport } from '../../../src/core/engine/types';

const WORKFLOW = [
  'name: build',
  'on: push',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: docker/login-action@v3',
  '        with:',
  '          registry: contoso.azurecr.io',
  '      - run: docker push contoso.azurecr.io/web:1',
  '    services:',
  '      db:',
  '        image: contoso.azurecr.io/db:2',
  '',
].join('\n');

describe('diagnose --from <file>', () => {
  it('takes the reference from the file and gives its 1-based line and columns', () => {
    const r = referenceFromFile('.github/workflows/build.yml', WORKFLOW);
    assert.equal(r.location.uri, '.github/workflows/build.yml');
    assert.equal(r.location.startLine, 9);
    assert.equal(r.target, 'contoso.azurecr.io');
    assert.equal(WORKFLOW.split('\n')[8].slice(r.location.startColumn - 1, r.location.endColumn - 1), 'contoso.azurecr.io');
  });

  it('finds the typed image\'s own line when the file names it', () => {
    const r = referenceFromFile('.github/workflows/build.yml', WORKFLOW, 'contoso.azurecr.io/db:2');
    assert.equal(r.location.startLine, 13);
    assert.equal(r.target, 'contoso.azurecr.io/db:2');
  });

  it('refuses a typed registry the file does not name, and a file with no registry or several', () => {
    assert.throws(() => referenceFromFile('.github/workflows/ci.yml', WORKFLOW, 'fabrikam.azurecr.io'), (e: Error) => e instanceof UsageError && /names no image of fabrikam\.azurecr\.io \(it names contoso\.azurecr\.io\)/.test(e.message));
    assert.throws(() => referenceFromFile('Dockerfile', 'FROM node:20\n'), /no Azure Container Registry image or login found/);
    assert.throws(() => referenceFromFile('compose.yaml', 'services:\n  web:\n    image: [contoso.azurecr.io/web\n'), /not valid YAML \(line \d+: .+\); fix the file or name the image/);
    assert.throws(() => referenceFromFile('Dockerfile', 'FROM contoso.azurecr.io/a:1\nFROM fabrikam.azurecr.io/b:1\n'), /names 2 registries \(contoso\.azurecr\.io, fabrikam\.azurecr\.io\): say which/);
    assert.throws(() => referenceFromFile('Dockerfile', 'x'.repeat(1_000_001)), /larger than 1 MB/);
  });

  it('reads only a regular file of at most 1 MB, with a path relative to the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acr-from-'));
    try {
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
      writeFileSync(join(dir, '.github', 'workflows', 'build.yml'), WORKFLOW);
      const f = await readSourceFile('.github/workflows/build.yml', dir);
      assert.equal(f.uri, '.github/workflows/build.yml');
      assert.equal(f.text, WORKFLOW);
      const outside = await readSourceFile(join(dir, '.github', 'workflows', 'build.yml'), join(dir, '.github', 'workflows', 'x'));
      assert.match(outside.uri, /^file:\/\/\//);
      await assert.rejects(readSourceFile('missing.yml', dir), /--from missing\.yml: no such file/);
      await assert.rejects(readSourceFile('.github', dir), /--from \.github: not a file/);
      writeFileSync(join(dir, 'huge.yml'), Buffer.alloc(1_000_001, 'a'));
      await assert.rejects(readSourceFile('huge.yml', dir), /larger than 1 MB/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('parses --from with or without a typed registry, and refuses an empty one', () => {
    const a = parseCli(['diagnose', '--from', 'ci.yml', '--sarif']);
    assert.equal(a.command === 'diagnose' && a.from, 'ci.yml');
    assert.equal(a.command === 'diagnose' && a.registry, '');
    assert.throws(() => parseCli(['diagnose', '--from', ' ']), /--from needs a file/);
    assert.throws(() => parseCli(['diagnose']), /diagnose needs a registry or an image/);
  });

  it('points each SARIF result at the workflow line, with the registry as a related location', () => {
    const report = {
      target: { loginServer: 'contoso.azurecr.io' }, startedAt: new Date(0).toISOString(), durationMs: 1, budgetExceeded: false,
      findings: [{ checkId: 'net.tcp', title: 'TCP', message: 'refused', evidence: {} }],
      causes: [{ causeId: 'network.login-server-unreachable', rank: 1, status: 'fail', checkIds: ['net.tcp'], fixes: [] }],
    } as unknown as DiagnosisReport;
    const location = { uri: '.github/workflows/build.yml', startLine: 9, startColumn: 21, endColumn: 39 };
    type Loc = { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } } };
    const sarif = toSarif(report, '1', 'en', location) as { runs: { results: { locations: Loc[]; relatedLocations: Loc[] }[] }[] };
    const result = sarif.runs[0].results[0];
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: '.github/workflows/build.yml', uriBaseId: '%SRCROOT%' });
    assert.equal(result.locations[0].physicalLocation.region?.startLine, 9);
    assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'https://contoso.azurecr.io/');
    const plain = toSarif(report, '1') as { runs: { results: { locations: Loc[]; relatedLocations?: Loc[] }[] }[] };
    assert.equal(plain.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'https://contoso.azurecr.io/');
    assert.equal(plain.runs[0].results[0].relatedLocations, undefined);
  });

  it('the CLI diagnoses the registry the file names and says so in SARIF (refused login server)', async function () {
    this.timeout(30000);
    const dir = mkdtempSync(join(tmpdir(), 'acr-from-cli-'));
    try {
      writeFileSync(join(dir, 'Dockerfile'), '# base\nFROM contoso.azurecr.io/base:1\n');
      const o = { out: '', err: '' };
      const io: CliIo = {
        env: { DOCKER_CONFIG: dir, DOCKER_HOST: `unix://${join(dir, 'none.sock')}` }, stdinIsTty: false, colour: false, cwd: dir,
        stdout: (s) => { o.out += s; }, stderr: (s) => { o.err += s; }, readStdin: async () => '',
      };
      // 127.0.0.1:443 is closed here: the login server is refused.
      const code = await runCli(['diagnose', '--from', 'Dockerfile', '--sarif', '--no-azure', '--only', 'network', '--resolve', 'contoso.azurecr.io=127.0.0.1', '--timeout', '3'], io);
      assert.equal(code, 1, o.err);
      const sarif = JSON.parse(o.out) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
      const first = sarif.runs[0].results[0];
      assert.equal(first.ruleId, 'network.login-server-unreachable');
      assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'Dockerfile');
      assert.equal(first.locations[0].physicalLocation.region.startLine, 2);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
