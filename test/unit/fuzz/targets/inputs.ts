// What the user (or a settings file, or another extension) hands us: registry names, the
// Diagnose command's argument, settings values, proxy variables.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseRegistryInput, RegistryInputError } from '../../../../src/core/registry/target';
import { addManualRegistry, readManualRegistries, removeManualRegistry } from '../../../../src/core/registry/manual-registries';
import { decideSignIn } from '../../../../src/vscode/auth/service-principal-config';
import { toRegistryArgument } from '../../../../src/vscode/tree/registry-argument';
import { bypassesProxy, parseProxyUrl, proxyFor } from '../../../../src/core/net/proxy';
import { NetError } from '../../../../src/core/net/errors';
import { expectTypedError, hostileJson, hostileText, mutated, type FuzzTarget } from '../harness';

const LOGIN_SERVER = /^[a-z0-9]{5,50}\.azurecr\.(io|cn|us)$/;

const registryName = fc.oneof(
  hostileText(120),
  mutated(fc.constantFrom('contoso', 'contoso.azurecr.io', 'Contoso.AzureCR.io', 'https://contoso.azurecr.io/v2/', 'contoso.azurecr.cn:443', 'contoso.azurecr.us.')),
  fc.constantFrom('contoso.azurecr.io.evil.test', 'contoso.azurecr.io@evil.test', '../../etc/passwd', '<img src=x onerror=alert(1)>', 'contoso;rm -rf /', '$(id)', 'contoso\u0000.azurecr.io', 'ｃｏｎｔｏｓｏ.azurecr.io', 'contoso.azurecr.io\n'),
);

const settingValue = fc.oneof(hostileJson, hostileText(80), fc.constant(undefined));

export const inputTargets: FuzzTarget<any>[] = [
  {
    name: 'registry name / login server', parser: 'src/core/registry/target.ts parseRegistryInput',
    arbitrary: fc.oneof(registryName, hostileJson),
    check(raw: unknown) {
      let t;
      try { t = parseRegistryInput(raw as string); } catch (e) { expectTypedError(e, RegistryInputError, 'parseRegistryInput'); assert.match((e as Error).message, /contoso/, 'the error shows a valid example'); return; }
      assert.match(t.loginServer, LOGIN_SERVER, `accepted ${JSON.stringify(raw)} as ${t.loginServer}`);
      assert.equal(t.loginServer.split('.')[0], t.name);
      assert.equal(parseRegistryInput(t.loginServer).loginServer, t.loginServer, 'normalising is stable');
    },
  },
  {
    name: 'manual registries setting', parser: 'src/core/registry/manual-registries.ts read/add/removeManualRegistry',
    arbitrary: fc.tuple(fc.oneof(settingValue, fc.array(fc.oneof(registryName, hostileJson), { maxLength: 8 })), registryName),
    check([raw, input]: [unknown, string]) {
      const r = readManualRegistries(raw);
      for (const ls of r.loginServers) assert.match(ls, LOGIN_SERVER);
      assert.equal(new Set(r.loginServers).size, r.loginServers.length, 'no duplicates');
      for (const i of r.invalid) assert.ok(i.reason.length > 5 && i.entry.length <= 200);
      const add = addManualRegistry(raw, input);
      if (add.ok) { assert.match(add.loginServer, LOGIN_SERVER); assert.ok(add.list.every((x) => typeof x === 'string')); }
      else assert.ok(add.message.length > 10);
      assert.ok(removeManualRegistry(raw, input).every((x) => typeof x === 'string'));
    },
  },
  {
    name: 'sign-in settings and environment', parser: 'src/vscode/auth/service-principal-config.ts decideSignIn',
    arbitrary: fc.tuple(
      fc.dictionary(fc.constantFrom('AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_AUTHORITY_HOST', 'ACR_DOCTOR_ARM_ENDPOINT'), fc.option(hostileText(60), { nil: undefined })),
      // Settings come from hand-edited JSON: any JSON type may be there, whatever the schema says.
      fc.record({ signIn: settingValue, tenantId: settingValue, clientId: settingValue, authorityHost: settingValue, armEndpoint: settingValue }, { requiredKeys: [] }),
      fc.option(hostileText(40), { nil: undefined }),
    ),
    check([env, settings, stored]: [Record<string, string | undefined>, any, string | undefined]) {
      const d = decideSignIn(env, settings, stored);
      assert.ok(['vscode', 'servicePrincipal', 'incomplete'].includes(d.mode));
      if (d.mode === 'servicePrincipal') for (const k of ['tenantId', 'clientId', 'clientSecret', 'armEndpoint'] as const) assert.equal(typeof d.config[k], 'string');
      if (d.mode === 'incomplete') assert.ok(d.missing.length > 0);
    },
  },
  {
    name: 'Diagnose command argument', parser: 'src/vscode/tree/registry-argument.ts toRegistryArgument',
    arbitrary: fc.oneof(hostileJson, registryName, fc.record({ loginServer: fc.oneof(registryName, hostileJson), name: hostileJson }, { requiredKeys: [] }),
      fc.record({ wrappedItem: fc.record({ baseUrl: fc.oneof(hostileText(60), fc.record({ authority: hostileJson }), hostileJson), label: hostileJson, subscription: hostileJson, id: hostileJson }, { requiredKeys: [] }) })),
    check(arg: unknown) {
      const r = toRegistryArgument(arg);
      if (r) { assert.equal(typeof r.loginServer, 'string'); assert.equal(typeof r.name, 'string'); }
    },
  },
  {
    name: 'proxy variables (HTTPS_PROXY / NO_PROXY)', parser: 'src/core/net/proxy.ts parseProxyUrl, bypassesProxy, proxyFor',
    arbitrary: fc.tuple(
      fc.oneof(hostileText(80), mutated(fc.constantFrom('http://192.0.2.50:8888', 'http://user:p%40ss@proxy:3128', '192.0.2.51:8888', 'socks5://h:1080', 'https://[::1]:443'))),
      fc.oneof(hostileText(120), mutated(fc.constantFrom('*', '.azurecr.io,192.0.2.0/24', 'contoso.azurecr.io:443,localhost', '::1/128'))),
    ),
    check([proxy, noProxy]: [string, string]) {
      try {
        const p = parseProxyUrl(proxy);
        if (p) { assert.ok(Number.isInteger(p.port) && p.port >= 0 && p.port <= 65535); assert.ok(!p.display.includes(':p%40ss@') && !/\/\/[^*@/]+:[^@/]+@/.test(p.display), 'the password is hidden'); }
      } catch (e) { expectTypedError(e, NetError, 'parseProxyUrl'); }
      assert.equal(typeof bypassesProxy('contoso.azurecr.io', 443, noProxy), 'boolean');
      try { proxyFor('contoso.azurecr.io', 443, { httpsProxy: proxy, noProxy }); } catch (e) { expectTypedError(e, NetError, 'proxyFor'); }
    },
  },
];
