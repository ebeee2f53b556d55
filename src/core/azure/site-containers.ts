// App Service sidecars: a Linux app's site containers (Microsoft.Web/sites/{name}/sitecontainers,
// 2023-12-01 and later). An app in sidecar mode (linuxFxVersion SITECONTAINERS) runs its main
// container from there too; a custom-container app may add sidecars next to its fx image. Each
// container authenticates on its own (authType Anonymous, UserCredentials, SystemIdentity or
// UserAssigned with userManagedIdentityClientId), so each one on this registry becomes a puller
// row of its own, judged like the main container. Resource Graph does not index site containers:
// they are read per site, and an answer ARM leaves half-filled becomes a gap, never a throw.
import { AzureAccessError } from './errors';
import { armList, type ArmAccess } from './connection';
import { credentialOfUsername, miOfClientId, type Puller, type PullerCredential } from './pullers';
import { rec, str } from '../text/json-guards';

/** The App Service api-version the site containers are read with (the type exists from 2023-12-01). */
export const SITECONTAINERS_API = '2024-04-01';

/** How one site container pulls, from its authType (ARM spells the values in PascalCase; compared case-insensitively). */
export function credentialOfSiteContainer(props: Record<string, unknown>, registryName: string): PullerCredential {
  const auth = (str(props.authType) ?? '').toLowerCase();
  switch (auth) {
    case 'anonymous': return { kind: 'anonymous' };
    case 'systemidentity': return { kind: 'system-mi' };
    case 'userassigned': {
      const clientId = str(props.userManagedIdentityClientId);
      return clientId ? miOfClientId(clientId) : { kind: 'unknown', why: 'authType UserAssigned names no userManagedIdentityClientId' };
    }
    case 'usercredentials': {
      // Only the user name: passwordSecret is never read into anything.
      const user = str(props.userName);
      return user ? credentialOfUsername(user, registryName) : { kind: 'unknown', why: 'authType UserCredentials names no userName' };
    }
    case '': return { kind: 'unknown', why: 'the site container names no authType' };
    default: return { kind: 'unknown', why: `authType ${auth.slice(0, 40)} is not one App Service knows` };
  }
}

/** Linux apps may have site containers; Windows apps cannot. */
export function mayHaveSiteContainers(p: Pick<Puller, 'kind' | 'siteMode'>): boolean {
  return (p.kind === 'appservice' || p.kind === 'functions') && p.siteMode !== 'windows';
}

/**
 * The rows a site becomes once its site containers are read: the site itself when its fx image is
 * on this registry (or in sidecar mode, its main site container there), and one row per sidecar on
 * this registry. A site none of whose containers is on this registry gives none.
 */
export function siteContainerRows(site: Puller, containers: unknown[], registry: { loginServer: string; name: string }): Puller[] {
  const login = registry.loginServer.toLowerCase();
  const rows: Puller[] = [];
  const mainInFx = site.images.length > 0 && site.siteMode !== 'sitecontainers';
  if (mainInFx) rows.push(site);
  for (const raw of containers) {
    const c = rec(raw);
    const p = rec(c.properties);
    const name = str(c.name)?.split('/').pop();
    const image = str(p.image);
    if (!name || !image || image.split('/')[0].toLowerCase() !== login) continue;
    const credential = credentialOfSiteContainer(p, registry.name);
    const gaps = credential.kind === 'unknown' ? [...site.gaps, `site container ${name}: ${credential.why}`] : site.gaps.filter((g) => !/linuxFxVersion/.test(g));
    const isMain = p.isMain === true && !mainInFx;
    rows.push({
      ...site, images: [image], credential, gaps,
      ...(isMain ? {} : { id: `${site.id}/sitecontainers/${name}`, name: `${site.name}/${name}`, type: `${site.type}/sitecontainers` }),
      container: { site: site.name, siteId: site.id, name, isMain },
    });
  }
  return rows;
}

/** A Linux site and its sidecars as puller rows; a site whose containers cannot be read stays as it is, with the reason as a gap. */
export async function expandSiteContainers(azure: ArmAccess, site: Puller, registry: { loginServer: string; name: string }, signal?: AbortSignal): Promise<Puller[]> {
  if (!mayHaveSiteContainers(site)) return [site];
  let containers: unknown[];
  try {
    containers = await armList(azure, `${site.id}/sitecontainers`, { apiVersion: SITECONTAINERS_API, signal, operation: `list the site containers of ${site.name}`, maxPages: 2 });
  } catch (e) {
    if (e instanceof AzureAccessError && e.kind === 'cancelled') throw e;
    const why = e instanceof AzureAccessError ? `${e.code ?? e.kind}: ${e.message}` : (e as Error).message;
    return [{ ...site, gaps: [...site.gaps, `site containers not read (${why.slice(0, 200)})`] }];
  }
  return siteContainerRows(site, containers, registry);
}
