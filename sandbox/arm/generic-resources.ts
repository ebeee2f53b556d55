// ARM's generic resource list (Resources - List: `GET /subscriptions/{s}[/resourceGroups/{rg}]/resources`):
// what azure-cli uses to find a registry by name (`az acr …`: `resourceType eq
// 'Microsoft.ContainerRegistry/registries'`, then GET of the registry in the resource group it names).
// Rows are GenericResourceExpanded without properties (ARM adds them only on `$expand`).

/** The `$filter` forms ARM accepts here: `resourceType eq '…'`, `name eq '…'`, joined with `and`. */
export function parseResourceFilter(filter: string | null): { ok: true; type?: string; name?: string } | { ok: false; message: string } {
  if (!filter || !filter.trim()) return { ok: true };
  let type: string | undefined;
  let name: string | undefined;
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = /^\s*(resourceType|name)\s+eq\s+'([^']*)'\s*$/i.exec(clause);
    if (!m) return { ok: false, message: `Invalid $filter '${filter}' specified in the query string.` };
    if (m[1].toLowerCase() === 'resourcetype') type = m[2]; else name = m[2];
  }
  return { ok: true, type, name };
}

interface Listed { id: string; name: string; type: string; location?: string; tags?: Record<string, string>; sku?: unknown; kind?: string; identity?: unknown; properties?: unknown }

export function genericResourceRow(r: Listed, expand: string | null): Record<string, unknown> {
  const row: Record<string, unknown> = { id: r.id, name: r.name, type: r.type };
  if (r.sku !== undefined) row.sku = r.sku;
  if (r.kind !== undefined) row.kind = r.kind;
  if (r.location !== undefined) row.location = r.location;
  if (r.identity !== undefined) row.identity = r.identity;
  row.tags = r.tags ?? {};
  if (expand && /provisioningState/i.test(expand)) {
    const ps = (r.properties as { provisioningState?: string } | undefined)?.provisioningState;
    if (ps) row.provisioningState = ps;
  }
  return row;
}

export function matchesResourceFilter(r: Listed, f: { type?: string; name?: string }): boolean {
  return (!f.type || r.type.toLowerCase() === f.type.toLowerCase()) && (!f.name || r.name.toLowerCase() === f.name.toLowerCase());
}
