// "Diagnose pull by …" on a row under "Pulled by": the report for that Azure resource's identity
// and network path (--identity service:<resource id>; an AKS cluster: aks:<cluster>), pulling from the registry.
import * as vscode from 'vscode';
import { parseRegistryInput } from '../../core/registry/target';
import type { Ctx } from '../context';
import { ReportService } from '../report/report-service';
import { defaultTarget } from '../report/target/diagnosis-target';
import { isPullerElement } from '../tree/elements';

export const diagnosePullBy = (ctx: Ctx) => async (arg?: unknown): Promise<void> => {
  if (!isPullerElement(arg)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Choose a resource under "Pulled by" in the registries view to diagnose its pull.'));
    return;
  }
  const target = parseRegistryInput(arg.registry.registry.loginServer);
  // An AKS cluster goes to the existing AKS diagnosis (kubelet identity, node subnets' egress).
  const identity = arg.aks ? { kind: 'aks' as const, cluster: arg.name } : { kind: 'service' as const, name: arg.serviceId };
  await ReportService.of(ctx).diagnose(target, defaultTarget(undefined, 'pull', identity));
};
