// A second ARM + Entra simulator started inside the extension host, so a test can inject faults
// (500, 403, unreachable) that the world's simulator — living in the runner's process — cannot be
// told about. It reuses the world's TLS leaf (issued for management.sandbox.test by the CA that
// NODE_EXTRA_CA_CERTS already trusts) and listens on that name's sandbox address, another port.
import * as assert from 'node:assert/strict';
import { promises as dns } from 'node:dns';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startArmSimulator, type ArmSimulator } from '../../../sandbox/arm/server';
import { DEFAULT_IDS, defaultState, type ArmState } from '../../../sandbox/arm/state';
import * as vscode from 'vscode';
import type { SettingsScope } from './tree-helpers';

export interface OwnSimulator {
  state: ArmState;
  sim: ArmSimulator;
  /** https://management.sandbox.test:<port> — both Entra authority and ARM endpoint. */
  url: string;
  stop(): Promise<void>;
}

export async function startOwnSimulator(): Promise<OwnSimulator> {
  const caFile = process.env.NODE_EXTRA_CA_CERTS;
  const clientId = process.env.AZURE_CLIENT_ID;
  const secret = process.env.AZURE_CLIENT_SECRET;
  if (!caFile || !clientId || !secret) throw new Error('needs the sandbox world environment (NODE_EXTRA_CA_CERTS, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET)');
  const dir = path.dirname(caFile);
  const tls = { key: fs.readFileSync(path.join(dir, 'leaf.key'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'leaf.crt'), 'utf8') };

  const state = defaultState();
  // The same principal as the environment's, so the extension signs in with what it already has.
  for (const sp of state.servicePrincipals) {
    if (sp.appId !== DEFAULT_IDS.spAppId) continue;
    sp.appId = clientId;
    for (const s of sp.secrets) s.value = secret;
  }
  const host = 'management.sandbox.test';
  const { address } = await dns.lookup(host);
  const sim = await startArmSimulator({ state, tls, listen: { host: address, port: 0 } });
  return { state, sim, url: `https://${host}:${sim.port}`, stop: () => sim.stop() };
}

/** Signs the extension in as the world's service principal, with `own` as Entra authority and ARM endpoint (`settings` undoes it). */
export async function signInThrough(own: OwnSimulator, settings: SettingsScope): Promise<void> {
  await settings.set('acrDoctor.azure', 'signIn', 'servicePrincipal');
  await settings.set('acrDoctor.azure', 'tenantId', process.env.AZURE_TENANT_ID);
  await settings.set('acrDoctor.azure', 'clientId', process.env.AZURE_CLIENT_ID);
  await settings.set('acrDoctor.azure', 'authorityHost', own.url);
  await settings.set('acrDoctor.azure', 'armEndpoint', own.url);
  assert.equal(await vscode.commands.executeCommand('acrDoctor.signIn'), true);
}

/**
 * Resolves once `own` has answered nothing for `quietMs` (at most `capMs`): a call of an earlier
 * listing still on its way is logged when answered, and would count as the next refresh's.
 */
export async function callsSettled(own: OwnSimulator, quietMs = 750, capMs = 15_000): Promise<void> {
  const end = Date.now() + capMs;
  let seen = own.sim.handler.calls.length;
  let since = Date.now();
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    const now = own.sim.handler.calls.length;
    if (now !== seen) { seen = now; since = Date.now(); } else if (Date.now() - since >= quietMs) return;
  }
}
