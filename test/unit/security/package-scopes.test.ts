// A repository's .vscode/settings.json must not steer where credentials go: every sign-in setting is
// machine-scoped (VS Code ignores it in workspace and folder settings) and restricted in untrusted
// workspaces, and so is the list of registries a workspace could add.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
};
const props = pkg.contributes.configuration.properties;
const SIGN_IN = ['signIn', 'tenantId', 'clientId', 'authorityHost', 'armEndpoint', 'allowCustomEndpointAudience'].map((k) => `acrDoctor.azure.${k}`);

describe('security: settings a workspace cannot set', () => {
  it('scopes every sign-in setting to the machine (or application)', () => {
    for (const k of SIGN_IN) {
      assert.ok(props[k], `${k} is contributed`);
      assert.ok(props[k].scope === 'machine' || props[k].scope === 'application', `${k} has scope ${props[k].scope ?? '(none: window, so a workspace may set it)'}`);
    }
  });

  it('restricts the sign-in settings and the manual registry list in untrusted workspaces', () => {
    const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const k of [...SIGN_IN, 'acrDoctor.registries.manual']) assert.ok(restricted.includes(k), `${k} is restricted`);
  });
});
