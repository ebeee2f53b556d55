// Which fixes can run, and how: Azure setting changes through the Azure SDK (azure-fixes.ts),
// client commands in a terminal, podman's logout on its auth files. Anything else is copy-only.
import type { ResolvedFix } from '../../../core/catalogue/types';
import type { RegistryTarget } from '../../../core/registry/target';
import type { Ctx } from '../../context';
import { azureFixPlanner } from './azure-fixes';
import type { FixActions } from './fix-actions';
import { podmanLogoutFix } from './podman-logout-fix';
import { terminalFix } from './terminal-fix';

export function azureAndTerminalActions(ctx: Ctx): FixActions {
  const azure = azureFixPlanner(ctx);
  return {
    canRun: (fix) => (fix.kind === 'changeAzureSetting' ? azure.supports(fix) : fix.kind === 'runCommand' && !!fix.command),
    plan: async (fix: ResolvedFix, target: RegistryTarget) => {
      if (fix.kind === 'changeAzureSetting') return azure.supports(fix) ? azure.plan(fix, target) : undefined;
      if (fix.kind === 'runCommand' && fix.action === 'podman.logout') return podmanLogoutFix(target.loginServer);
      if (fix.kind === 'runCommand' && fix.command) return terminalFix(fix.command, target.loginServer);
      return undefined;
    },
  };
}
