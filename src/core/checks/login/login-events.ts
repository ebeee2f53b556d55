// The seed's advanced step: the registry's ContainerRegistryLoginEvents log (identity, IP,
// result of every authentication). When the registry's diagnostic settings send it to a Log
// Analytics workspace, query the last day's failed logins (src/core/azure/login-events, the real
// @azure/monitor-query client); the KQL query itself is offered as a copyable fix either way.
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import { armAccessOf, type ArmAccess } from '../../azure/connection';
import { findLoginEventsWorkspace, loginEventsQuery, queryLoginEvents, type LoginEventsWorkspace } from '../../azure/login-events';
import { armReason } from '../../azure/registry-reads';
import { LOGIN } from './check-ids';
import { msg } from '../../text/message';

/**
 * The registry's login-events workspace, read once per run: login.registry starts it as soon as ARM
 * has named the registry, so its two ARM reads go out beside the registry's role assignments
 * instead of after them.
 */
export function loginEventsWorkspace(ctx: CheckContext, azure: ArmAccess, registryId: string): Promise<LoginEventsWorkspace | null> {
  return ctx.shared(`login-events-workspace ${registryId.toLowerCase()}`, (signal) => findLoginEventsWorkspace(azure, registryId, signal));
}

export const loginEventsCheck: Check = {
  id: LOGIN.loginEvents,
  area: 'login',
  title: 'Registry login events (Log Analytics)',
  needs: [LOGIN.registry],
  timeoutMs: 6000,
  applies: (_t, env) => !!env.azure,
  async run(ctx): Promise<CheckOutcome> {
    const azure = armAccessOf(ctx.env)!;
    const reg = ctx.data(LOGIN.registry)?.registry;
    if (!reg) return { status: 'info', message: msg('The registry was not found in Azure.') };
    const query = loginEventsQuery(reg.loginServer).replace(/\n/g, ' ');
    let ws;
    try {
      ws = await loginEventsWorkspace(ctx, azure, reg.id);
    } catch (e) {
      return { status: 'info', message: msg('The registry\'s diagnostic settings could not be read ({armReason}). Query to run in its Log Analytics workspace: {query}', { armReason: armReason(e), query }) };
    }
    if (!ws) {
      return { status: 'info', message: msg('The registry does not send ContainerRegistryLoginEvents to a Log Analytics workspace; enable resource logs (diagnostic settings) to see every login with identity and IP. Query once enabled: {query}', { query }) };
    }
    if (!ws.customerId) return { status: 'info', message: msg('The workspace {workspace} could not be read. Query: {query}', { workspace: String(ws.workspaceId.split('/').pop()), query }) };
    try {
      // A custom ARM endpoint (the sandbox, a private cloud) serves the query API under its own host (cloudForArmEndpoint).
      const events = await queryLoginEvents(azure, ws.customerId, reg.loginServer, { signal: ctx.signal });
      const failed = events.filter((e) => e.resultType && e.resultType !== '200');
      const evidence = { workspace: ws.customerId, events: events.length, failed: failed.length };
      if (!failed.length) return { status: 'pass', message: msg('No failed logins to {loginServer} in the last day (ContainerRegistryLoginEvents, {n} events).', { loginServer: reg.loginServer, n: events.length }), evidence };
      const last = failed[0];
      return {
        status: 'warn', causeId: 'advanced.login-events-log', fixParams: { workspaceId: ws.customerId },
        evidence: { ...evidence, latestIdentity: last.identity, latestIp: last.callerIp, latestResult: `${last.resultType ?? ''} ${last.resultDescription ?? ''}`.trim(), latestAt: last.time?.toISOString() },
        message: msg('{n} failed login(s) to {loginServer} in the last day; the latest by {identity} from {callerIp} ({resultType} {resultDescription}).', { n: failed.length, loginServer: reg.loginServer, identity: last.identity ?? '?', callerIp: last.callerIp ?? '?', resultType: last.resultType ?? '', resultDescription: last.resultDescription ?? '' }),
      };
    } catch (e) {
      return { status: 'info', message: msg('The login events could not be queried ({armReason}). Query: {query}', { armReason: armReason(e), query }), evidence: { workspace: ws.customerId } };
    }
  },
};
