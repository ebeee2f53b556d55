// What each pullers check reports: the first puller with a problem of its causes, naming every
// puller that has one; a pass naming who was judged; the unknowns when nothing could be judged.
import type { CauseId } from '../../catalogue/index';
import type { CheckContext, CheckOutcome } from '../../engine/types';
import { PULLERS } from './ids';
import { whoOf } from './verdicts';
import { joinMessages, msg, type Message } from '../../text/message';

export function reportProblems(ctx: CheckContext, causes: readonly CauseId[], passWhat: (who: Message) => Message): CheckOutcome {
  const a = ctx.data(PULLERS.list);
  if (!a) return { status: 'info', message: msg('The resources that pull from the registry were not listed.') };
  const hits = a.verdicts.flatMap((v) => v.problems.filter((p) => causes.includes(p.causeId)).map((p) => ({ v, p })));
  const affected = [...new Set(hits.map((h) => h.v.puller.name))];
  if (hits.length) {
    const first = hits.find((h) => h.p.status === 'fail') ?? hits[0];
    const others = affected.filter((n) => n !== first.v.puller.name);
    return {
      status: first.p.status, causeId: first.p.causeId, fixParams: first.p.fixParams,
      evidence: { affected, service: first.v.puller.name, serviceId: first.v.puller.id, credential: first.v.puller.credential.kind, rolesHeld: first.v.rolesHeld },
      message: others.length ? msg('{problem} (also: {others})', { problem: first.p.message, others: others.join(', ') }) : first.p.message,
    };
  }
  if (!a.verdicts.length) return { status: 'pass', message: msg('No resource that pulls from the registry was found.') };
  const unknowns = a.verdicts.flatMap((v) => v.unknowns);
  return {
    status: 'pass', evidence: { judged: a.verdicts.map((v) => v.puller.name), unknowns: unknowns.length ? unknowns.slice(0, 5) : undefined },
    message: a.verdicts.length > 5
      ? msg('{list} and {more} more', { list: passWhat(joinMessages(a.verdicts.slice(0, 5).map((v) => whoOf(v.puller)), ', ')), more: a.verdicts.length - 5 })
      : passWhat(joinMessages(a.verdicts.map((v) => whoOf(v.puller)), ', ')),
  };
}
