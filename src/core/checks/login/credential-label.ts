// Who a credential is, as a noun phrase said in the reader's language ("the admin user contoso").
import { msg, type Message } from '../../text/message';

/** The credential given with --username (its kind as explicit-login learned it). */
export function credentialLabel(kind: string, username: string): Message {
  switch (kind) {
    case 'admin': return msg('the admin user {username}', { username });
    case 'servicePrincipal': return msg('the service principal {username}', { username });
    case 'repositoryToken': return msg('the repository-scoped token {username}', { username });
    case 'exposedToken': return msg('the exposed token of {username}', { username });
    default: return msg('the user {username}', { username });
  }
}

export function identityLabel(principalId: string | undefined): Message {
  return principalId ? msg('the identity {principalId}', { principalId }) : msg('the signed-in identity');
}

/** What the client's login (docker, podman, nerdctl login) stored: a token from az acr login, or a user name and password. */
export function dockerLoginLabel(identityToken: boolean, username: string | undefined, tool = 'docker'): Message {
  if (identityToken) return msg("{tool}'s stored login (an az acr login token)", { tool });
  return username ? msg("{tool}'s stored login (user {username})", { tool, username }) : msg("{tool}'s stored login", { tool });
}
