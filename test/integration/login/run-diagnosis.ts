// Child process of the login integration tests: acts as the user (the world's clientEnv, so the
// sandbox CA is trusted from startup via NODE_EXTRA_CA_CERTS), runs every check of a diagnosis
// and prints the report as JSON on stdout.
//   ACRDOC_TEST = JSON { input, usesArm, credentials?, operation?, repository? }
import { readFileSync } from 'node:fs';
import { ClientSecretCredential } from '@azure/identity';
import { runDiagnosis } from '../../../src/core/engine/runner';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { getCause } from '../../../src/core/catalogue/index';
import { allChecks } from '../../../src/core/checks/index';

interface Params {
  input: string;
  usesArm: boolean;
  credentials?: DiagnoseEnvironment['credentials'];
  operation?: DiagnoseEnvironment['operation'];
  repository?: string;
  principalId?: string;
  pullTest?: boolean;
}

async function main(): Promise<void> {
  const p = JSON.parse(process.env.ACRDOC_TEST ?? '{}') as Params;
  const e = process.env;
  const env: DiagnoseEnvironment = {
    proxy: { httpsProxy: e.HTTPS_PROXY, httpProxy: e.HTTP_PROXY, noProxy: e.NO_PROXY },
    dockerConfigDir: e.DOCKER_CONFIG!,
    dockerHost: e.DOCKER_HOST,
    searchPath: e.PATH,
    credentials: p.credentials,
    operation: p.operation,
    repository: p.repository ?? 'hello',
    pullTest: p.pullTest,
    extraCaPem: e.NODE_EXTRA_CA_CERTS ? [readFileSync(e.NODE_EXTRA_CA_CERTS, 'utf8')] : undefined,
    now: () => new Date(),
  };
  if (p.usesArm) {
    env.azure = {
      credential: new ClientSecretCredential(e.AZURE_TENANT_ID!, e.AZURE_CLIENT_ID!, e.AZURE_CLIENT_SECRET!, { authorityHost: e.AZURE_AUTHORITY_HOST, disableInstanceDiscovery: true }),
      armEndpoint: e.ACR_DOCTOR_ARM_ENDPOINT!, allowCustomEndpointAudience: true, tenantId: e.AZURE_TENANT_ID, subscriptionId: e.AZURE_SUBSCRIPTION_ID,
      authorityHost: e.AZURE_AUTHORITY_HOST, principalId: p.principalId,
    };
  }
  const target = parseRegistryInput(p.input);
  // Every check the CLI would run (network and login), so the ranking is the real one.
  const checks = allChecks(target, env);
  const report = await runDiagnosis(checks, target, env, { budgetMs: 20000, causeOf: getCause });
  process.stdout.write(JSON.stringify(report));
}

main().catch((err) => { console.error(err instanceof Error ? err.stack : String(err)); process.exit(1); });
