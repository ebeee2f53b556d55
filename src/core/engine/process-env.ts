// The one place core reads a process environment (passed in, never process.env directly):
// proxy variables as Docker reads them, DOCKER_CONFIG / DOCKER_HOST, NODE_EXTRA_CA_CERTS, PATH.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DiagnoseEnvironment } from './environment';

function first(env: NodeJS.ProcessEnv, ...names: string[]): string | undefined {
  for (const n of names) { const v = env[n]?.trim(); if (v) return v; }
  return undefined;
}

export interface ProcessEnvOptions {
  resolve?: Record<string, string>;
  repository?: string;
  pullTest?: boolean;
  home?: string;
  /**
   * NODE_EXTRA_CA_CERTS is already in Node's default trust (a plain node process reads it at
   * start-up; VS Code's extension host does not honour it for requests): then it is not passed on
   * as extra CAs, which would give every connection a custom CA list to build (~140 roots parsed).
   */
  nodeTrustsExtraCa?: boolean;
}

export interface ProcessEnvResult {
  env: DiagnoseEnvironment;
  /** Problems reading the environment (e.g. an unreadable NODE_EXTRA_CA_CERTS file). */
  warnings: string[];
}

export function environmentFromProcess(penv: NodeJS.ProcessEnv, opts: ProcessEnvOptions = {}): ProcessEnvResult {
  const warnings: string[] = [];
  const extraCaPem: string[] = [];
  const caFile = first(penv, 'NODE_EXTRA_CA_CERTS');
  if (caFile && !opts.nodeTrustsExtraCa) {
    try { extraCaPem.push(readFileSync(caFile, 'utf8')); } catch (e) { warnings.push(`NODE_EXTRA_CA_CERTS (${caFile}) cannot be read: ${(e as NodeJS.ErrnoException).code ?? e}`); }
  }
  const env: DiagnoseEnvironment = {
    proxy: {
      httpsProxy: first(penv, 'HTTPS_PROXY', 'https_proxy'),
      httpProxy: first(penv, 'HTTP_PROXY', 'http_proxy'),
      noProxy: first(penv, 'NO_PROXY', 'no_proxy'),
    },
    dockerConfigDir: first(penv, 'DOCKER_CONFIG') ?? join(opts.home ?? homedir(), '.docker'),
    dockerHost: first(penv, 'DOCKER_HOST'),
    searchPath: penv.PATH,
    extraCaPem: extraCaPem.length ? extraCaPem : undefined,
    resolve: opts.resolve && Object.keys(opts.resolve).length ? opts.resolve : undefined,
    repository: opts.repository,
    pullTest: opts.pullTest,
    now: () => new Date(),
  };
  return { env, warnings };
}
