// podman's logout fix (action 'podman.logout'): the login for the registry is removed from every
// auth.json podman reads (core/podman/logout.ts), not only the one `podman logout` writes, so a
// stale login in ~/.config/containers/auth.json cannot outlive it. The files' other entries stay.
import * as vscode from 'vscode';
import { environmentFromProcess } from '../../../core/engine/process-env';
import { engineArea } from '../../lazy/engine';
import type { FixExecution } from './fix-actions';

export function podmanLogoutFix(loginServer: string): FixExecution {
  const { env } = environmentFromProcess(process.env);
  return {
    // The engine area is loaded by the diagnosis whose report offers this fix.
    describe: () => [vscode.l10n.t('Removes the login for {0} from the auth files podman reads; their other entries stay:', loginServer), ...engineArea().podmanLogoutFiles(env.clientHost, env.dockerConfigDir)],
    run: async () => {
      const r = await engineArea().podmanLogout(loginServer, env.clientHost, env.dockerConfigDir);
      const parts = [r.removed.length ? vscode.l10n.t('removed {0}', r.removed.map((x) => `${x.key} (${x.file})`).join(', ')) : vscode.l10n.t('podman held no login for {0} in its auth files', loginServer)];
      if (r.dockerFallback) parts.push(vscode.l10n.t('{0} still holds a docker login for {1}, which podman falls back to: docker logout {1} removes it', r.dockerFallback, loginServer));
      if (r.problems.length) throw new Error([...parts, ...r.problems].join('; '));
      return parts.join('; ');
    },
  };
}
