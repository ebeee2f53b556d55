// Would a push be accepted? With the judged identity's token for pull,push: the repository's and
// tag's lock (ACR's changeableAttributes.writeEnabled), then an upload started and cancelled at
// once (POST /v2/<repo>/blobs/uploads/ → 202, DELETE its Location): nothing is written. A token
// without push is the rights checks' to explain (which role is missing); this one reports what
// refuses a push the token allows: a lock, or the registry refusing the upload.
import type { Check, CheckOutcome, Evidence } from '../../engine/types';
import { changeableAttributes, probeUpload, type RegistryApi } from '../../acr/registry-api';
import { accessClaim, allows, decodeJwt } from '../../acr/jwt';
import { scopeFor } from '../../acr/token-flow';
import { targetImage, targetOperation, targetRepository } from '../../engine/target';
import { identityToken } from '../login/identity-token';
import { LOGIN, NET_CHALLENGE } from '../login/check-ids';
import { acrNet } from '../login/token-requests';
import { IMAGE } from './ids';
import { msg } from '../../text/message';

export const imagePushCheck: Check = {
  id: IMAGE.push,
  area: 'login',
  title: 'The registry accepts a push (an upload started and cancelled)',
  needs: [NET_CHALLENGE],
  awaits: [LOGIN.storedCredential],
  timeoutMs: 6000,
  applies: (_t, env) => targetOperation(env) === 'push' && !!targetRepository(env),
  async run(ctx): Promise<CheckOutcome> {
    const repository = targetRepository(ctx.env)!;
    const tag = targetImage(ctx.env)?.tag;
    const ch = ctx.data(NET_CHALLENGE)!;
    const net = acrNet(ctx);
    const t = await identityToken(ctx, net, ch.realm, scopeFor(repository, ['pull', 'push']));
    const evidence: Evidence = { repository, tag, tokenFrom: t.source };
    if (!t.token) return { status: 'info', evidence, message: msg('No credential of the judged identity could be tried for a push to {repository}; the login checks say why.', { repository }) };
    if (t.standIn) return { status: 'info', evidence, message: msg('The judged identity cannot sign in from this machine, so no upload was tried for it; its rights on {repository} are judged through its role assignments.', { repository }) };
    if (!allows(accessClaim(decodeJwt(t.token)), repository, 'push')) {
      return { status: 'info', evidence, message: msg('The registry\'s token for the judged identity grants no push on {repository}: no upload was tried (the rights checks say which role is missing).', { repository }) };
    }
    const api: RegistryApi = { ...net, token: t.token };
    const fixParams: Record<string, string> = { repository, ...(tag ? { tag } : {}) };
    // The lock first: a tag lock refuses only the manifest, which an upload test never sends.
    const [repoAttr, tagAttr] = await Promise.all([changeableAttributes(api, repository), tag ? changeableAttributes(api, repository, tag) : Promise.resolve(undefined)]);
    if (repoAttr.ok) evidence.repositoryWriteEnabled = repoAttr.attributes.writeEnabled;
    if (tagAttr?.ok) evidence.tagWriteEnabled = tagAttr.attributes.writeEnabled;
    if (repoAttr.ok && repoAttr.attributes.writeEnabled === false) {
      return { status: 'fail', causeId: 'image.locked', evidence, fixParams, message: msg('The repository {repository} is locked: its writeEnabled attribute is false, so the registry refuses every push to it whatever the identity\'s role.', { repository }) };
    }
    if (tagAttr?.ok && tagAttr.attributes.writeEnabled === false) {
      return { status: 'fail', causeId: 'image.locked', evidence, fixParams, message: msg('The tag {repository}:{tag} is locked: its writeEnabled attribute is false, so pushing that tag again is refused (other tags of {repository} may be pushed).', { repository, tag }) };
    }
    const up = await probeUpload(api, repository);
    evidence.upload = `POST → ${up.start.status}${up.start.code ? ` ${up.start.code}` : ''}`;
    // Cancelling needs delete on some registries (distribution asks for it): an upload left open
    // holds no data and is never committed, so nothing is written either way.
    if (up.cancel) evidence.cancel = up.cancel.status < 300 ? `DELETE → ${up.cancel.status}` : `DELETE → ${up.cancel.status} (the token may not cancel it; the empty upload is never committed and expires)`;
    evidence.written = 'nothing (no byte was uploaded, no blob or manifest committed)';
    if (up.start.status === 202) {
      return up.cancel && up.cancel.status < 300
        ? { status: 'pass', evidence, message: msg('The registry accepts a push to {repository}: an upload was started (202) and cancelled ({status}); nothing was written.', { repository, status: up.cancel.status }) }
        : { status: 'pass', evidence, message: msg('The registry accepts a push to {repository}: an upload was started (202); nothing was written.', { repository }) };
    }
    evidence.registrySays = up.start.reason;
    if (up.start.status === 405 && up.start.code === 'DENIED') {
      return { status: 'fail', causeId: 'image.locked', evidence, fixParams, message: msg('The registry refuses uploads to {repository} with 405 DENIED ({reason}): the repository is locked against writes.', { repository, reason: String(up.start.reason) }) };
    }
    return { status: 'fail', causeId: 'image.upload-refused', evidence, fixParams, message: msg('The token grants push on {repository}, yet the registry refuses to start an upload (POST → {status}): {reason}.', { repository, status: up.start.status, reason: String(up.start.reason) }) };
  },
};
