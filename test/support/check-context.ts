// The one way tests build a CheckContext: what the runner would hand a check, from plain data.
// Other checks' outcomes are given by check id (`data`, `findings`); `settled` answers at once with
// what is given, `shared` runs each key's work once, as the runner does.
import { checkKey, type Check, type CheckContext, type CheckKey, type CheckStatus, type Finding } from '../../src/core/engine/types';
import type { DiagnoseEnvironment } from '../../src/core/engine/environment';
import type { KeepAlivePool } from '../../src/core/net/keep-alive';
import { parseRegistryInput, type RegistryTarget } from '../../src/core/registry/target';

export interface TestContextOptions {
  /** The registry (text as a user types it, or a parsed target); default contoso.azurecr.io. */
  target?: RegistryTarget | string;
  /** Merged over a quiet environment: no proxy, no Docker config, a fixed clock. */
  env?: Partial<DiagnoseEnvironment>;
  /** Outcome data of other checks, by check id. */
  data?: Record<string, unknown>;
  /** Findings of other checks, by check id: a status alone, or the fields that matter. */
  findings?: Record<string, CheckStatus | Partial<Finding>>;
  /** Results of once-per-run work (`ctx.shared`) already there, by key (e.g. the daemon's info). */
  shared?: Record<string, unknown>;
  signal?: AbortSignal;
  connections?: KeepAlivePool;
}

export const TEST_NOW = new Date('2026-11-25T12:00:00Z');

/** A finding as another check would have reported it. */
export function testFinding(checkId: string, f: CheckStatus | Partial<Finding>): Finding {
  const given = typeof f === 'string' ? { status: f } : f;
  return { checkId, area: 'network', title: checkId, status: 'pass', message: '', evidence: {}, fixes: [], startedMs: 0, durationMs: 0, ...given };
}

export interface TestContext extends CheckContext {
  /** The keys `shared` was asked for, in order (each key's work ran once). */
  readonly sharedKeys: string[];
}

export function testContext(o: TestContextOptions = {}): TestContext {
  const target = typeof o.target === 'object' ? o.target : parseRegistryInput(o.target ?? 'contoso.azurecr.io');
  const env: DiagnoseEnvironment = { proxy: {}, dockerConfigDir: '/nonexistent', now: () => TEST_NOW, ...o.env };
  const findings = new Map(Object.entries(o.findings ?? {}).map(([id, f]) => [id, testFinding(id, f)]));
  const data = o.data ?? {};
  const work = new Map<string, Promise<unknown>>(Object.entries(o.shared ?? {}).map(([k, v]) => [k, Promise.resolve(v)]));
  const sharedKeys: string[] = [];
  const signal = o.signal ?? new AbortController().signal;
  return {
    target, env, signal, connections: o.connections, sharedKeys,
    data: <T>(key: CheckKey<T>) => data[key] as T | undefined,
    finding: (key: CheckKey) => findings.get(key),
    settled: (key: CheckKey) => Promise.resolve(findings.get(key)),
    shared: <T>(key: string, make: (s: AbortSignal) => Promise<T>): Promise<T> => {
      sharedKeys.push(key);
      if (!work.has(key)) work.set(key, make(signal));
      return work.get(key) as Promise<T>;
    },
  };
}

/** A check's fields as an engine test writes them: ids as plain strings. */
export type TestCheckFields = Partial<Omit<Check, 'id' | 'needs' | 'after' | 'awaits'>> & { needs?: readonly string[]; after?: readonly string[]; awaits?: readonly string[] };

/** A made-up check for engine tests (the real ones use their keys). */
export function testCheck(id: string, run: Check['run'], f: TestCheckFields = {}): Check {
  const keys = (ids?: readonly string[]) => ids?.map((x) => checkKey(x));
  return { area: 'network', title: id, timeoutMs: 2000, ...f, id: checkKey(id), needs: keys(f.needs) ?? [], after: keys(f.after), awaits: keys(f.awaits), run };
}
