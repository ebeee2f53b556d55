// `acr-doctor mcp`: the diagnose and explain tools over MCP (stdio), for terminal agents and other
// editors. Bundled apart (dist/cli-mcp.js) so the SDK costs nothing to the other commands; the
// diagnosis is the CLI's own (`runCli … --json`, passed in), so both always agree. A tool never
// runs a fix and never takes a secret: it uses the sign-in and Docker login this machine has.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { z } from 'zod/v4';
import { AgentInputError, diagnoseInput, explainInput, type DiagnoseInput } from '../core/agent/inputs';
import { answerFromExplain, answerFromReport, answerMarkdown, type AgentAnswer } from '../core/agent/answer';
import { explainText } from '../core/explain';
import { formatImage } from '../core/registry/image-reference';
import type { Locale } from '../core/catalogue/index';
import type { DiagnosisReport, EngineEvent } from '../core/engine/types';
import { progressNotifier } from './mcp-progress';
import { redact } from '../core/text/redact';

export interface McpDeps {
  /** The CLI in-process: argv → exit code, with stdout and stderr captured. */
  runCli(argv: string[], onEngineEvent?: (event: EngineEvent) => void): Promise<{ code: number; stdout: string; stderr: string }>;
  locale: Locale;
  version: string;
}

/** The CLI arguments of a diagnosis an agent asked for. */
export function diagnoseArgv(input: DiagnoseInput): string[] {
  const { registry, image } = input.target;
  const argv = ['diagnose', image ? `${registry.loginServer}/${formatImage(image)}` : registry.loginServer, '--json'];
  if (input.operation) argv.push('--operation', input.operation);
  if (input.identity) argv.push('--identity', input.identity);
  return argv;
}

type ToolResult = { content: { type: 'text'; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };

function answer(a: AgentAnswer, locale: Locale): ToolResult {
  return { content: [{ type: 'text', text: answerMarkdown(a, locale) }], structuredContent: a as unknown as Record<string, unknown> };
}
function refusal(e: unknown): ToolResult {
  const message = e instanceof Error ? e.message : String(e);
  return { content: [{ type: 'text', text: redact(message) }], isError: true };
}

export function createMcpServer(deps: McpDeps): McpServer {
  const server = new McpServer({ name: 'acr-doctor', version: deps.version });
  server.registerTool('diagnose', {
    title: 'Diagnose an Azure Container Registry',
    description: 'Finds out why this machine cannot log in to, pull from or push to an Azure Container Registry: runs the network and login checks and returns the causes, most likely first, with evidence, commands to copy and docs links. Uses the Azure sign-in or Docker login this machine already has; never runs a fix.',
    inputSchema: {
      registry: z.string().max(600).describe('The registry (contoso, contoso.azurecr.io) or an image in it (contoso.azurecr.io/app:1.4).'),
      operation: z.enum(['login', 'pull', 'push']).optional().describe('What fails: login (default without an image), pull (default with one) or push.'),
      identity: z.enum(['azure', 'docker']).optional().describe("Whose access to check: the signed-in Azure account (default) or Docker's stored login."),
    },
  }, async (args, extra) => {
    try {
      const input = diagnoseInput(args);
      const progress = progressNotifier(extra._meta?.progressToken, (n) => extra.sendNotification(n));
      const r = await deps.runCli(diagnoseArgv(input), progress);
      let report: DiagnosisReport;
      try { report = JSON.parse(r.stdout) as DiagnosisReport; } catch { return refusal(new Error(r.stderr.trim() || `the diagnosis printed no report (exit ${r.code})`)); }
      return answer(answerFromReport(report, deps.locale), deps.locale);
    } catch (e) {
      return refusal(e instanceof AgentInputError || e instanceof Error ? e : new Error(String(e)));
    }
  });
  server.registerTool('explain', {
    title: 'Explain a registry error',
    description: 'Maps an error text from docker, az, helm, containerd or a CI log to the known causes of Azure Container Registry access problems, with explanations, commands and docs links. Contacts nothing.',
    inputSchema: { text: z.string().max(64 * 1024).describe('The error text as the tool printed it.') },
  }, async (args) => {
    try {
      return answer(answerFromExplain(explainText(explainInput(args)), deps.locale), deps.locale);
    } catch (e) {
      return refusal(e);
    }
  });
  return server;
}

/** Serves until the client closes stdin. */
export async function serveMcp(deps: McpDeps, transport: Transport = new StdioServerTransport()): Promise<number> {
  const server = createMcpServer(deps);
  const closed = new Promise<void>((resolve) => { server.server.onclose = () => resolve(); });
  await server.connect(transport);
  await closed;
  return 0;
}
