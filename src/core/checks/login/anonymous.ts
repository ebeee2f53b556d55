// Does the registry hand out pull tokens without credentials (anonymousPullEnabled)?
// Asked without any Authorization header, so nothing secret is involved.
import { httpRequest } from '../../net/http';
import { realmIsTrusted } from '../../net/www-authenticate';
import type { AcrNet } from '../../acr/token-flow';
import { accessClaim, allows, decodeJwt } from '../../acr/jwt';

export async function anonymousPullAllowed(net: AcrNet, tokenUrl: string, repository: string): Promise<boolean> {
  if (!realmIsTrusted(tokenUrl, net.loginServer).ok) return false;
  const url = new URL(tokenUrl);
  url.search = '';
  url.searchParams.set('service', net.loginServer);
  url.searchParams.set('scope', `repository:${repository}:pull`);
  try {
    const res = await httpRequest({ url: url.toString(), signal: net.signal, timeoutMs: net.timeoutMs ?? 4000, resolve: net.resolve, proxy: net.proxy, extraCaPem: net.extraCaPem });
    if (res.status !== 200) return false;
    const body = res.json<{ access_token?: unknown; token?: unknown }>();
    const t = typeof body?.access_token === 'string' ? body.access_token : typeof body?.token === 'string' ? body.token : undefined;
    return allows(accessClaim(decodeJwt(t)), repository, 'pull');
  } catch {
    return false;
  }
}
