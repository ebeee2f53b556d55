import { strict as assert } from 'node:assert';
import { parseRegistryInput, RegistryInputError } from '../../../src/core/registry/target';

describe('registry name or login server', () => {
  it('normalises a resource name and a login server to the lower-case FQDN', () => {
    assert.equal(parseRegistryInput('contoso').loginServer, 'contoso.azurecr.io');
    assert.equal(parseRegistryInput('Contoso.AzureCR.io').loginServer, 'contoso.azurecr.io');
    assert.equal(parseRegistryInput('contoso.azurecr.cn').loginServer, 'contoso.azurecr.cn');
  });

  it('names the problem of a bad name: an empty part between dots, a foreign domain', () => {
    const why = (raw: string) => { try { parseRegistryInput(raw); } catch (e) { assert.ok(e instanceof RegistryInputError); return (e as Error).message; } return 'accepted'; };
    assert.match(why('contoso..azurecr.io'), /empty part between dots/);
    assert.match(why('contoso.example.com'), /"example\.com" is not an Azure Container Registry domain/);
  });

  it('reads a login server with a domain name label hash (contoso-<hash>.azurecr.io): the resource name is the part before the hash', () => {
    const t = parseRegistryInput('ContosoApp-e7ggejfuhzhgedc8.azurecr.io');
    assert.equal(t.loginServer, 'contosoapp-e7ggejfuhzhgedc8.azurecr.io');
    assert.equal(t.name, 'contosoapp');
    assert.deepEqual(t.inputIssues, ['upperCase']);
    assert.throws(() => parseRegistryInput('contoso-app'), RegistryInputError, 'a resource name has no dash');
    assert.throws(() => parseRegistryInput('con-x.azurecr.io'), RegistryInputError, 'the part before the hash is still a resource name');
  });
});
