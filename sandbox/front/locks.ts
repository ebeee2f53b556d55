// ACR's image lock (changeable attributes, `az acr repository update --write-enabled false`) as
// the login server enforces it: a write to a locked repository (any upload, a manifest PUT) or
// to a locked tag (its manifest PUT) is refused with 405 DENIED, a delete of a delete-locked one
// likewise; GET /acr/v1/<repo>[/_tags/<tag>] shows the attributes.
import type { RegistryRecord } from '../arm/state';

export const LOCKED_BODY = { errors: [{ code: 'DENIED', message: 'The operation is disallowed on this registry, repository or image.' }] };

export interface Attributes { deleteEnabled: boolean; writeEnabled: boolean; readEnabled: boolean; listEnabled: boolean }

export function attributesOf(reg: RegistryRecord, repository: string, tag?: string): Attributes {
  const repo = reg.locks?.[repository] ?? {};
  const own = tag ? reg.locks?.[`${repository}:${tag}`] ?? {} : {};
  const pick = (k: keyof Attributes) => (own[k] ?? repo[k]) !== false;
  return { deleteEnabled: pick('deleteEnabled'), writeEnabled: pick('writeEnabled'), readEnabled: pick('readEnabled'), listEnabled: pick('listEnabled') };
}

/** Whether a /v2/ request writes or deletes something the registry's locks protect. */
export function lockRefuses(reg: RegistryRecord, method: string, pathname: string): boolean {
  if (!reg.locks || !Object.keys(reg.locks).length) return false;
  const upload = /^\/v2\/(.+)\/blobs\/uploads(?:\/.*)?$/.exec(pathname);
  if (upload && method !== 'GET' && method !== 'HEAD' && method !== 'DELETE') return !attributesOf(reg, upload[1]).writeEnabled;
  const manifest = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(pathname);
  if (!manifest) return false;
  const ref = decodeURIComponent(manifest[2]);
  const tag = ref.includes(':') ? undefined : ref;
  if (method === 'PUT') return !attributesOf(reg, manifest[1], tag).writeEnabled;
  if (method === 'DELETE') return !attributesOf(reg, manifest[1], tag).deleteEnabled;
  return false;
}
