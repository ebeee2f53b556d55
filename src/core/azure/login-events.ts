// The seed's advanced step: registry login events in Log Analytics. Finds the workspace the
// registry's diagnostic settings send ContainerRegistryLoginEvents to, and runs the KQL query
// there with the real @azure/monitor-query client.
import { LogsQueryClient, LogsQueryResultStatus } from '@azure/monitor-query';
import { AzureAccessError, armCall } from './errors';
import { armRequest, boundedRetryClientOptions, scopedCredential, tlsOptionsOf, type ArmAccess } from './connection';
import { cloudForArmEndpoint } from './clouds';
import { str, arr, rec } from '../text/json-guards';

export interface LoginEventsWorkspace {
  diagnosticSetting: string;
  workspaceId: string;        // ARM id
  customerId?: string;        // the id the query API takes
}

/** The KQL the seed suggests, for one login server (copyable as a fix). */
export function loginEventsQuery(loginServer: string, hours = 24): string {
  const ls = loginServer.toLowerCase().replace(/[^a-z0-9.-]/g, '');
  return [
    'ContainerRegistryLoginEvents',
    `| where TimeGenerated > ago(${Math.max(1, Math.floor(hours))}h)`,
    `| where LoginServer =~ '${ls}'`,
    '| project TimeGenerated, Identity, CallerIpAddress, ResultType, ResultDescription, UserAgent',
    '| order by TimeGenerated desc',
  ].join('\n');
}

/** The workspace that receives the registry's login events, or null when none is configured. */
export async function findLoginEventsWorkspace(azure: ArmAccess, registryId: string, signal?: AbortSignal): Promise<LoginEventsWorkspace | null> {
  const list = rec(await armRequest(azure, 'GET', `${registryId}/providers/Microsoft.Insights/diagnosticSettings`, { apiVersion: '2021-05-01-preview', signal, operation: 'read diagnostic settings' }));
  for (const s of arr(list.value).map(rec)) {
    const p = rec(s.properties);
    const ws = str(p.workspaceId);
    const logs = arr(p.logs).map(rec);
    const on = logs.some((l) => l.enabled === true && (l.category === 'ContainerRegistryLoginEvents' || l.categoryGroup === 'allLogs' || l.categoryGroup === 'audit'));
    if (!ws || !on) continue;
    let customerId: string | undefined;
    try {
      customerId = str(rec(rec(await armRequest(azure, 'GET', ws, { apiVersion: '2022-10-01', signal, operation: 'read Log Analytics workspace' })).properties).customerId);
    } catch {
      customerId = undefined;
    }
    return { diagnosticSetting: str(s.name) ?? '?', workspaceId: ws, customerId };
  }
  return null;
}

export interface LoginEvent {
  time?: Date;
  identity?: string;
  callerIp?: string;
  resultType?: string;
  resultDescription?: string;
  userAgent?: string;
}

/** Run the login-events query. `endpoint` overrides the Log Analytics endpoint (sovereign clouds, the sandbox). */
export async function queryLoginEvents(azure: ArmAccess, customerId: string, loginServer: string, opts: { hours?: number; endpoint?: string; signal?: AbortSignal } = {}): Promise<LoginEvent[]> {
  const cloud = cloudForArmEndpoint(azure.armEndpoint, azure);
  const client = new LogsQueryClient(scopedCredential(azure.credential, cloud.logAnalyticsScope), {
    endpoint: opts.endpoint ?? cloud.logAnalyticsEndpoint,
    ...boundedRetryClientOptions(azure),
    ...tlsOptionsOf(azure),
  });
  const hours = opts.hours ?? 24;
  const res = await armCall('query login events', () => client.queryWorkspace(customerId, loginEventsQuery(loginServer, hours), { duration: `PT${Math.max(1, Math.floor(hours))}H` }, { abortSignal: opts.signal }), opts.signal);
  if (res.status !== LogsQueryResultStatus.Success) {
    throw new AzureAccessError('invalid-response', 'The login events query returned a partial result.', 'query login events');
  }
  const table = res.tables[0];
  if (!table) return [];
  const idx = (n: string) => table.columnDescriptors.findIndex((d) => d.name === n);
  const [t, i, ip, rt, rd, ua] = ['TimeGenerated', 'Identity', 'CallerIpAddress', 'ResultType', 'ResultDescription', 'UserAgent'].map(idx);
  return table.rows.map((row) => {
    const at = (k: number | undefined) => (k !== undefined && k >= 0 ? row[k] : undefined);
    const time = at(t);
    const result = at(rt);
    return {
      time: time instanceof Date ? time : typeof time === 'string' ? new Date(time) : undefined,
      identity: str(at(i)), callerIp: str(at(ip)), resultType: str(result) ?? (typeof result === 'number' ? String(result) : undefined),
      resultDescription: str(at(rd)), userAgent: str(at(ua)),
    };
  });
}
