// The container client a user chose (--client, acrDoctor.client), read from text. Kept apart from
// ../docker/client-tool.ts (which looks on PATH) so the extension's activation bundle can read the
// setting without the Docker probes.
import type { ClientTool } from './environment';

export const CLIENT_TOOLS: readonly ClientTool[] = ['docker', 'podman', 'containerd'];

/** `from()` for a setting or flag value: a known tool, 'auto'/'' as undefined, anything else an error text. */
export function parseClientTool(raw: string | undefined): { tool?: ClientTool; problem?: string } {
  const v = (raw ?? '').trim().toLowerCase();
  if (!v || v === 'auto') return {};
  if ((CLIENT_TOOLS as readonly string[]).includes(v)) return { tool: v as ClientTool };
  return { problem: `"${String(raw).slice(0, 40)}" is not a container client: use docker, podman or containerd` };
}
