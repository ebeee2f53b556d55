// Resource Graph (POST /providers/Microsoft.ResourceGraph/resources): rows of every resource the
// caller may see, the KQL subset of ./kql.ts, paging by $skipToken, and the caches that answer a
// repeated scale query (10 000 deep-frozen registries) in milliseconds.
import { randomUUID } from 'node:crypto';
import { armError, eq, json, parseBody, type ArmRequest } from './answers';
import type { AccessTokenClaims, HttpAnswer } from './entra';
import { principalAndGroups } from './groups';
import { KqlError, runKql } from './kql';
import { armAccessChecker, isDeepFrozen, subscriptionOf, type ArmState } from './state';
import { visibleSubscriptions } from './visibility';
import { graphShapeOf, pullerResources } from './pullers';
// ---------------------------------------------------------------- resource graph rows

type ArgSource = { id: string; name: string; type: string; location?: string; tags?: Record<string, string>; properties: unknown; [k: string]: unknown };
const argCache = new WeakMap<object, { key: unknown[]; row: Record<string, unknown> }>();

/** Resource Graph's row for a resource, reused while the resource's fields are the same objects. */
function argRow(tenantId: string, r: ArgSource): Record<string, unknown> {
  const key = [tenantId, r.id, r.name, r.type, r.location, r.tags, r.properties, r.sku, r.identity];
  const hit = argCache.get(r);
  if (hit && hit.key.every((k, i) => k === key[i])) return hit.row;
  const row = buildArgRow(tenantId, r);
  argCache.set(r, { key, row });
  return row;
}

function buildArgRow(tenantId: string, r: ArgSource): Record<string, unknown> {
  const sub = subscriptionOf(r.id) ?? '';
  const rg = /\/resourceGroups\/([^/]+)/i.exec(r.id)?.[1] ?? '';
  return {
    id: r.id, name: r.name, type: r.type.toLowerCase(), tenantId, kind: '', location: r.location ?? '', resourceGroup: rg.toLowerCase(),
    subscriptionId: sub, managedBy: '', sku: (r.sku) ?? null, plan: null, properties: r.properties, tags: r.tags ?? {},
    identity: (r.identity) ?? null, zones: null, extendedLocation: null,
  };
}

function allResources(state: ArmState): { id: string; name: string; type: string; location?: string; properties: unknown; [k: string]: unknown }[] {
  return [
    ...state.registries.map((r) => r.arm),
    ...state.registries.flatMap((r) => r.replications),
    ...state.managedClusters, ...state.virtualNetworks, ...state.privateEndpoints, ...state.workspaces,
    ...pullerResources(state).map(graphShapeOf),
  ];
}

