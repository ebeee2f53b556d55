// Fill a cause's fix templates with the run's names. A fix whose placeholders cannot all be
// filled is left out rather than shown with "{clientIp}" in it, and so is one whose host or
// address value fails its pattern; command values are shell-quoted (fix-values.ts).
import type { Cause, FixTemplate, ResolvedFix } from '../catalogue/types';
import type { RegistryTarget } from '../registry/target';
import { fillCommand, fixValueValid } from './fix-values';

export const DOCS_BASE = 'https://learn.microsoft.com/azure/container-registry/';

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

export function baseParams(target: RegistryTarget): Record<string, string> {
  return { registry: target.name, loginServer: target.loginServer };
}

export function fillTemplate(text: string, params: Record<string, string>): string | undefined {
  let missing = false;
  const out = text.replace(PLACEHOLDER, (_m, key: string) => {
    const v = params[key];
    if (v === undefined || v === '') { missing = true; return ''; }
    return v;
  });
  return missing ? undefined : out;
}

export function resolveFix(t: FixTemplate, params: Record<string, string>): ResolvedFix | undefined {
  if (t.requires?.some((k) => params[k] === undefined || params[k] === '' || !fixValueValid(k, params[k]))) return undefined;
  const fix: ResolvedFix = { kind: t.kind, title: t.title };
  // A page that is a full URL (Docker's proxy docs) is linked as is; others are ACR docs pages.
  if (t.docs) fix.docsUrl = `${/^https:\/\//.test(t.docs.page) ? '' : DOCS_BASE}${t.docs.page}${t.docs.anchor ? `#${t.docs.anchor}` : ''}`;
  if (t.command !== undefined) {
    const cmd = fillCommand(t.command, params);
    if (cmd === undefined) return undefined;
    fix.command = cmd;
  }
  if (t.action) fix.action = t.action;
  const used: Record<string, string> = {};
  for (const k of new Set([...(t.requires ?? []), ...[...(t.command ?? '').matchAll(PLACEHOLDER)].map((m) => m[1])])) {
    if (params[k] !== undefined) used[k] = params[k];
  }
  if (Object.keys(used).length) fix.params = used;
  return fix;
}

export function resolveFixes(cause: Cause | undefined, params: Record<string, string>): ResolvedFix[] {
  if (!cause) return [];
  return cause.fixes.map((t) => resolveFix(t, params)).filter((f): f is ResolvedFix => f !== undefined);
}
