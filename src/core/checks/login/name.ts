// Is the registry named the way docker and az need it? What the user typed is judged here;
// ARM's view (the registry exists, its real login server) is the registry check's.
import type { Check } from '../../engine/types';
import { inputVerdicts } from './name-rules';
import { LOGIN } from './shared';

export const nameCheck: Check = {
  id: LOGIN.name,
  area: 'login',
  title: 'Registry name and login server',
  needs: [],
  timeoutMs: 500,
  async run(ctx) {
    const verdicts = inputVerdicts(ctx.target);
    const evidence = { typed: ctx.target.input, loginServer: ctx.target.loginServer, resourceName: ctx.target.name };
    if (!verdicts.length) return { status: 'pass', message: `${ctx.target.loginServer} is a lower-case, fully qualified login server.`, evidence };
    const v = verdicts[0];
    // Upper case and a missing suffix are normalised for this diagnosis, so they warn (docker
    // would fail with them; the rest of the run uses the corrected name).
    return {
      status: 'warn', causeId: v.causeId, message: verdicts.map((x) => x.message).join(' '),
      evidence: { ...evidence, issues: ctx.target.inputIssues },
      fixParams: { suggestedLoginServer: v.suggestion ?? ctx.target.loginServer },
    };
  },
};
