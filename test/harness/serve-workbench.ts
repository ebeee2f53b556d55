// `npm start`'s inside half (scripts/start.mjs runs it in the namespace): the sandbox world and
// code-server with the packaged extension, listening on a unix socket that the host side forwards
// a loopback port to (sockets on the file system cross the network namespace). Stays up until
// SIGINT/SIGTERM, then stops everything it started.
//   node --import tsx test/harness/serve-workbench.ts --scenario mixed --socket /tmp/x/code-server.sock --folder /tmp/x/workspace
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startCodeServer } from './code-server';
import { vsixPath } from './paths';
import { startSandboxWorld } from './world';

export const READY_MARKER = 'ACR_DOCTOR_WORKBENCH_READY';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'mixed' }, socket: { type: 'string' }, folder: { type: 'string' } } });
  if (!values.socket || !values.folder) throw new Error('usage: serve-workbench.ts --scenario <name> --socket <path> --folder <dir>');
  if (!fs.existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run npm run package`);

  const cleanups: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(`cleanup: ${e}`));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    console.log(`starting the sandbox world (scenario ${values.scenario}) …`);
    const world = await startSandboxWorld(values.scenario);
    cleanups.push(() => world.stop());
    fs.mkdirSync(values.folder, { recursive: true });
    fs.writeFileSync(path.join(values.folder, 'Dockerfile'), `FROM ${world.loginServer}/hello-world:latest\n`);
    console.log('starting code-server with the extension …');
    const server = await startCodeServer({ folder: values.folder, env: world.clientEnv(), install: [vsixPath], socket: values.socket, logName: 'code-server-start' });
    cleanups.push(() => server.stop());
    console.log(`scenario ${world.scenario.name}: ${world.scenario.description}`);
    console.log(`${READY_MARKER} ${server.logFile}`);
  } catch (error) {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

void main();
