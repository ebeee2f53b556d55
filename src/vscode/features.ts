// Things that start at activation besides commands (views, serializers, diagnostics).
// Each feature registers what it creates with `ctx.register()`. Add a feature: one line below.
import type { Ctx } from './context';
import { azureResourcesContextKey } from './azure-resources-context';
import { registriesTree } from './tree/registries-tree-feature';
import { reportFeature } from './report/report-feature';
import { registryProblemsFeature } from './problems/problems-feature';
import { agentToolsFeature } from './lm/agent-tools';

export interface Feature {
  name: string;
  activate(ctx: Ctx): void | Promise<void>;
}

export const features: readonly Feature[] = [
  { name: 'azureResourcesContextKey', activate: azureResourcesContextKey },
  { name: 'registriesTree', activate: registriesTree },
  { name: 'report', activate: reportFeature },
  { name: 'registryProblems', activate: registryProblemsFeature },
  { name: 'agentTools', activate: agentToolsFeature },
];
