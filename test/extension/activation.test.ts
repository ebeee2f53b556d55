// The extension as VS Code sees it: it activates, every contributed command has a handler (and
// every registered acrDoctor.* command is contributed), the Container Registries view is declared.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { commands } from '../../src/vscode/commands';

const EXTENSION_ID = 'acr-doctor.acr-doctor';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    views: Record<string, { id: string; name: string; when?: string }[]>;
    viewsContainers: { activitybar: { id: string }[] };
  };
}

describe('extension activation', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not loaded`);
    extension = found;
    await extension.activate();
  });

  it('activates', () => {
    assert.equal(extension.isActive, true);
  });

  it('registers a handler for every contributed command and contributes every registered one', async () => {
    const manifest = extension.packageJSON as Manifest;
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('acrDoctor.')).sort();
    assert.ok(contributed.length > 0, 'no commands contributed');
    const missingHandlers = contributed.filter((id) => !registered.includes(id));
    assert.deepEqual(missingHandlers, [], 'contributed commands without a handler');
    // View commands VS Code generates itself (acrDoctor.registries.focus, …) are not ours to declare.
    const generated = /^acrDoctor\.registries(InAzure)?\.|^workbench\./;
    const undeclared = registered.filter((id) => !contributed.includes(id) && !generated.test(id));
    assert.deepEqual(undeclared, [], 'registered commands missing from package.json');
  });

  // Activation registers a stand-in per contributed command; the handler behind it comes from the table.
  it('has a handler in the command table for every contributed command and no handler without one', () => {
    const contributed = (extension.packageJSON as Manifest).contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(commands.map((c) => c.id as string).sort(), contributed);
  });

  it('puts every command in the "ACR Doctor" category', () => {
    const manifest = extension.packageJSON as Manifest;
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'ACR Doctor', c.command);
  });

  it('contributes the Container Registries view to its own container and to the Azure one', async () => {
    const { views, viewsContainers } = (extension.packageJSON as Manifest).contributes;
    assert.ok(viewsContainers.activitybar.some((c) => c.id === 'acrDoctor'));
    assert.equal(views.acrDoctor?.find((v) => v.id === 'acrDoctor.registries')?.name, 'Container Registries');
    assert.equal(views.azure?.find((v) => v.id === 'acrDoctor.registriesInAzure')?.name, 'Container Registries');
    // Azure Resources is not installed here, so the view must be in our own container and openable.
    await vscode.commands.executeCommand('acrDoctor.registries.focus');
  });
});
