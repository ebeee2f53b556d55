// Is the registry named the way docker and az need it? What the user typed is judged here;
// ARM's view (the registry exists, its real login server) is the registry check's. Without ARM,
// a login server that does not resolve while the same name under another cloud's suffix does
// is a wrong cloud suffix.
import type { Check, CheckOutcome } from '../../engine/types';
import { CLOUD_SUFFIXES } from '../../registry/target';
import { resolveHost } from '../../net/dns';
import { inputVerdicts, resourceNameNote } from './name-rules';
import { clientCommand } from '../../docker/client-tool';
import { LOGIN } from './check-ids';
import { NET } from '../network/ids';
import { msg, joinMessages } from '../../text/message';

const NET_DNS = NET.dns;

export const nameCheck: Check = {
  id: LOGIN.name,
  area: 'login',
  title: 'Registry name and login server',
  needs: [],
  after: [NET_DNS],
  timeoutMs: 2000,
  async run(ctx): Promise<CheckOutcome> {
    const t = ctx.target;
    const verdicts = inputVerdicts(t, clientCommand(ctx.env));
    const evidence = { typed: t.input, loginServer: t.loginServer, resourceName: t.name };
    if (verdicts.length) {
      const v = verdicts[0];
      // Upper case and an image reference without the suffix are normalised for this diagnosis,
      // so they warn (docker would fail with them; the rest of the run uses the corrected name).
      return {
        status: 'warn', causeId: v.causeId, message: joinMessages(verdicts.map((x) => x.message), ' '),
        evidence: { ...evidence, issues: t.inputIssues },
        fixParams: { suggestedLoginServer: v.suggestion ?? t.loginServer },
      };
    }
    if (ctx.finding(NET_DNS)?.status === 'fail') {
      for (const suffix of CLOUD_SUFFIXES.filter((s) => s !== t.suffix)) {
        const other = `${t.name}.${suffix}`;
        try {
          await resolveHost(other, ctx.env.resolve, ctx.signal);
        } catch {
          continue;
        }
        const cloudName = suffix === 'azurecr.cn' ? 'AzureChinaCloud' : suffix === 'azurecr.us' ? 'AzureUSGovernment' : 'AzureCloud';
        return {
          status: 'warn', causeId: 'name.wrong-cloud-suffix', evidence: { ...evidence, resolves: other },
          fixParams: { suggestedLoginServer: other, cloudName },
          message: msg('{loginServer} does not resolve, but {other} does: the registry is probably in the cloud with suffix .{suffix}; log in to {other}.', { loginServer: t.loginServer, other, suffix }),
        };
      }
    }
    // A bare resource name is what az acr login --name takes: say which login server it stands
    // for (the rest of the run probes that one), not a cause.
    const note = resourceNameNote(t, clientCommand(ctx.env));
    if (note) return { status: 'info', message: note, evidence: { ...evidence, suggestedLoginServer: t.loginServer } };
    return { status: 'pass', message: msg('{loginServer} is a lower-case, fully qualified login server.', { loginServer: t.loginServer }), evidence };
  },
};
