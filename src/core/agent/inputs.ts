// The tools' inputs as a model sends them: anything at all. Each is checked before anything runs,
// and a wrong one gets an error naming the field and what to send instead.
import { OPERATIONS, parseRegistryAndImage, type Operation, type RegistryAndImage } from '../registry/image-reference';

export class AgentInputError extends Error {
  constructor(message: string) { super(message); this.name = 'AgentInputError'; }
}

/** Identities an agent may pick: both use what this machine already holds, never a secret from the model. */
export const AGENT_IDENTITIES = ['azure', 'docker'] as const;
export type AgentIdentity = (typeof AGENT_IDENTITIES)[number];

export interface DiagnoseInput {
  target: RegistryAndImage;
  /** The registry (and image) as the model gave it, trimmed. */
  reference: string;
  operation?: Operation;
  identity?: AgentIdentity;
}

const MAX_TEXT = 64 * 1024;

function asRecord(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new AgentInputError('The input must be an object, e.g. {"registry": "contoso.azurecr.io/app:1.4", "operation": "pull"}.');
  return input as Record<string, unknown>;
}

export function diagnoseInput(input: unknown): DiagnoseInput {
  const o = asRecord(input);
  const known = new Set(['registry', 'operation', 'identity']);
  const extra = Object.keys(o).filter((k) => !known.has(k));
  if (extra.length) throw new AgentInputError(`Unknown field ${extra.map((k) => `"${k.slice(0, 40)}"`).join(', ')}: send registry, and optionally operation (login, pull, push) and identity (azure, docker). Secrets are never taken from a tool call.`);
  if (typeof o.registry !== 'string' || !o.registry.trim()) throw new AgentInputError('"registry" is required: a registry (contoso or contoso.azurecr.io) or an image (contoso.azurecr.io/app:1.4).');
  if (o.registry.length > 600) throw new AgentInputError('"registry" is too long: give a registry or an image reference.');
  const reference = o.registry.trim();
  const target = parseRegistryAndImage(reference);
  let operation: Operation | undefined;
  if (o.operation !== undefined) {
    if (typeof o.operation !== 'string' || !(OPERATIONS as readonly string[]).includes(o.operation)) throw new AgentInputError(`"operation" is one of ${OPERATIONS.join(', ')}.`);
    operation = o.operation as Operation;
  }
  if ((operation === 'pull' || operation === 'push') && !target.image) throw new AgentInputError(`To diagnose a ${operation}, name the image: e.g. ${target.registry.loginServer}/app:1.4.`);
  let identity: AgentIdentity | undefined;
  if (o.identity !== undefined) {
    if (typeof o.identity !== 'string' || !(AGENT_IDENTITIES as readonly string[]).includes(o.identity)) throw new AgentInputError(`"identity" is azure (the signed-in account) or docker (Docker's stored login); other identities need a secret, which a tool never takes: use the report or the CLI.`);
    identity = o.identity as AgentIdentity;
  }
  return { target, reference, operation, identity };
}

export function explainInput(input: unknown): string {
  const o = asRecord(input);
  if (typeof o.text !== 'string' || !o.text.trim()) throw new AgentInputError('"text" is required: the error text as the tool printed it.');
  return o.text.slice(0, MAX_TEXT);
}
