// One world for all sandbox suites of a mocha run (startup costs seconds): the first suite starts
// it, each suite applies its scenarios, a root-level `after` hook stops it once at the end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startWorld, type SandboxWorld } from '../../../sandbox/world';
import { docker, dockerLogin } from './run';

let world: Promise<SandboxWorld> | undefined;
let seeded = false;

export function getWorld(): Promise<SandboxWorld> {
  world ??= startWorld({ scenario: 'healthy' });
  return world;
}

/** The shared world with `contoso.azurecr.io/hello:v1` pushed (and not in dockerd's image store). */
export async function getSeededWorld(): Promise<SandboxWorld> {
  const w = await getWorld();
  if (!seeded) {
    await w.apply('healthy');
    const env = w.clientEnv();
    const login = await dockerLogin(env, w.loginServer, w.azure.clientId, w.azure.clientSecret);
    if (login.code !== 0) throw new Error(`seeding: docker login failed: ${login.out}`);
    const dir = fs.mkdtempSync(path.join(w.dir, 'seed-'));
    fs.writeFileSync(path.join(dir, 'hello.txt'), 'hello from the sandbox\n');
    execFileSync('tar', ['-C', dir, '-cf', path.join(dir, 'hello.tar'), 'hello.txt']);
    for (const args of [['import', path.join(dir, 'hello.tar'), `${w.loginServer}/hello:v1`], ['push', `${w.loginServer}/hello:v1`], ['rmi', `${w.loginServer}/hello:v1`]]) {
      const r = await docker(env, args);
      if (r.code !== 0) throw new Error(`seeding: docker ${args[0]} failed: ${r.out}`);
    }
    seeded = true;
  }
  return w;
}

/** Stop the shared world now (a suite that starts its own world must not overlap with it). */
export async function stopSharedWorld(): Promise<void> {
  if (!world) return;
  const w = world; world = undefined; seeded = false;
  await (await w).stop();
}

after(async function () {
  this.timeout(180000); // stopping dockerd after the chaos tests killed and restarted it can take a while on a loaded machine
  await stopSharedWorld();
});
