// What `acrDoctor.diagnose` may be handed, made into one shape: a node of this tree, a Container
// Tools registries node (`vscode-containers.views.registries`, contextValue containing
// azureContainerRegistry: a UnifiedRegistryItem whose wrappedItem has `baseUrl` and `label`), a
// login server string, or `{ loginServer }`.
import { isRegistryElement } from './elements';

export interface RegistryArgument {
  loginServer: string;
  name: string;
  subscriptionId?: string;
  tenantId?: string;
  resourceId?: string;
  /** Where it came from, for logs. */
  origin: 'tree' | 'containerTools' | 'text';
}

export function toRegistryArgument(arg: unknown): RegistryArgument | undefined {
  if (isRegistryElement(arg)) {
    const r = arg.registry;
    return { loginServer: r.loginServer, name: r.name, subscriptionId: r.subscriptionId, tenantId: r.tenantId, resourceId: r.id, origin: 'tree' };
  }
  if (typeof arg === 'string' && arg.trim()) {
    const loginServer = arg.trim().toLowerCase();
    return { loginServer, name: loginServer.split('.')[0], origin: 'text' };
  }
  if (arg && typeof arg === 'object') {
    const o = arg as Record<string, any>;
    if (typeof o.loginServer === 'string') {
      const loginServer = o.loginServer.toLowerCase();
      return { loginServer, name: typeof o.name === 'string' ? o.name : loginServer.split('.')[0], origin: 'text' };
    }
    // Container Tools: { provider, wrappedItem: { label, baseUrl: Uri, subscription?, additionalContextValues }, parent }
    const wrapped = o.wrappedItem as Record<string, any> | undefined;
    if (wrapped && typeof wrapped === 'object') {
      const authority = typeof wrapped.baseUrl?.authority === 'string' ? wrapped.baseUrl.authority
        : typeof wrapped.baseUrl === 'string' ? safeHost(wrapped.baseUrl) : undefined;
      if (authority) {
        const loginServer = authority.toLowerCase();
        const sub = wrapped.subscription as { subscriptionId?: string; tenantId?: string } | undefined;
        return {
          loginServer,
          name: typeof wrapped.label === 'string' ? wrapped.label.toLowerCase() : loginServer.split('.')[0]!,
          subscriptionId: sub?.subscriptionId, tenantId: sub?.tenantId,
          resourceId: typeof wrapped.id === 'string' && wrapped.id.startsWith('/subscriptions/') ? wrapped.id : undefined,
          origin: 'containerTools',
        };
      }
    }
  }
  return undefined;
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
