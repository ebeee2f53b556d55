// The seed's advanced step: the registry's ContainerRegistryLoginEvents log (identity, IP,
// result of every authentication). When the registry's diagnostic settings send it to a Log
// Analytics workspace, query the last day's failed logins (@azure/monitor-query); the KQL query
// itself is offered as a copyable fix either way.
import { ServiceClient } from '@azure/core-client';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { LogsQueryClient, LogsQueryResultStatus } from '@azure/monitor-query';
import type { Check, CheckOutcome } from '../../engine/types';
import type { AzureContext } from '../../engine/environment';
import { LOGIN_EVENTS_KQL } from '../../catalogue/login-causes';
import type { RegistryFacts } from './registry-facts';
import { ARM_SCOPE, armReason } from './arm-facts';
import { LOGIN } from './shared';

const PUBLIC_ARM = /^https:\/\/management\.azure\.com\/?$/i;

async function armGet<T>(az: AzureContext, pathAndQuery: string, signal: AbortSignal): Promise<T | undefined> {
  const client = new ServiceClient({ credential: az.credential, credentialScopes: [az.armScope ?? ARM_SCOPE], endpoint: az.armEndpoint });
  const res = await client.sendRequest(createPipelineRequest({ url: `${az.armEndpoint.replace(/\/$/, '')}${pathAndQuery}`, method: 'GET', abortSignal: signal }));
  if (res.status !== 200 || !res.bodyAsText) throw Object.assign(new Error(`GET answered ${res.status}`), { statusCode: res.status });
  return JSON.parse(res.bodyAsText) as T;
}

interface DiagSettings { value?: { properties?: { workspaceId?: string; logs?: { category?: string; categoryGroup?: string | null; enabled?: boolean }[] } }[] }

export const loginEventsCheck: Check = {
  id: LOGIN.loginEvents,
  area: 'login',
  title: 'Registry login events (Log Analytics)',
  needs: [LOGIN.registry],
  timeoutMs: 6000,
  applies: (_t, env) => !!env.azure,
  async run(ctx): Promise<CheckOutcome> {
    const az = ctx.env.azure!;
    const reg = ctx.data<RegistryFacts>(LOGIN.registry)?.registry;
    if (!reg) return { status: 'info', message: 'The registry was not found in Azure.' };
    const query = LOGIN_EVENTS_KQL.replace('{loginServer}', reg.loginServer);
    let workspaceResourceId: string | undefined;
    try {
      const d = await armGet<DiagSettings>(az, `${reg.id}/providers/Microsoft.Insights/diagnosticSettings?api-version=2021-05-01-preview`, ctx.signal);
      workspaceResourceId = d?.value?.find((s) => s.properties?.workspaceId && s.properties.logs?.some((l) => l.enabled && (l.category === 'ContainerRegistryLoginEvents' || l.categoryGroup === 'allLogs' || l.categoryGroup === 'audit')))?.properties?.workspaceId;
    } catch (e) {
      return { status: 'info', message: `The registry's diagnostic settings could not be read (${armReason(e)}). Query to run in its Log Analytics workspace: ${query}` };
    }
    if (!workspaceResourceId) {
      return { status: 'info', message: `The registry does not send ContainerRegistryLoginEvents to a Log Analytics workspace; enable resource logs (diagnostic settings) to see every login with identity and IP. Query once enabled: ${query}` };
    }
    let customerId: string | undefined;
    try {
      customerId = (await armGet<{ properties?: { customerId?: string } }>(az, `${workspaceResourceId}?api-version=2022-10-01`, ctx.signal))?.properties?.customerId;
    } catch (e) {
      return { status: 'info', message: `The workspace ${workspaceResourceId.split('/').pop()} could not be read (${armReason(e)}). Query: ${query}` };
    }
    if (!customerId) return { status: 'info', message: `The workspace has no id. Query: ${query}` };
    // Log Analytics lives beside ARM in the public cloud (api.loganalytics.io); other clouds and
    // the sandbox serve it under their ARM host.
    const logs = new LogsQueryClient(az.credential, PUBLIC_ARM.test(az.armEndpoint) ? {} : { endpoint: `${az.armEndpoint.replace(/\/$/, '')}/v1` });
    const fixParams = { workspaceId: customerId };
    try {
      const r = await logs.queryWorkspace(customerId, query, { duration: 'P1D' }, { abortSignal: ctx.signal });
      if (r.status !== LogsQueryResultStatus.Success) {
        return { status: 'info', message: `The login events query did not complete (${r.status}). Query: ${query}`, evidence: { workspace: customerId } };
      }
      const table = r.tables[0];
      const col = (n: string) => table?.columnDescriptors.findIndex((c) => c.name === n) ?? -1;
      const failed = (table?.rows ?? []).filter((row) => String(row[col('ResultType')]) !== '200');
      if (!failed.length) {
        return { status: 'pass', message: `No failed logins to ${reg.loginServer} in the last day (ContainerRegistryLoginEvents in workspace ${customerId}).`, evidence: { workspace: customerId } };
      }
      const last = failed[0];
      return {
        status: 'warn', causeId: 'advanced.login-events-log', fixParams,
        evidence: { workspace: customerId, failedLogins: failed.length, latestIdentity: String(last[col('Identity')] ?? ''), latestIp: String(last[col('CallerIpAddress')] ?? ''), latestResult: `${String(last[col('ResultType')] ?? '')} ${String(last[col('ResultDescription')] ?? '')}`.trim() },
        message: `${failed.length} failed login(s) to ${reg.loginServer} in the last day; the latest by ${String(last[col('Identity')] ?? '?')} from ${String(last[col('CallerIpAddress')] ?? '?')} (${String(last[col('ResultType')] ?? '')}).`,
      };
    } catch (e) {
      return { status: 'info', message: `The login events could not be queried (${armReason(e)}). Query: ${query}`, evidence: { workspace: customerId } };
    }
  },
};
