// LOGIN_SERVER_ERROR and friends: does ARM know this registry, under this login server?
// Not visible + the login server answers its challenge = the identity cannot read it (no Reader),
// not a missing registry: shown by its role assignments where ARM lets it read them, else inferred.
// Also loads the facts later checks decide on (tokens, role assignments, the principal's groups).
import { armAccessOf } from '../../azure/connection';
import type { ArmAccess } from '../../azure/connection';
import type { Check, CheckContext, CheckOutcome, Evidence } from '../../engine/types';
import { settledFinding } from '../../engine/context';
import { armVerdict } from './name-rules';
import { clientCommand } from '../../docker/client-tool';
import { armReason, listRegistries, readAssignmentsOf, registryDetails, signedInPrincipal } from '../../azure/registry-reads';
import { readerEvidence, type ReaderEvidence, type RegistryFacts } from './registry-facts';
import { LOGIN, NET_CHALLENGE } from './check-ids';
import { NET } from '../network/ids';
import { loginEventsWorkspace } from './login-events';
import { msg, renderMessage } from '../../text/message';
import { heldRoles } from './held-roles';

const NET_DNS = NET.dns;

export const registryCheck: Check = {
  id: LOGIN.registry,
  area: 'login',
  title: 'Registry known to Azure',
  needs: [],
  // Reads DNS and the challenge only to judge a registry ARM does not show: ask ARM at once.
  awaits: [NET_DNS, NET_CHALLENGE],
  // Well inside the default 6 s budget: the login checks after it need the rest. A slow or hung
  // ARM ends this check at its deadline instead of using up the whole run.
  timeoutMs: 3500,
  applies: (_t, env) => !!env.azure,
  async run(ctx): Promise<CheckOutcome> {
    const az = armAccessOf(ctx.env)!; // with the extra CAs
    const listing = await listRegistries(az, ctx.signal);
    const { match, verdict } = armVerdict(ctx.target, listing.registries, clientCommand(ctx.env));
    const evidence = { visibleRegistries: listing.registries.length, gaps: listing.gaps.length ? listing.gaps.slice(0, 5) : undefined };
    if (!match && listing.gaps.length && !listing.registries.length) {
      // ARM could not be asked (sign-in failed, ARM down): no verdict on the name; the
      // credential checks say why the sign-in failed.
      return { status: 'warn', message: msg('Azure could not be asked about {name}: {gaps}.', { name: ctx.target.name, gaps: listing.gaps[0] }), evidence };
    }
    if (!match) {
      const dnsOk = (await settledFinding(ctx, NET_DNS))?.status === 'pass';
      const challengeOk = (await settledFinding(ctx, NET_CHALLENGE))?.status === 'pass';
      if (dnsOk && challengeOk) return missingReader(ctx, az, listing.subscriptions ?? [], evidence);
      return {
        status: 'fail', causeId: verdict!.causeId, message: verdict!.message, evidence,
        fixParams: verdict!.suggestion ? { suggestedLoginServer: verdict!.suggestion } : undefined,
      };
    }
    // login.advanced.login-events needs this check; its workspace read needs only the registry's id.
    if (!verdict) loginEventsWorkspace(ctx, az, match.arm.id).catch(() => undefined);
    const facts: RegistryFacts = await registryDetails(az, match.arm, ctx.signal, await signedInPrincipal(az, ctx.signal));
    facts.gaps.push(...listing.gaps);
    const ev = {
      ...evidence, registryId: match.arm.id, loginServer: match.arm.loginServer, sku: match.arm.sku,
      adminUserEnabled: match.arm.adminUserEnabled, anonymousPullEnabled: match.arm.anonymousPullEnabled,
      roleAssignmentMode: match.arm.roleAssignmentMode, armAudience: match.arm.armAudienceDisabled ? 'disabled' : 'enabled',
      gaps: facts.gaps.length ? facts.gaps.slice(0, 5) : undefined,
    };
    if (verdict) {
      return { status: 'fail', causeId: verdict.causeId, message: verdict.message, evidence: ev, data: facts, fixParams: { suggestedLoginServer: verdict.suggestion ?? match.arm.loginServer, registryId: match.arm.id } };
    }
    return { status: 'pass', message: msg('Azure knows {name} ({loginServer}) in resource group {resourceGroup}.', { name: match.arm.name, loginServer: match.arm.loginServer, resourceGroup: match.arm.resourceGroup }), evidence: ev, data: facts };
  },
};

/**
 * The registry answers but ARM lists it nowhere. Where ARM lets the identity read its own role
 * assignments (assignedTo(): its own and its groups'), they say what it holds on the registry and
 * above: no Reader (or higher) is then a fact, and the assignment gives the registry's id for the
 * fix. Where ARM refuses that too, "no Reader" stays an inference, and the message says so.
 */
async function missingReader(ctx: CheckContext, az: ArmAccess, subscriptions: string[], evidence: Evidence): Promise<CheckOutcome> {
  const t = ctx.target;
  const principalId = await signedInPrincipal(az, ctx.signal);
  const refused: string[] = [];
  let found: ReaderEvidence | undefined;
  if (principalId) {
    const per = await Promise.all(subscriptions.slice(0, 20).map((sub) => readAssignmentsOf(az, sub, principalId, ctx.signal).then(
      (list) => readerEvidence(list, t.name, ctx.env.now()),
      (e) => { refused.push(`${sub}: ${armReason(e)}`); return undefined; })));
    found = per.find((x) => x);
  }
  const fixParams: Record<string, string> = { principalId: principalId ?? '' };
  if (found?.registryId) fixParams.registryId = found.registryId;
  const heldWords = heldRoles(found?.held ?? [], principalId, { scope: true });
  const held = renderMessage(heldWords);
  if (found?.canReadArm) {
    // It holds a read role, yet the listing missed the registry: not a missing Reader.
    return {
      status: 'warn', evidence: { ...evidence, registryId: found.registryId, rolesHeld: held },
      message: msg('{loginServer} answers and the signed-in identity holds {held}, which lets it read the registry, but Azure did not list {name}; the listing may be incomplete.', { loginServer: t.loginServer, held: heldWords, name: t.name }),
    };
  }
  if (found) {
    return {
      status: 'fail', causeId: 'authz.missing-reader', fixParams,
      evidence: { ...evidence, basis: 'role assignments', registryId: found.registryId, rolesHeld: held },
      message: msg('The role assignments of {principalId} (its own and its groups\') on {name} and above are {heldText}: none lets it read the registry through Azure Resource Manager (Reader or higher), so az acr login --name {name} and the portal fail.', { principalId, name: t.name, heldText: heldWords }),
    };
  }
  return {
    status: 'fail', causeId: 'authz.missing-reader', fixParams,
    evidence: { ...evidence, basis: 'inferred', roleAssignments: refused.length ? `not readable (${refused[0]})` : 'none name the registry' },
    message: refused.length || !principalId ? msg('{loginServer} exists (it answers), but the signed-in identity cannot see it in Azure, nor read its own role assignments, so it most likely holds no Reader (or higher) role on the registry: az acr login --name {name} and the portal then fail.', { loginServer: t.loginServer, name: t.name }) : msg('{loginServer} exists (it answers), but the signed-in identity cannot see it in Azure, and none of its role assignments names the registry, so it most likely holds no Reader (or higher) role on it: az acr login --name {name} and the portal then fail.', { loginServer: t.loginServer, name: t.name }),
  };
}
