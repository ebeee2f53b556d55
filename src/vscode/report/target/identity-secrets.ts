// An identity's secret (client secret, admin or token password, exposed token) in VS Code's
// SecretStorage, keyed by registry and identity: asked once, never shown, posted or persisted.
import type * as vscode from 'vscode';
import type { IdentitySpec } from '../../../core/registry/image-reference';
import { credentialsOf, secretKeyOf } from './identity-credentials';
import type { ExplicitCredentials } from '../../../core/engine/environment';

export class IdentitySecrets {
  constructor(private readonly storage: vscode.SecretStorage) {}

  async get(loginServer: string, identity: IdentitySpec): Promise<string | undefined> {
    const key = secretKeyOf(loginServer, identity);
    return key ? (await this.storage.get(key)) || undefined : undefined;
  }

  async set(loginServer: string, identity: IdentitySpec, secret: string): Promise<void> {
    const key = secretKeyOf(loginServer, identity);
    if (key) await this.storage.store(key, secret);
  }

  async credentials(loginServer: string, identity: IdentitySpec): Promise<ExplicitCredentials | undefined> {
    return credentialsOf(loginServer, identity, await this.get(loginServer, identity));
  }
}
