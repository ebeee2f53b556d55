// An identity in words for the report header and the quick pick (no secret in any of them).
import * as vscode from 'vscode';
import type { IdentitySpec } from '../../../core/registry/image-reference';

export function identityLabel(identity: IdentitySpec, azureAccount?: string): string {
  switch (identity.kind) {
    case 'azure': return azureAccount ? vscode.l10n.t('Azure sign-in ({0})', azureAccount) : vscode.l10n.t('Azure sign-in');
    case 'docker': return vscode.l10n.t("Docker's stored login");
    case 'sp': return identity.clientId ? vscode.l10n.t('Service principal {0}', identity.clientId) : vscode.l10n.t('Service principal');
    case 'admin': return vscode.l10n.t('Admin user');
    case 'token': return identity.name ? vscode.l10n.t('Repository-scoped token {0}', identity.name) : vscode.l10n.t('Repository-scoped token');
    case 'exposed-token': return vscode.l10n.t('Exposed token (az acr login --expose-token)');
    case 'aks': return vscode.l10n.t('AKS cluster {0}', identity.cluster);
    case 'mi': return vscode.l10n.t('Managed identity {0}', identity.clientId);
    case 'service': return vscode.l10n.t('Azure service {0}', identity.name.split('/').pop() ?? identity.name);
  }
}
