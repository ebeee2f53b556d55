// Child process of the login integration tests: acts as the user (the world's clientEnv, so the
// sandbox CA is trusted from startup via NODE_EXTRA_CA_CERTS), runs the network path checks the
// login checks wait for plus every login check, and prints the report as JSON on stdout.
//   ACRDOC_TEST = JSON { input, usesArm, credentials?, operation?, repository? }
import { ClientSecretCredential } from '@azure/identity';
import { runDiagnosis } from '../../../src/core/engine/runner';
import type { DiagnoseEnvironment } from '../../../src/core/engine/environment';
import { parseRegistryInput } from '../../../src/core/registry/target';
import { getCause } from '../../../src/core/catalogue/index';
import { LOGIN_CHECKS } from '../../../src/core/checks/login/index';
import { proxyCheck, dnsCheck, tcpCheck, tlsCheck } from '../../../src/core/checks/network/client-path';
import { challengeCheck } from '../../../src/core/checks/network/challenge';

interface Params {
  input: string;
  usesArm: boolean;
  credentials?: DiagnoseEnvironment['credentials'];
  operation?: DiagnoseEnvironment['operation'];
  repository?: string;
  principalId?: string;
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
    now: () => new Date(),
  };
  if (p.usesArm) {
    env.azure = {
      credential: new ClientSecretCredential(e.AZURE_TENANT_ID!, e.AZURE_CLIENT_ID!, e.AZURE_CLIENT_SECRET!, { authorityHost: e.AZURE_AUTHORITY_HOST, disableInstanceDiscovery: true }),
      armEndpoint: e.ACR_DOCTOR_ARM_ENDPOINT!, tenantId: e.AZURE_TENANT_ID, subscriptionId: e.AZURE_SUBSCRIPTION_ID,
      authorityHost: e.AZURE_AUTHORITY_HOST, principalId: p.principalId,
    };
  }
  const target = parseRegistryInput(p.input);
  const checks = [proxyCheck, dnsCheck, tcpCheck, tlsCheck, challengeCheck, ...LOGIN_CHECKS];
  const report = await runDiagnosis(checks, target, env, { budgetMs: 20000, causeOf: getCause });
  process.stdout.write(JSON.stringify(report));
}

main().catch((err) => { console.error(err instanceof Error ? err.stack : String(err)); process.exit(1); });
