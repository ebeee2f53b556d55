// What activation reads from the manifest instead of loading the code that implements it: the ids
// of the contributed commands and agent tools, registered as stand-ins (src/extension.ts).

/** The report panel's view type (src/shared/report-protocol.ts REPORT_VIEW_TYPE; a unit test keeps them equal). */
export const REPORT_PANEL_TYPE = 'acrDoctor.report';

/** Names of package.json `contributes[key]` entries (`commands[].command`, `languageModelTools[].name`). */
export function contributed(packageJSON: unknown, key: string, field: string): string[] {
  const list = (packageJSON as { contributes?: Record<string, unknown> } | undefined)?.contributes?.[key];
  return Array.isArray(list) ? list.map((e) => (e as Record<string, unknown> | undefined)?.[field]).filter((v): v is string => typeof v === 'string') : [];
}
