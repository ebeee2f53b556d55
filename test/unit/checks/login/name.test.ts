import * as assert from 'node:assert/strict';
import { nameCheck } from '../../../../src/core/checks/login/name';
import { NET } from '../../../../src/core/checks/network/ids';
import { testContext } from '../../../support/check-context';

// A registry name no public DNS knows, so only the resolve overrides below answer for it.
const NAME = 'zzacrdoctorunittest';

describe('login.name (the name as typed, and the other clouds\' suffixes when DNS fails)', () => {
  it('warns with name.upper-case for an upper-case login server, suggesting the lower-case one', async () => {
    const out = await nameCheck.run(testContext({ target: 'Contoso.azurecr.io' }));
    assert.equal(out.status, 'warn');
    assert.equal(out.causeId, 'name.upper-case');
    assert.equal(out.fixParams?.suggestedLoginServer, 'contoso.azurecr.io');
  });

  it('passes a lower-case, fully qualified login server', async () => {
    const out = await nameCheck.run(testContext({ target: 'contoso.azurecr.io', findings: { [NET.dns]: 'pass' } }));
    assert.equal(out.status, 'pass');
  });

  it('when the login server does not resolve but the same name resolves in another cloud: name.wrong-cloud-suffix', async () => {
    const out = await nameCheck.run(testContext({
      target: `${NAME}.azurecr.io`, findings: { [NET.dns]: 'fail' }, signal: AbortSignal.timeout(8000),
      env: { resolve: { [`${NAME}.azurecr.us`]: '192.0.2.5' } },
    }));
    assert.equal(out.status, 'warn');
    assert.equal(out.causeId, 'name.wrong-cloud-suffix');
    assert.equal(out.fixParams?.suggestedLoginServer, `${NAME}.azurecr.us`);
    assert.equal(out.fixParams?.cloudName, 'AzureUSGovernment');
  });

  it('does not look at other clouds while DNS works', async () => {
    const out = await nameCheck.run(testContext({
      target: `${NAME}.azurecr.io`, findings: { [NET.dns]: 'pass' }, env: { resolve: { [`${NAME}.azurecr.us`]: '192.0.2.5' } },
    }));
    assert.equal(out.status, 'pass');
  });

  it('a bare resource name is info: it says which login server it stands for', async () => {
    const out = await nameCheck.run(testContext({ target: 'contoso' }));
    assert.equal(out.status, 'info');
    assert.equal(out.evidence?.suggestedLoginServer, 'contoso.azurecr.io');
  });
});
