// The one table of commands. Each entry's `create(ctx)` returns the handler; the id must also be
// declared in package.json `contributes.commands` (the extension test checks both ways).
// Add a command: one file in this folder exporting `(ctx) => handler`, one line below.
import type { Ctx } from '../context';
import { showLog } from './show-log';
import { addRegistry } from './add-registry';
import { refreshRegistries } from './refresh-registries';
import { removeRegistry } from './remove-registry';
import { selectSubscriptions } from './select-subscriptions';
import { signIn } from './sign-in';
import { signInToTenant } from './sign-in-to-tenant';
import { signOut } from './sign-out';
import { diagnose, diagnosePull, diagnosePush } from './diagnose';
import { loadMore } from './load-more';
import { runFix } from './run-fix';
import { copyFixCommand } from './copy-fix-command';
import { openCauseDocs } from './open-cause-docs';
import { exportReportCommand } from './export-report';
import { explainError, explainErrorQuick } from './explain-error';
import { showCliHelp } from './show-cli-help';
import { diagnosePullBy } from './diagnose-pull-by';

export interface CommandEntry {
  id: `acrDoctor.${string}`;
  create(ctx: Ctx): (...args: any[]) => unknown;
}

export const commands: readonly CommandEntry[] = [
  { id: 'acrDoctor.showLog', create: showLog },
  { id: 'acrDoctor.signIn', create: signIn },
  { id: 'acrDoctor.signOut', create: signOut },
  { id: 'acrDoctor.signInToTenant', create: signInToTenant },
  { id: 'acrDoctor.selectSubscriptions', create: selectSubscriptions },
  { id: 'acrDoctor.addRegistry', create: addRegistry },
  { id: 'acrDoctor.removeRegistry', create: removeRegistry },
  { id: 'acrDoctor.refreshRegistries', create: refreshRegistries },
  { id: 'acrDoctor.diagnose', create: diagnose },
  { id: 'acrDoctor.runFix', create: runFix },
  { id: 'acrDoctor.copyFixCommand', create: copyFixCommand },
  { id: 'acrDoctor.openCauseDocs', create: openCauseDocs },
  { id: 'acrDoctor.exportReport', create: exportReportCommand },
  { id: 'acrDoctor.explainError', create: explainError },
  { id: 'acrDoctor.explainErrorQuick', create: explainErrorQuick },
  { id: 'acrDoctor.showCliHelp', create: showCliHelp },
  { id: 'acrDoctor.diagnosePull', create: diagnosePull },
  { id: 'acrDoctor.diagnosePush', create: diagnosePush },
  { id: 'acrDoctor.loadMore', create: loadMore },
  { id: 'acrDoctor.diagnosePullBy', create: diagnosePullBy },
];
