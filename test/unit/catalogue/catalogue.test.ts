import { strict as assert } from 'node:assert';
import { CAUSE_IDS } from '../../../src/core/catalogue/index';
import { allCauses, getCause, docsUrl, localizeDocsUrl, localize, localeFrom } from '../../../src/core/catalogue/index';
import { NETWORK_CAUSES } from '../../../src/core/catalogue/network-causes';
import { DOCS_ANCHORS, NETWORK_PAGE } from '../../../src/core/catalogue/sections';
import { resolveFixes, baseParams } from '../../../src/core/engine/fixes';
import { parseRegistryInput } from '../../../src/core/registry/target';

const NETWORK_IDS = CAUSE_IDS.filter((id) => id.startsWith('network.') || id === 'registry.cmk-identity-broken');
const CONNECTIVITY_CODES = ['CONNECTIVITY_DNS_ERROR', 'CONNECTIVITY_FORBIDDEN_ERROR', 'CONNECTIVITY_CHALLENGE_ERROR', 'CONNECTIVITY_AAD_LOGIN_ERROR', 'CONNECTIVITY_SSL_ERROR', 'CONNECTIVITY_TOOMANYREQUESTS_ERROR'];

describe('catalogue', () => {
  it('has a record for every network cause id, and only known ids', () => {
    for (const id of NETWORK_IDS) assert.ok(getCause(id), `missing record for ${id}`);
    for (const c of NETWORK_CAUSES) assert.ok((CAUSE_IDS as readonly string[]).includes(c.id), `unknown id ${c.id}`);
  });

  it('has no duplicate ids across the merged table', () => {
    const ids = allCauses().map((c) => c.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  it('covers every connectivity code of check-health that is not a token flow', () => {
    for (const code of CONNECTIVITY_CODES) assert.ok(allCauses().some((c) => c.checkHealthCode === code), code);
  });

  for (const c of NETWORK_CAUSES) {
    it(`${c.id}: English and Dutch text, valid anchors, fixes`, () => {
      for (const t of [c.title, c.explanation, c.sectionTitle]) {
        assert.ok(t.en.trim().length > 10 && t.nl.trim().length > 10, 'en + nl present');
        assert.notEqual(t.en, t.nl, 'Dutch is translated');
      }
      assert.ok(DOCS_ANCHORS[c.docs.page]?.includes(c.docs.anchor), `anchor ${c.docs.page}#${c.docs.anchor}`);
      if (c.seed === 'troubleshoot-network') assert.equal(c.docs.page, NETWORK_PAGE);
      assert.equal(c.section, c.docs.anchor);
      assert.ok(c.fixes.length > 0);
      for (const f of c.fixes) {
        assert.ok(f.title.en && f.title.nl);
        if (f.kind === 'openDocs') {
          assert.ok(f.docs);
          if (!/^https:/.test(f.docs.page)) assert.ok(DOCS_ANCHORS[f.docs.page]?.includes(f.docs.anchor), `fix anchor ${f.docs.page}#${f.docs.anchor}`);
        } else {
          assert.ok(f.command, `${f.kind} has a command`);
        }
        if (f.kind === 'changeAzureSetting') assert.ok(f.action);
      }
      if (c.checkHealthCode && DOCS_ANCHORS['container-registry-health-error-reference'].includes(c.checkHealthCode.toLowerCase())) {
        assert.ok(c.fixes.some((f) => f.docs?.anchor === c.checkHealthCode!.toLowerCase()), 'links its check-health anchor');
      }
      for (const s of c.symptoms) assert.equal(s, s.toLowerCase(), 'symptoms are lower-case');
    });
  }

  it('links registry.cmk-identity-broken to the CMK_ERROR section of the check-health error reference', () => {
    const c = getCause('registry.cmk-identity-broken')!;
    assert.deepEqual(c.docs, { page: 'container-registry-health-error-reference', anchor: 'cmk_error' });
    assert.equal(docsUrl(c, 'nl'), 'https://learn.microsoft.com/nl-nl/azure/container-registry/container-registry-health-error-reference#cmk_error');
    assert.ok(c.fixes.some((f) => f.docs?.anchor === 'cmk_error'));
  });

  it('fills fix commands and leaves out fixes missing a param', () => {
    const t = parseRegistryInput('contoso');
    const fixes = resolveFixes(getCause('network.ip-rule-excludes-client'), { ...baseParams(t), clientIp: '192.0.2.1' });
    assert.ok(fixes.some((f) => f.command === 'az acr network-rule add --name contoso --ip-address 192.0.2.1'));
    const without = resolveFixes(getCause('network.ip-rule-excludes-client'), baseParams(t));
    assert.ok(!without.some((f) => f.command?.includes('network-rule')));
    assert.ok(without.every((f) => !f.command?.includes('{')));
  });

  it('anonymous pull: a stored credential blocking it is fixed by docker logout; no credential and anonymous pull off by logging in or enabling it', () => {
    const t = parseRegistryInput('contoso');
    const blocked = resolveFixes(getCause('credentials.anonymous-pull-blocked'), { ...baseParams(t), clientDocker: 'docker' });
    assert.equal(blocked[0].command, 'docker logout contoso.azurecr.io');
    assert.match(getCause('credentials.anonymous-pull-blocked')!.explanation.nl, /anonieme pull-toegang.*docker logout/);
    const disabled = resolveFixes(getCause('credentials.anonymous-pull-disabled'), baseParams(t)).map((f) => f.command);
    assert.ok(disabled.includes('az acr login --name contoso'), disabled.join(' | '));
    assert.ok(disabled.includes('az acr update --name contoso --anonymous-pull-enabled'), disabled.join(' | '));
    assert.ok(!disabled.some((c) => c?.startsWith('docker logout')), 'there is nothing to log out of');
  });

  it('a stored credential is logged out with the client in use: docker, nerdctl (Docker\'s config.json) or podman (its auth.json), never another\'s', () => {
    const t = parseRegistryInput('contoso');
    for (const id of ['credentials.anonymous-pull-blocked', 'credentials.stale-docker-credential'] as const) {
      const cmds = (p: Record<string, string>) => resolveFixes(getCause(id), { ...baseParams(t), ...p }).filter((f) => /logout|login/.test(f.command ?? ''));
      const docker = cmds({ clientDocker: 'docker' });
      assert.deepEqual(docker.filter((f) => f.command!.includes('logout')).map((f) => [f.action, f.command]), [['docker.logout', 'docker logout contoso.azurecr.io']], id);
      const nerdctl = cmds({ clientNerdctl: 'nerdctl', clientTokenLogin: 'nerdctl' });
      assert.deepEqual(nerdctl.filter((f) => f.command!.includes('logout')).map((f) => [f.action, f.command]), [['docker.logout', 'nerdctl logout contoso.azurecr.io']], id);
      assert.ok(nerdctl.every((f) => !/docker (logout|login)|podman/.test(f.command!)), id);
      const podman = cmds({ clientPodman: 'podman', clientTokenLogin: 'podman', podmanAuthFile: '/home/u/.config/containers/auth.json' });
      assert.deepEqual(podman.filter((f) => f.command!.includes('logout')).map((f) => [f.kind, f.action, f.command]), [
        ['runCommand', 'podman.logout', 'podman logout --authfile /home/u/.config/containers/auth.json contoso.azurecr.io'],
        ['copyCommand', undefined, 'podman logout contoso.azurecr.io'],
      ], id);
      assert.ok(podman.every((f) => !/docker (logout|login)|nerdctl/.test(f.command!)), id);
    }
    const relogin = resolveFixes(getCause('credentials.stale-docker-credential'), { ...baseParams(t), clientPodman: 'podman', clientTokenLogin: 'podman' }).map((f) => f.command);
    assert.ok(relogin.some((c) => c?.endsWith('| podman login contoso.azurecr.io --username 00000000-0000-0000-0000-000000000000 --password-stdin')), relogin.join(' | '));
  });

  it('podman\'s and containerd\'s causes link their own docs, not the seed\'s "Check Docker configuration"', () => {
    const own: Record<string, RegExp> = {
      'client.podman-registry-redirected': /^https:\/\/github\.com\/containers\/image\/blob\/main\/docs\/containers-registries\.conf\.5\.md$/,
      'client.podman-config-malformed': /containers-auth\.json\.5\.md$/,
      'client.containerd-hosts-redirected': /^https:\/\/github\.com\/containerd\/containerd\/blob\/main\/docs\/hosts\.md$/,
      'client.containerd-unreachable': /containerd\/blob\/main\/docs\/getting-started\.md$/,
    };
    for (const [id, url] of Object.entries(own)) {
      const c = getCause(id)!;
      assert.match(docsUrl(c, 'nl'), url, id);
      assert.doesNotMatch(c.sectionTitle.en, /Docker/, id);
      assert.match(c.sectionTitle.nl, /documentatie/, id);
      assert.ok(!c.fixes.some((f) => f.docs?.anchor === 'check-docker-configuration'), `${id} links the Docker section`);
    }
  });

  it('builds docs URLs per locale', () => {
    const c = getCause('network.public-access-disabled')!;
    assert.equal(docsUrl(c, 'nl'), 'https://learn.microsoft.com/nl-nl/azure/container-registry/container-registry-troubleshoot-access#configure-public-access-to-registry');
    assert.equal(docsUrl(c), 'https://learn.microsoft.com/azure/container-registry/container-registry-troubleshoot-access#configure-public-access-to-registry');
    assert.equal(localizeDocsUrl('https://learn.microsoft.com/azure/container-registry/x#y', 'nl-BE'), 'https://learn.microsoft.com/nl-nl/azure/container-registry/x#y');
    assert.equal(localizeDocsUrl('https://docs.docker.com/x', 'nl'), 'https://docs.docker.com/x');
    assert.equal(localeFrom('nl_NL.UTF-8'), 'nl');
    assert.equal(localeFrom('en_US'), 'en');
    assert.equal(localeFrom(undefined), 'en');
    assert.equal(localize({ en: 'ip {clientIp} {x}', nl: '' }, 'en', { clientIp: '1.2.3.4' }), 'ip 1.2.3.4 …');
  });
});
