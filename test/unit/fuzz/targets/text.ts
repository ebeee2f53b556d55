// Free text from outside: pasted error output (explain), workspace files scanned for registry
// references, and the redactor every text passes through on its way out.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { explainText, SYMPTOM_RULES } from '../../../../src/core/explain';
import { getCause } from '../../../../src/core/catalogue/index';
import { redact, redactDeep, REDACTED } from '../../../../src/core/text/redact';
import { findRegistryReferences, checkReferenceName } from '../../../../src/core/references/index';
import { hostileJson, hostileText, mutated, type FuzzTarget } from '../harness';
import { plantedSecret } from './docker-config';
import { plantedJwt } from './tokens';

/** Symptom texts quoted in the seeds and seen from docker (registry-recipe.md). */
const SYMPTOMS = [
  'Error response from daemon: Get "https://contoso.azurecr.io/v2/": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information.',
  'denied: requested access to the resource is denied',
  "error parsing HTTP 403 response body: invalid character 'c' looking for beginning of value: \"client with IP '192.0.2.1' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.\"",
  'dial tcp: lookup contoso.azurecr.io on 127.0.0.1:53: read udp 127.0.0.1:5->127.0.0.1:53: read: connection refused',
  'proxyconnect tcp: EOF', 'net/http: TLS handshake timeout', 'x509: certificate signed by unknown authority',
  'toomanyrequests: too many requests', 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  'error pulling image configuration: download failed after attempts=6: dial tcp 192.0.2.21:443: i/o timeout',
  'CONNECTIVITY_DNS_ERROR', 'Client.Timeout exceeded while awaiting headers',
];

/** A pasted log with a secret in it the way people paste them (flags, headers, JSON, URLs). */
const pastedWithSecret = fc.tuple(plantedSecret, plantedJwt, fc.constantFrom(...SYMPTOMS), fc.constantFrom(
  (s: string) => `docker login contoso.azurecr.io -u admin -p ${s}`,
  (s: string) => `az acr login -n contoso --password ${s}`,
  (s: string) => `{"password": "${s}"}`,
  (s: string) => `https://admin:${s}@contoso.azurecr.io/v2/`,
  (s: string) => `client_secret=${s}&grant_type=client_credentials`,
), hostileText(80)).map(([s, j, sym, wrap, junk]) => ({ text: `${junk}\n${wrap(s)}\nAuthorization: Bearer ${j}\n${sym}\n${junk}`, secrets: [s, j] }));

export const textTargets: FuzzTarget<any>[] = [
  {
    name: 'pasted error text', parser: 'src/core/explain.ts explainText',
    arbitrary: fc.oneof(
      hostileText().map((text) => ({ text, secrets: [] as string[] })),
      mutated(fc.constantFrom(...SYMPTOMS)).map((text) => ({ text, secrets: [] as string[] })),
      pastedWithSecret,
      // Near-misses of the rules' own patterns repeated: the backtracking worst case.
      fc.tuple(fc.constantFrom('connection refused', 'proxyconnect tcp: ', 'dial tcp ', "client with ip '", 'x509:', 'a'), fc.integer({ min: 500, max: 3000 })).map(([s, n]) => ({ text: s.repeat(n), secrets: [] as string[] })),
    ),
    check({ text, secrets }: { text: string; secrets: string[] }) {
      const r = explainText(text);
      for (let i = 1; i < r.matches.length; i++) assert.ok(r.matches[i - 1].score >= r.matches[i].score, 'most likely first');
      for (const m of r.matches) {
        assert.ok(getCause(m.causeId), `explain names a cause that is not in the catalogue: ${m.causeId}`);
        for (const s of m.matched) assert.ok(s.length <= 160);
      }
      const out = JSON.stringify(r);
      for (const s of secrets) assert.ok(!out.includes(s), `a pasted secret came back out of explain: ${out.slice(0, 300)}`);
    },
  },
  {
    name: 'secrets in any text', parser: 'src/core/text/redact.ts redact, redactDeep',
    arbitrary: fc.tuple(plantedSecret, hostileText(200), hostileText(200), hostileJson),
    check([secret, before, after, json]: [string, string, string, unknown]) {
      const out = redact(`${before}${secret}${after}`, [secret]);
      assert.ok(!out.includes(secret), 'a known secret is always hidden');
      const deep = redactDeep({ json, nested: { password: secret, list: [`x ${secret} y`] }, token: secret }, [secret]);
      assert.ok(!JSON.stringify(deep).includes(secret));
      assert.equal((deep as { token: string }).token, REDACTED);
    },
  },
  {
    name: 'workspace file (Dockerfile, compose, k8s, workflow)', parser: 'src/core/references findRegistryReferences, checkReferenceName',
    arbitrary: fc.tuple(
      fc.constantFrom('Dockerfile', 'build/Dockerfile.prod', 'docker-compose.yml', 'k8s/deploy.yaml', '.github/workflows/ci.yml', 'x.txt'),
      fc.oneof(hostileText(2000), mutated(fc.constantFrom(
        'FROM Contoso.azurecr.io/app:1 AS build\nFROM --platform=$BUILDPLATFORM contoso.azurecr.cn/x\n',
        'services:\n  web:\n    image: "contoso.azurecr.io/web:1"\n',
        'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: contoso/app\n',
        'on: push\njobs:\n  b:\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          registry: Contoso.azurecr.io\n      - run: az acr login -n contoso.azurecr.io\n',
      )), fc.constant(`FROM ${'a'.repeat(50_000)}`), fc.constant('image: '.repeat(20_000))),
    ),
    check([path, text]: [string, string]) {
      const refs = findRegistryReferences(path, text);
      const lines = text.split(/\r\n|\r|\n/);
      for (const r of refs) {
        assert.ok(r.range.line >= 0 && r.range.start >= 0 && r.range.end >= r.range.start, 'a sane range');
        assert.ok(r.range.line < lines.length + 1, 'the range is inside the file');
        for (const p of checkReferenceName(r)) assert.ok(getCause(p.causeId) || p.causeId.startsWith('name.'));
      }
    },
  },
];
void SYMPTOM_RULES;
