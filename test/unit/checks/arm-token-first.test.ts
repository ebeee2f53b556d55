// net.arm asks Entra for its token before it opens the ARM preconnections: the token heads every
// ARM chain, and its handshake queued behind ten ARM handshakes (at the client and at the server)
// when the preconnections went out first.
import { strict as assert } from 'node:assert';
import type { TokenCredential } from '@azure/core-auth';
import { defaultState } from '../../../sandbox/arm/state';
import { startFixture, type Fixture } from '../azure/simulator-fixture';
import { loadNetworkArmFacts } from '../../../src/core/checks/network/arm-source';
import { wrapsCredential } from '../../../src/core/azure/connection';
import { runScopedCredential } from '../../../src/core/engine/run-credential';
import { parseRegistryInput } from '../../../src/core/registry/target';

describe('net.arm: the Entra token before the ARM preconnections', function () {
  this.timeout(30_000);
  let f: Fixture;
  beforeEach(async () => { f = await startFixture(defaultState()); });
  afterEach(() => f.stop());

  it('the first connection the simulator accepts carries the token request, not an ARM preconnection', async () => {
    const accepted: object[] = [];
    const firstRequest = new Map<object, string>();
    f.sim.server.on('secureConnection', (s: object) => { accepted.push(s); });
    f.sim.server.prependListener('request', (req: { url?: string; socket: object }) => {
      if (!firstRequest.has(req.socket)) firstRequest.set(req.socket, req.url ?? '');
    });
    const signal = AbortSignal.timeout(20_000);
    const credential: TokenCredential = wrapsCredential(runScopedCredential(f.azure.credential, signal), f.azure.credential);
    const facts = await loadNetworkArmFacts({ ...f.azure, credential }, parseRegistryInput('contoso.azurecr.io'), f.azure.extraCaPem, signal);
    assert.equal(facts?.name, 'contoso');
    assert.ok(accepted.length > 1, 'Entra and ARM connections');
    assert.match(firstRequest.get(accepted[0]) ?? '', /openid-configuration|\/oauth2\//, 'the first connection is the token request\'s');
  });
});