export function resourceGraph(state: ArmState, req: ArmRequest, claims: AccessTokenClaims, now: Date): HttpAnswer {
  const pb = parseBody(req);
  if (!pb.ok) return pb.a;
  const body = pb.v as { query?: unknown; subscriptions?: unknown; options?: Record<string, unknown> };
  if (typeof body.query !== 'string' || !body.query.trim()) return armError(400, 'BadRequest', 'The query is missing.');
  const opts = body.options ?? {};
  const top = Math.min(1000, Math.max(1, Number(opts.$top ?? 100) || 100));
  const skip = Math.max(0, Number(opts.$skip ?? 0) || 0);
  const sees = visibleSubscriptions(state, claims.oid);
  const visible = state.subscriptions.filter((s) => eq(s.tenantId, claims.tid) && sees(s.subscriptionId));
  let subs = visible.map((s) => s.subscriptionId.toLowerCase());
  if (Array.isArray(body.subscriptions)) {
    const asked = body.subscriptions.map((s) => String(s).toLowerCase());
    if (asked.length > 1000) return armError(400, 'BadRequest', 'Too many subscriptions in the request: at most 1000.');
    subs = subs.filter((s) => asked.includes(s));
  }
  const subSet = new Set(subs);
  const check = armAccessChecker(state, claims.oid);
  const tenantOfSub = new Map(state.subscriptions.map((x) => [x.subscriptionId.toLowerCase(), x.tenantId]));
  const readable = (id: string, type: string) => check(id, `${type}/read`);
  // What the answer depends on: the query and every row it reads. A row of a frozen (scale mode)
  // resource stands for itself by identity; any other row by its content (tests edit those in place).
  // A frozen resource's row (or its absence) depends only on who asks and what they may see: it is
  // remembered per such access signature, so a repeated query does not check 10 000 ids again.
  const access = accessSignature(state, claims, subs);
  const resources: Record<string, unknown>[] = [];
  const parts: string[] = [body.query];
  for (const r of allResources(state)) {
    const frozen = isDeepFrozen(r);
    const memo = frozen ? frozenVisibility.get(r) : undefined;
    let row: Record<string, unknown> | undefined;
    let token: string | undefined;
    if (memo && memo.access === access) {
      ({ row, token } = memo);
    } else {
      const sub = (subscriptionOf(r.id) ?? '').toLowerCase();
      row = subSet.has(sub) && readable(r.id, r.type) ? argRow(tenantOfSub.get(sub) ?? claims.tid, r) : undefined;
      token = row && frozen ? frozenRowToken(row) : undefined;
      if (frozen) frozenVisibility.set(r, { access, row, token });
    }
    if (!row) continue;
    resources.push(row);
    parts.push(token ?? JSON.stringify(row));
  }
  const containers = [
    ...state.subscriptions.filter((s) => subSet.has(s.subscriptionId.toLowerCase())).map((s) => ({
      id: s.id, name: s.displayName, type: 'microsoft.resources/subscriptions', tenantId: s.tenantId, kind: '', location: '', resourceGroup: '',
      subscriptionId: s.subscriptionId, managedBy: '', sku: null, plan: null, properties: { state: s.state, subscriptionPolicies: s.subscriptionPolicies }, tags: {}, identity: null, zones: null, extendedLocation: null,
    })),
    ...state.resourceGroups.filter((g) => subSet.has((subscriptionOf(g.id) ?? '').toLowerCase())).map((g) => argRow(claims.tid, g)),
  ];
  parts.push(JSON.stringify(containers));
  let offset = skip;
  if (typeof opts.$skipToken === 'string' && opts.$skipToken) {
    try {
      const t = JSON.parse(Buffer.from(opts.$skipToken, 'base64url').toString('utf8')) as { o?: unknown };
      if (typeof t.o !== 'number') throw new Error('bad');
      offset = t.o;
    } catch {
      return armError(400, 'BadRequest', 'The $skipToken is invalid.');
    }
  }
  const answers = graphAnswersOf(state);
  const key = parts.join('\n');
  let answer = answers.get(key);
  if (!answer) {
    try {
      answer = { rows: runKql(body.query, { resources, resourcecontainers: containers }), pages: new Map() };
    } catch (e) {
      if (!(e instanceof KqlError)) throw e;
      return json(400, { error: { code: 'BadRequest', message: 'Please provide below info when asking for support: timestamp = ' + now.toISOString() + ', correlationId = ' + randomUUID() + '.', details: [
        { code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.' },
        { code: 'ParserFailure', message: `ParserFailure: ${e.message}` },
      ] } });
    }
    answers.set(key, answer);
    if (answers.size > GRAPH_ANSWERS_KEPT) answers.delete(answers.keys().next().value!);
  }
  // The page's JSON is cached too: 10 000 registries are a 2 MB body.
  const pageKey = `${offset}:${top}`;
  let page = answer.pages.get(pageKey);
  if (page === undefined) {
    const rows = answer.rows;
    const data = rows.slice(offset, offset + top);
    const out: Record<string, unknown> = { totalRecords: rows.length, count: data.length, resultTruncated: 'false', data, facets: [] };
    if (offset + top < rows.length) out.$skipToken = Buffer.from(JSON.stringify({ o: offset + top })).toString('base64url');
    page = JSON.stringify(out);
    answer.pages.set(pageKey, page);
  }
  return json(200, page);
}

/** Resource Graph answers per state, newest last, keyed by what they were computed from. */
const graphAnswers = new WeakMap<ArmState, Map<string, { rows: Record<string, unknown>[]; pages: Map<string, string> }>>();
const GRAPH_ANSWERS_KEPT = 4;

function graphAnswersOf(state: ArmState) {
  let m = graphAnswers.get(state);
  if (!m) { m = new Map(); graphAnswers.set(state, m); }
  return m;
}

/** Per frozen resource: its Resource Graph row for an access signature (undefined: not visible). */
const frozenVisibility = new WeakMap<object, { access: number; row?: Record<string, unknown>; token?: string }>();
const accessSignatures = new Map<string, number>();
let accessSignatureCount = 0;

/**
 * Everything visibility depends on besides the resource: the caller, the subscriptions asked
 * about and their tenants, the caller's role assignments and the role definitions — as a number.
 */
function accessSignature(state: ArmState, claims: AccessTokenClaims, subs: string[]): number {
  const oid = claims.oid.toLowerCase();
  const ids = principalAndGroups(state, oid); // its own assignments and its groups'
  const text = JSON.stringify([
    claims.tid, oid, subs,
    state.subscriptions.map((s) => [s.subscriptionId, s.tenantId]),
    state.roleAssignments.filter((a) => ids.has(a.properties.principalId.toLowerCase())).map((a) => [a.properties.scope, a.properties.roleDefinitionId]),
    state.roleDefinitions.map((d) => [d.name, d.properties.permissions]),
  ]);
  let n = accessSignatures.get(text);
  if (n === undefined) {
    if (accessSignatures.size > 64) accessSignatures.clear();
    n = ++accessSignatureCount;
    accessSignatures.set(text, n);
  }
  return n;
}

const frozenRowIds = new WeakMap<object, string>();
let frozenRows = 0;

/** A short stand-in for a row built from a frozen resource (same row object, same token). */
function frozenRowToken(row: object): string {
  let t = frozenRowIds.get(row);
  if (t === undefined) { t = `#${++frozenRows}`; frozenRowIds.set(row, t); }
  return t;
}
