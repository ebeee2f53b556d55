// Azure setting changes (changeAzureSetting fixes): find the registry's resource through ARM,
// say exactly what will change, then call the Azure engineer's SDK function for the action.
import type { ResolvedFix } from '../../../core/catalogue/types';
import { environmentFromProcess } from '../../../core/engine/process-env';
import type { RegistryTarget } from '../../../core/registry/target';
import * as vscode from 'vscode';
import type { Ctx } from '../../context';
import { azureArea } from '../../lazy/azure';
import { azureAccessFor } from '../azure-access';
import { AZURE_FIXES, roleOfCommand } from './azure-fix-table';
import type { FixExecution } from './fix-actions';

export interface AzureFixPlanner {
  supports(fix: ResolvedFix): boolean;
  plan(fix: ResolvedFix, target: RegistryTarget): Promise<FixExecution | undefined>;
}

function paramsOf(fix: ResolvedFix): Record<string, string> {
  const role = fix.action === 'roleAssignment.create' ? roleOfCommand(fix.command) : undefined;
  return { ...(fix.params ?? {}), ...(role ? { role } : {}) };
}

export function azureFixPlanner(ctx: Ctx): AzureFixPlanner {
  const specOf = (fix: ResolvedFix) => (fix.kind === 'changeAzureSetting' && fix.action ? AZURE_FIXES[fix.action] : undefined);
  return {
    supports: (fix) => {
      const spec = specOf(fix);
      const p = paramsOf(fix);
      return !!spec && spec.needs.every((k) => !!p[k]);
    },
    async plan(fix, target) {
      const spec = specOf(fix);
      if (!spec) return undefined;
      const params = paramsOf(fix);
      const azure = await azureAccessFor(ctx, target, environmentFromProcess(process.env).env.extraCaPem);
      if (!azure) throw new Error(vscode.l10n.t('Sign in to Azure first: this fix changes the registry through Azure Resource Manager.'));
      const ref = await azureArea().findRegistry(azure, target.loginServer);
      if (!ref) throw new Error(vscode.l10n.t('Registry {0} was not found in the subscriptions you can see.', target.loginServer));
      return {
        describe: () => spec.describe(ref, params),
        run: async (signal) => (await spec.run(azure, ref, params, signal)).summary,
      };
    },
  };
}
