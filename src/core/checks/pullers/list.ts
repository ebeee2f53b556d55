// Which Azure resources pull from this registry (Resource Graph), each with a one-word verdict;
// the assessment it makes is what the other pullers checks report from.
import { armAccessOf } from '../../azure/connection';
import { AzureAccessError } from '../../azure/errors';
import { pullerLabel } from '../../azure/pullers';
import { sharedWork } from '../../engine/context';
import { UNRESOLVED_IDENTITY } from '../../engine/target';
import type { Check, CheckOutcome } from '../../engine/types';
import { assessPullers, type PullerAssessment } from './assess';
import { namedPuller, pullersWanted } from './applies';
import { PULLERS } from './ids';
import { verdictWord } from './verdicts';

/** The run-wide key under which the pullers checks share one assessment. */
export const PULLERS_RUN_KEY = 'pullers:assessment';

/** One line per puller: "contoso-web (App Service app): fail, pullers.identity-missing-acrpull". */
export function pullerRows(a: PullerAssessment): string[] {
  return a.verdicts.map((v) => {
    const word = verdictWord(v);
    const causes = [...new Set(v.problems.map((p) => p.causeId))].join(' ');
    return `${v.puller.name} (${pullerLabel(v.puller).replace(/ [^ ]+$/, '')}): ${word}${causes ? `, ${causes}` : ''}`;
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
      a = await sharedWork(ctx, PULLERS_RUN_KEY, (signal) => assessPullers(azure, ctx.target.loginServer, { named, signal, now: ctx.env.now() }));
    } catch (e) {
      if (e instanceof AzureAccessError && e.kind === 'cancelled') throw e;
      const msg = e instanceof AzureAccessError ? e.message : (e as Error).message;
      return { status: named ? 'fail' : 'info', ...(named ? { evidence: { [UNRESOLVED_IDENTITY]: true, service: named } } : {}), message: `The resources that pull from ${ctx.target.loginServer} could not be listed: ${msg}` };
    }
    const rows = pullerRows(a);
    const evidence = {
      pullers: rows, listed: a.verdicts.length + a.unjudged.length, unjudged: a.unjudged.length || undefined,
      truncated: a.truncated || undefined, skippedRows: a.skipped || undefined, gaps: a.gaps.length ? a.gaps.slice(0, 3) : undefined,
    };
    if (named && !a.verdicts.length) {
      return {
        status: 'fail', evidence: { ...evidence, [UNRESOLVED_IDENTITY]: true, service: named },
        message: `No App Service app, Container App, container group or Machine Learning workspace named ${named} pulls from ${ctx.target.loginServer} (as far as this sign-in sees): give one of them as --identity service:<name>, or sign in with an identity that may read it.`,
      };
    }
    const bound = a.truncated ? ` (the first ${a.verdicts.length + a.unjudged.length} of ${a.totalRecords ?? 'more'}; the rest were not read)` : a.unjudged.length ? ` (${a.unjudged.length} listed but not judged)` : '';
    const bad = a.verdicts.filter((v) => verdictWord(v) === 'fail' || verdictWord(v) === 'warn').length;
    return {
      status: 'info', evidence, data: a,
      message: a.verdicts.length
        ? `${a.verdicts.length} Azure resource${a.verdicts.length === 1 ? '' : 's'} pull${a.verdicts.length === 1 ? 's' : ''} from ${ctx.target.loginServer}${bound}; ${bad} cannot${bad === 1 ? '' : ''} pull as configured.`
        : `No App Service app, Container App, container group or Machine Learning workspace this sign-in sees references ${ctx.target.loginServer}.`,
    };
  },
};
