// Which Azure resources pull from this registry (Resource Graph), each with a one-word verdict;
// the assessment it makes is what the other pullers checks report from.
import { armAccessOf } from '../../azure/connection';
import { AzureAccessError } from '../../azure/errors';
import { pullerKindLabel } from '../../azure/pullers';
import { sharedWork } from '../../engine/context';
import { runAksClusters } from '../run-aks-clusters';
import { UNRESOLVED_IDENTITY } from '../../engine/target';
import type { Check, CheckOutcome } from '../../engine/types';
import { assessPullers, type PullerAssessment } from './assess';
import { namedPuller, pullersWanted } from './applies';
import { PULLERS } from './ids';
import { verdictWord } from './verdicts';
import { msg } from '../../text/message';

/** The run-wide key under which the pullers checks share one assessment. */
export const PULLERS_RUN_KEY = 'pullers:assessment';

/** One line per puller: "contoso-web (App Service app): fail, pullers.identity-missing-acrpull". */
export function pullerRows(a: PullerAssessment): string[] {
  return a.verdicts.map((v) => {
    const word = verdictWord(v);
    const causes = [...new Set(v.problems.map((p) => p.causeId))].join(' ');
    return `${v.puller.name} (${pullerKindLabel(v.puller)}): ${word}${causes ? `, ${causes}` : ''}`;
  });
}

export const pullersListCheck: Check<PullerAssessment> = {
  id: PULLERS.list,
  area: 'login',
  title: 'Azure resources that pull from the registry',
  needs: [],
  timeoutMs: 15000,
  applies: (_t, env) => pullersWanted(env),
  async run(ctx): Promise<CheckOutcome<PullerAssessment>> {
    const azure = armAccessOf(ctx.env)!;
    const named = namedPuller(ctx.env);
    let a: PullerAssessment;
    try {
      // The AKS checks' cluster listing is the run's one: the pullers take the registry subscription's part.
      const aksListing = () => runAksClusters(ctx, azure);
      a = await sharedWork(ctx, PULLERS_RUN_KEY, (signal) => assessPullers(azure, ctx.target.loginServer, { named, signal, now: ctx.env.now(), aksListing }));
    } catch (e) {
      if (e instanceof AzureAccessError && e.kind === 'cancelled') throw e;
      const reason = e instanceof AzureAccessError ? e.message : (e as Error).message;
      return { status: named ? 'fail' : 'info', ...(named ? { evidence: { [UNRESOLVED_IDENTITY]: true, service: named } } : {}), message: msg('The resources that pull from {login} could not be listed: {reason}', { login: ctx.target.loginServer, reason }) };
    }
    const rows = pullerRows(a);
    const evidence = {
      pullers: rows, listed: a.verdicts.length + a.unjudged.length, unjudged: a.unjudged.length || undefined,
      truncated: a.truncated || undefined, skippedRows: a.skipped || undefined, gaps: a.gaps.length ? a.gaps.slice(0, 3) : undefined,
    };
    if (named && !a.verdicts.length) {
      return {
        status: 'fail', evidence: { ...evidence, [UNRESOLVED_IDENTITY]: true, service: named },
        message: msg('No App Service app, Container App, container group, Machine Learning workspace or AKS cluster named {named} pulls from {login} (as far as this sign-in sees): give one of them as --identity service:<name>, or sign in with an identity that may read it.', { named, login: ctx.target.loginServer }),
      };
    }
    const bad = a.verdicts.filter((v) => verdictWord(v) === 'fail' || verdictWord(v) === 'warn').length;
    const judged = a.verdicts.length;
    const listed = judged + a.unjudged.length;
    const login = ctx.target.loginServer;
    return {
      status: 'info', evidence, data: a,
      message: !judged ? msg('No App Service app, Container App, container group, Machine Learning workspace or AKS cluster this sign-in sees pulls from {login}.', { login })
        : a.truncated ? msg('{listed} Azure resources pull from {login} (the first {listed} of {total}; the rest were not read); of the {judged} judged, {bad} cannot pull as configured.', { listed, login, total: a.totalRecords ?? '1000+', judged, bad })
        : a.unjudged.length ? msg('{listed} Azure resources pull from {login}; of the {judged} judged, {bad} cannot pull as configured.', { listed, login, judged, bad })
        : msg('Azure resources that pull from {login}: {judged}; {bad} of them cannot pull as configured.', { login, judged, bad }),
    };
  },
};
