// 10 000 registries in 100 subscriptions (the ARM simulator's scale mode): how long the listing the
// tree uses takes, and how many ARM calls it makes, with the real SDK clients against the simulator.
import { addScaleRegistries } from '../sandbox/arm/state';
import type { SandboxWorld } from '../sandbox/world';
import { armAccessFromEnvironment } from '../src/core/azure/credential';
import { listRegistries } from '../src/core/azure/list-registries';
import { fmtMs, type Figure } from './figure';

export async function benchListing(world: SandboxWorld): Promise<Figure[]> {
  await world.apply('healthy');
  addScaleRegistries(world.state);
  const env = { ...world.clientEnv() };
  delete env.AZURE_SUBSCRIPTION_ID; // every subscription the account sees, as the tree lists them
  const access = armAccessFromEnvironment(env, { extraCaPem: [world.caPem] });
  const figures: Figure[] = [];
  for (const pass of ['first (token + listing)', 'again (token cached)']) {
    world.arm.resetCalls();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await listRegistries(access);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const calls = world.arm.armCalls();
    figures.push({
      figure: `list 10 000 registries, ${pass}`,
      value: `${fmtMs(ms)}, ${calls} ARM call${calls === 1 ? '' : 's'}, ${r.registries.length} registries via ${r.source}`,
      goal: '< 2 s, ≤ 3 ARM calls', met: ms < 2000 && calls <= 3 && r.registries.length >= 10_000,
      // The simulator runs in this process: its answering time stands for Azure's servers, and the
      // CPU figure (client + simulator) does not depend on how loaded the machine is.
      note: `of which the simulator answering ${fmtMs(world.arm.busyMs())}; CPU ${fmtMs((cpu.user + cpu.system) / 1000)} (client + simulator)`,
    });
  }
  await world.apply('healthy'); // drop the scale registries again
  return figures;
}
