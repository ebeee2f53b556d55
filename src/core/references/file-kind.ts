// Which kind of file a path is, judged by its name (and, for YAML, a glance at its text),
// so only files that can hold registry references are scanned.
import type { FileKind } from './types';

const DOCKERFILE = /(^|[\\/])(Dockerfile|Containerfile)([.-][^\\/]*)?$|[\\/][^\\/]+\.(dockerfile|containerfile)$/i;
const COMPOSE = /(^|[\\/])(docker-)?compose([.-][^\\/]*)?\.ya?ml$/i;
const WORKFLOW = /(^|[\\/])\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/i;
const YAML = /\.ya?ml$/i;
// A Kubernetes manifest names an apiVersion and a kind at the start of a line.
const K8S_API = /^apiVersion:\s*\S/m;
const K8S_KIND = /^kind:\s*\S/m;

export function fileKindOf(path: string, text = ''): FileKind | undefined {
  if (DOCKERFILE.test(path)) return 'dockerfile';
  if (WORKFLOW.test(path)) return 'workflow';
  if (COMPOSE.test(path)) return 'compose';
  if (YAML.test(path) && K8S_API.test(text) && K8S_KIND.test(text)) return 'kubernetes';
  return undefined;
}
