// LOGIN_SERVER_ERROR and friends: does ARM know this registry, under this login server?
// Not visible + the login server answers its challenge = the identity cannot read it (no Reader),
// not a missing registry. Also loads the facts later checks decide on (tokens, role assignments).
import { armAccessOf } from '../../azure/connection';
import type { Check, CheckOutcome } from '../../engine/types';
import { settledFinding } from '../../engine/context';
import { armVerdict } from './name-rules';
import { listRegistries, registryDetails, signedInPrincipal } from './arm-facts';
import type { RegistryFacts } from './registry-facts';
import { LOGIN, NET_CHALLENGE } from './shared';

const NET_DNS = 'net.dns';

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
    const { match, verdict } = armVerdict(ctx.target, listing.registries);
    const evidence = { visibleRegistries: listing.registries.length, gaps: listing.gaps.length ? listing.gaps.slice(0, 5) : undefined };
    if (!match && listing.gaps.length && !listing.registries.length) {
      // ARM could not be asked (sign-in failed, ARM down): no verdict on the name; the
      // credential checks say why the sign-in failed.
      return { status: 'warn', message: `Azure could not be asked about ${ctx.target.name}: ${listing.gaps[0]}.`, evidence };
    }
    if (!match) {
      const dnsOk = (await settledFinding(ctx, NET_DNS))?.status === 'pass';
      const challengeOk = (await settledFinding(ctx, NET_CHALLENGE))?.status === 'pass';
      if (dnsOk && challengeOk) {
        return {
          status: 'fail', causeId: 'authz.missing-reader', evidence,
          fixParams: { principalId: az.principalId ?? '' },
          message: `${ctx.target.loginServer} exists (it answers), but the signed-in identity cannot see it in Azure: it holds no Reader (or higher) role on the registry, so az acr login --name ${ctx.target.name} and the portal fail.`,
        };
      }
      return {
        status: 'fail', causeId: verdict!.causeId, message: verdict!.message, evidence,
        fixParams: verdict!.suggestion ? { suggestedLoginServer: verdict!.suggestion } : undefined,
      };
    }
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
    return { status: 'pass', message: `Azure knows ${match.arm.name} (${match.arm.loginServer}) in resource group ${match.arm.resourceGroup}.`, evidence: ev, data: facts };
  },
};
