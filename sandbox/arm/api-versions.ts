// ARM refuses an api-version it does not know: 400 InvalidApiVersionParameter, naming the versions
// it supports. The simulator knows, per resource provider, the oldest and newest versions real
// clients send (the SDKs in package.json, armRequest's, az 2.45's) and refuses a malformed version
// or one outside that span (a version between two real ones is accepted: the span is what is kept).
import type { HttpAnswer } from './entra';

interface Span { oldest: string; newest: string; examples: string[] }

// Namespace (lower case) → versions; '' is ARM's own routes (tenants, subscriptions, resource groups, providers, resources).
const SPANS: Record<string, Span> = {
  '': { oldest: '2014-04-01', newest: '2025-04-01', examples: ['2022-12-01', '2021-04-01', '2019-11-01'] },
  'microsoft.containerregistry': { oldest: '2016-06-27', newest: '2025-11-01', examples: ['2025-11-01', '2023-07-01', '2019-05-01'] },
  'microsoft.authorization': { oldest: '2015-07-01', newest: '2022-05-01', examples: ['2022-04-01', '2020-10-01', '2015-07-01'] },
  'microsoft.containerservice': { oldest: '2017-08-31', newest: '2025-10-01', examples: ['2025-10-01', '2024-09-01'] },
  'microsoft.network': { oldest: '2015-05-01', newest: '2025-01-01', examples: ['2024-05-01', '2023-09-01'] },
  'microsoft.resourcegraph': { oldest: '2018-09-01', newest: '2024-04-01', examples: ['2022-10-01', '2021-03-01'] },
  'microsoft.insights': { oldest: '2014-04-01', newest: '2024-03-01', examples: ['2021-05-01-preview', '2017-05-01-preview'] },
  'microsoft.operationalinsights': { oldest: '2015-03-20', newest: '2025-02-01', examples: ['2023-09-01', '2022-10-01'] },
  'microsoft.web': { oldest: '2016-08-01', newest: '2024-11-01', examples: ['2024-04-01', '2023-12-01', '2022-09-01'] },
  'microsoft.app': { oldest: '2022-03-01', newest: '2025-01-01', examples: ['2024-03-01', '2023-05-01'] },
  'microsoft.containerinstance': { oldest: '2018-10-01', newest: '2024-10-01', examples: ['2023-05-01', '2022-09-01'] },
  'microsoft.machinelearningservices': { oldest: '2020-06-01', newest: '2025-01-01', examples: ['2024-04-01', '2023-10-01'] },
};

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})(-(preview|privatepreview|alpha|beta))?$/i;

/** The provider namespace a path belongs to for its api-version (the last `providers/<ns>` in it). */
function namespaceOf(path: string): string {
  const segs = path.toLowerCase().split('/').filter(Boolean);
  const i = segs.lastIndexOf('providers');
  return i >= 0 && segs[i + 1] ? segs[i + 1] : '';
}

/** ARM's answer for an api-version this route does not support, or undefined when it does. */
export function apiVersionError(path: string, version: string): HttpAnswer | undefined {
  const ns = namespaceOf(path);
  const span = SPANS[ns];
  const m = SHAPE.exec(version.trim());
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  const valid = !!m && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && Number(m[2]) <= 12 && Number(m[3]) <= 31;
  const known = valid && (!span || (date >= span.oldest && date <= span.newest));
  if (known) return undefined;
  const supported = span ? span.examples.join(', ') : '2021-04-01';
  const type = ns ? ` for the resource provider '${ns}'` : '';
  return {
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-ms-failure-cause': 'gateway' },
    body: { error: { code: 'InvalidApiVersionParameter', message: `The api-version '${version}' is invalid${type}. The supported versions are '${supported}'.` } },
  };
}

/**
 * Registry child types that exist only at some api-versions (what ARM's NoRegisteredProviderFound
 * says, checked against azure-rest-api-specs): registries/tasks is in the Tasks API (2018-09-01 …
 * 2019-06-01-preview, 2025-03-01-preview), not in the stable registry versions; registries/
 * connectedRegistries in the previews from 2020-11-01-preview and the stable versions from
 * 2025-11-01 (2021-09-01, 2022-12-01 and 2023-07-01 stable have none), and only on Premium.
 */
const TASK_VERSIONS = ['2018-09-01', '2019-04-01', '2019-06-01-preview', '2025-03-01-preview'];
const CONNECTED_VERSIONS = ['2020-11-01-preview', '2021-06-01-preview', '2021-08-01-preview', '2021-12-01-preview', '2022-02-01-preview', '2023-01-01-preview', '2023-06-01-preview', '2023-08-01-preview', '2023-11-01-preview', '2024-11-01-preview', '2025-03-01-preview', '2025-04-01', '2025-05-01-preview', '2025-11-01'];
const LOCATIONS = 'westus, eastus, southcentralus, westeurope, northeurope, uksouth, ukwest, australiaeast, australiasoutheast, centralindia, eastasia, japaneast, japanwest, southeastasia, southindia, brazilsouth, canadaeast, canadacentral, centralus, eastus2, northcentralus, westcentralus, westus2';

function connectedRegistriesServed(version: string): boolean {
  const v = version.trim().toLowerCase();
  if (CONNECTED_VERSIONS.includes(v)) return true;
  // A newer version than those listed: previews after 2020-11 and stable versions from 2025-11-01 carry the type.
  const date = v.slice(0, 10);
  return /-preview$/.test(v) ? date >= '2020-11-01' : date >= '2025-11-01';
}

const noProvider = (version: string, type: string, supported: string[]): HttpAnswer => ({
  status: 400, headers: { 'content-type': 'application/json; charset=utf-8', 'x-ms-failure-cause': 'gateway' },
  body: { error: { code: 'NoRegisteredProviderFound', message: `No registered resource provider found for location 'westeurope' and API version '${version}' for type '${type}'. The supported api-versions are '${supported.join(', ')}'. The supported locations are '${LOCATIONS}'.` } },
});

export function childApiVersionError(child: string | undefined, version: string, sku: string): HttpAnswer | undefined {
  const c = (child ?? '').toLowerCase();
  if (c === 'tasks' && !TASK_VERSIONS.includes(version.trim().toLowerCase())) return noProvider(version, 'registries/tasks', TASK_VERSIONS);
  if (c === 'connectedregistries') {
    if (!connectedRegistriesServed(version)) return noProvider(version, 'registries/connectedRegistries', CONNECTED_VERSIONS);
    if (sku !== 'Premium') return { status: 400, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { error: { code: 'ConnectedRegistryNotSupported', message: `Connected registries are only supported for Premium SKU. The registry has SKU '${sku}'.` } } };
  }
  return undefined;
}
