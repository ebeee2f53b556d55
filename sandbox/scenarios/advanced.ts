// troubleshoot-login / troubleshoot-network #advanced-troubleshooting: the registry's login events.
import { DEFAULT_IDS, roleAssignment } from '../arm/state';
import type { ScenarioDef } from './types';

export const advancedScenarios: ScenarioDef[] = [
  {
    info: {
      name: 'login-events-log', seed: 'troubleshoot-login', section: 'advanced-troubleshooting', registry: 'contoso', usesArm: true,
      description: 'A build agent (198.51.100.7) keeps failing to log in with an old admin password; the registry\'s ContainerRegistryLoginEvents in Log Analytics show the 401s (the front also logs every live token request).',
      expectedCause: 'advanced.login-events-log',
    },
    setup(ctx) {
      // The signed-in identity may read the workspace (Log Analytics Reader's query permission via Reader).
      const ws = ctx.state.workspaces[0];
      ctx.state.roleAssignments.push(roleAssignment({ scope: ws.id, role: 'Reader', principalId: ctx.sp.objectId, subscriptionId: ctx.subscriptionId, createdOn: new Date(ctx.now.getTime() - 30 * 86400000) }));
      const rows = ctx.state.loginEvents[DEFAULT_IDS.workspaceCustomerId] ??= [];
      for (let i = 12; i >= 1; i--) {
        rows.push({
          TimeGenerated: new Date(ctx.now.getTime() - i * 5 * 60 * 1000).toISOString(), LoginServer: 'contoso.azurecr.io',
          Identity: 'contoso', CallerIpAddress: '198.51.100.7', ResultType: '401',
          ResultDescription: 'authentication required, visit https://aka.ms/acr/authorization for more information.',
          UserAgent: 'docker/20.10.24 go/go1.19.8 git-commit/5d6db84 kernel/6.1.0 os/linux arch/amd64',
        });
      }
    },
  },
];
