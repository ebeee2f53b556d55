// Resource Graph (the tree's registry listing, findRegistry) is read through the run's own ARM
// pipeline (armRequest), whose redirect handling never takes the bearer token to another origin;
// the older ms-rest-js Resource Graph client kept Authorization on such a redirect.
import { strict as assert } from 'node:assert';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { DEFAULT_IDS } from '../../../sandbox/arm/state';
import { AzureAccessError } from '../../../src/core/azure/errors';
import { listRegistries } from '../../../src/core/azure/list-registries';
import { startFixture, testPki, type Fixture } from './simulator-fixture';

function listen(server: https.Server): Promise<number> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
}

describe('azure: an ARM redirect to another host is not followed with the token', function () {
  this.timeout(60_000);
  let f: Fixture | undefined;
  const servers: https.Server[] = [];
  afterEach(async () => {
    await f?.stop(); f = undefined;
    for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
  });

  for (const status of [301, 302, 307, 308]) {
    it(`Resource Graph answering ${status} to another origin: the other origin gets nothing, the listing says why`, async () => {
      f = await startFixture();
      const pki = testPki();
      const seenElsewhere: (string | undefined)[] = [];
      const elsewhere = https.createServer({ key: pki.keyPem, cert: pki.certPem }, (req, res) => {
        seenElsewhere.push(req.headers.authorization);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: [], count: 0, totalRecords: 0 }));
      });
      const otherPort = await listen(elsewhere);
      let armAuthorization: string | undefined;
      const arm = https.createServer({ key: pki.keyPem, cert: pki.certPem }, (req, res) => {
        armAuthorization = req.headers.authorization;
        res.statusCode = status;
        res.setHeader('location', `https://127.0.0.1:${otherPort}${req.url}`);
        res.end();
      });
      const armPort = await listen(arm);
      servers.push(elsewhere, arm);
      const azure = { ...f.azure, armEndpoint: `https://127.0.0.1:${armPort}`, maxRetries: 0 };
      const r = await listRegistries(azure, { subscriptionIds: [DEFAULT_IDS.subscriptionId] });
      assert.match(String(armAuthorization), /^Bearer \S+/, 'ARM itself got the token');
      assert.deepEqual(seenElsewhere, [], 'the redirect target was never asked, with or without the token');
      assert.ok(r.graphError instanceof AzureAccessError && r.graphError.kind === 'invalid-response', String(r.graphError));
      assert.match(r.graphError.message, new RegExp(`redirected the request to 127\\.0\\.0\\.1:${otherPort}`));
    });
  }
});
