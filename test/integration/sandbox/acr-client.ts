// Plain-HTTP views of the ACR token protocol through curl (what a user can type), used to show a
// scenario's fault without the docker daemon's retries and timeouts.
import type { SandboxWorld } from '../../../sandbox/world';
import { curl } from './run';

export interface HttpReply { status: number; body: string; json?: Record<string, unknown>; curlCode: number | null; err: string }

export async function http(w: SandboxWorld, args: string[], env = w.clientEnv()): Promise<HttpReply> {
  const r = await curl(env, ['--max-time', '5', '-w', '\n%{http_code}', ...args]);
  const i = r.stdout.lastIndexOf('\n');
  const body = r.stdout.slice(0, i);
  let json: Record<string, unknown> | undefined;
  try { json = JSON.parse(body); } catch { /* not JSON */ }
  return { status: Number(r.stdout.slice(i + 1)) || 0, body, json, curlCode: r.code, err: r.stderr };
}

export async function aadToken(w: SandboxWorld, resource: string, secret = w.azure.clientSecret): Promise<HttpReply> {
  return http(w, ['-X', 'POST', '--data-urlencode', 'grant_type=client_credentials', '--data-urlencode', `client_id=${w.azure.clientId}`,
    '--data-urlencode', `client_secret=${secret}`, '--data-urlencode', `scope=${resource}/.default`,
    `${w.azure.authorityHost}/${w.azure.tenantId}/oauth2/v2.0/token`]);
}

export async function exchange(w: SandboxWorld, aad: string): Promise<HttpReply> {
  return http(w, ['-X', 'POST', '--data-urlencode', 'grant_type=access_token', '--data-urlencode', `service=${w.loginServer}`,
    '--data-urlencode', `tenant=${w.azure.tenantId}`, '--data-urlencode', `access_token=${aad}`, `https://${w.loginServer}/oauth2/exchange`]);
}

export async function refreshGrant(w: SandboxWorld, refresh: string, scope: string): Promise<HttpReply> {
  return http(w, ['-X', 'POST', '--data-urlencode', 'grant_type=refresh_token', '--data-urlencode', `service=${w.loginServer}`,
    '--data-urlencode', `scope=${scope}`, '--data-urlencode', `refresh_token=${refresh}`, `https://${w.loginServer}/oauth2/token`]);
}

export async function basicToken(w: SandboxWorld, user: string, password: string, scope: string): Promise<HttpReply> {
  return http(w, ['-u', `${user}:${password}`, `https://${w.loginServer}/oauth2/token?service=${w.loginServer}&scope=${encodeURIComponent(scope)}`]);
}

export function claims(jwt: unknown): Record<string, unknown> {
  return JSON.parse(Buffer.from(String(jwt).split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** The `access` claim's actions for one repository in a registry access token. */
export function grantedActions(jwt: unknown, repo: string): string[] {
  const access = (claims(jwt).access ?? []) as { type: string; name: string; actions: string[] }[];
  return access.find((a) => a.type === 'repository' && a.name === repo)?.actions ?? [];
}
