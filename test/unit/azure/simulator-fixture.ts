// Starts the ARM + Entra simulator on 127.0.0.1 with a throw-away CA (openssl) and builds the
// ArmAccess a real caller would: the real ClientSecretCredential pointed at the simulator's Entra
// and the real SDK clients pointed at its ARM, trusting the CA through the SDKs' TLS options.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultState, DEFAULT_IDS, type ArmState } from '../../../sandbox/arm/state';
import { startArmSimulator, type ArmSimulator } from '../../../sandbox/arm/server';
import { credentialFromEnvironment } from '../../../src/core/azure/credential';
import type { ArmAccess } from '../../../src/core/azure/connection';

export interface Pki { dir: string; caPem: string; keyPem: string; certPem: string }

let pki: Pki | undefined;

/** A CA and a leaf for 127.0.0.1 / localhost, made once per test process. */
export function testPki(): Pki {
  if (pki) return pki;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acr-doctor-arm-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt',
    '-days', '2', '-subj', '/CN=ACR Doctor unit-test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1']);
  fs.writeFileSync(path.join(dir, 'leaf.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n');
  run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.crt', '-days', '2', '-extfile', 'leaf.ext']);
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  pki = { dir, caPem: read('ca.crt'), keyPem: read('leaf.key'), certPem: read('leaf.crt') };
  process.on('exit', () => { try { fs.rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ } });
  return pki;
}

export interface Fixture {
  state: ArmState;
  sim: ArmSimulator;
  azure: ArmAccess;
  secret: string;
  /** An ArmAccess for another principal's credentials. */
  accessAs(tenantId: string, clientId: string, secret: string): ArmAccess;
  stop(): Promise<void>;
}

export async function startFixture(state: ArmState = defaultState(), opts: { maxRetries?: number } = {}): Promise<Fixture> {
  const p = testPki();
  const sim = await startArmSimulator({ state, tls: { key: p.keyPem, cert: p.certPem } });
  const accessAs = (tenantId: string, clientId: string, secret: string): ArmAccess => {
    const c = credentialFromEnvironment({
      AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId, AZURE_CLIENT_SECRET: secret, AZURE_AUTHORITY_HOST: sim.url,
    }, { extraCaPem: [p.caPem] });
    return {
      // The simulator stands in for the public cloud, so its tokens carry the public audiences (opted in).
      credential: c.credential, armEndpoint: sim.url, armScope: 'https://management.azure.com/.default', allowCustomEndpointAudience: true, tenantId,
      extraCaPem: [p.caPem], maxRetries: opts.maxRetries ?? 1,
    };
  };
  const sp = state.servicePrincipals.find((x) => x.appId === DEFAULT_IDS.spAppId && x.tenantId === DEFAULT_IDS.tenantId);
  const secret = sp?.secrets[0]?.value ?? '';
  return {
    state, sim, secret, accessAs,
    azure: accessAs(DEFAULT_IDS.tenantId, DEFAULT_IDS.spAppId, secret),
    stop: () => sim.stop(),
  };
}

import { roleAssignment, servicePrincipal } from '../../../sandbox/arm/state';

/** Add a service principal holding `roles` on `scope` (createdOn long ago unless given). */
export function addPrincipal(state: ArmState, name: string, grants: { role: string; scope: string; createdOn?: Date }[], opts: { secretEnd?: Date } = {}): { appId: string; objectId: string; secret: string } {
  const sp = servicePrincipal(DEFAULT_IDS.tenantId, name, { secretEnd: opts.secretEnd });
  state.servicePrincipals.push(sp);
  for (const g of grants) {
    state.roleAssignments.push(roleAssignment({
      scope: g.scope, role: g.role, principalId: sp.objectId, subscriptionId: DEFAULT_IDS.subscriptionId,
      createdOn: g.createdOn ?? new Date(Date.now() - 30 * 24 * 3600 * 1000),
    }));
  }
  return { appId: sp.appId, objectId: sp.objectId, secret: sp.secrets[0].value };
}
