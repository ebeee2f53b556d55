// Does the named image exist? GET its manifest with the judged identity's pull token: 404 is
// either the repository (NAME_UNKNOWN: the tag list says so too) or the tag / digest
// (MANIFEST_UNKNOWN) — the most common reason behind `manifest unknown` and behind a misleading
// `unauthorized: authentication required`. A missing tag comes with the nearest existing tags
// (when the identity may list them), and a missing `:latest` is named as such.
import type { Check, CheckContext, CheckOutcome } from '../../engine/types';
import { getManifest, listTags, type ManifestAnswer, type RegistryApi } from '../../acr/registry-api';
import { scopeFor } from '../../acr/token-flow';
import { targetImage } from '../../engine/target';
import { formatImage, type ImageReference } from '../../registry/image-reference';
import { identityToken } from '../login/identity-token';
import { LOGIN, NET_CHALLENGE } from '../login/check-ids';
import { acrNet } from '../login/token-requests';
import { nearestTags } from './near-tags';
import { IMAGE } from './ids';
import { msg } from '../../text/message';

export interface ImageManifestData {
  image: ImageReference;
  /** What was looked up: the tag, the digest, or 'latest' when neither was given. */
  reference: string;
  manifest: ManifestAnswer;
  /** The token that read it (for the blob and platform checks of the same run; never shown). */
  token: string;
  tokenSource: string;
}

export const imageManifestCheck: Check = {
  id: IMAGE.manifest,
  area: 'login',
  title: 'The image exists in the registry',
  needs: [NET_CHALLENGE],
  awaits: [LOGIN.storedCredential],
  timeoutMs: 6000,
  applies: (_t, env) => !!env.image,
  async run(ctx): Promise<CheckOutcome<ImageManifestData>> {
    const image = targetImage(ctx.env)!;
    const reference = image.digest ?? image.tag ?? 'latest';
    const shown = `${ctx.target.loginServer}/${formatImage(image)}`;
    const ch = ctx.data(NET_CHALLENGE)!;
    const net = acrNet(ctx);
    const t = await identityToken(ctx, net, ch.realm, scopeFor(image.repository, ['pull']));
    const evidence: Record<string, string | number | boolean | undefined> = { image: shown, reference, tokenFrom: t.source, standIn: t.standIn || undefined };
    if (!t.token) return { status: 'info', evidence, message: msg('No credential of the judged identity could read {shown}; the login checks say why.', { shown }) };
    const api: RegistryApi = { ...net, token: t.token };
    const m = await getManifest(api, image.repository, reference);
    if (m.ok) {
      const data: ImageManifestData = { image, reference, manifest: m, token: t.token, tokenSource: t.source };
      const ev = { ...evidence, digest: m.digest, mediaType: m.mediaType };
      return m.entries
        ? { status: 'pass', data, evidence: ev, message: msg('{shown} exists: an index of {n} platform(s).', { shown, n: m.entries.length }) }
        : { status: 'pass', data, evidence: ev, message: msg('{shown} exists: an image manifest.', { shown }) };
    }
    evidence.status = m.status;
    evidence.registrySays = m.code ? `${m.code}: ${m.reason}` : m.reason;
    if (m.status === 401 || m.status === 403) {
      return { status: 'info', evidence, message: msg('The registry does not let the judged identity read {shown} ({status}); the rights checks say why.', { shown, status: m.status }) };
    }
    if (m.status !== 404) return { status: 'warn', evidence, message: msg('GET manifest of {shown} answered {status}: {reason}.', { shown, status: m.status, reason: m.reason }) };
    return notFound(ctx, api, image, reference, shown, m.code, evidence);
  },
};

async function notFound(ctx: CheckContext, api: RegistryApi, image: ImageReference, reference: string, shown: string, code: string | undefined, evidence: Record<string, string | number | boolean | undefined>): Promise<CheckOutcome<ImageManifestData>> {
  const tags = await listTags(api, image.repository);
  const repoMissing = code === 'NAME_UNKNOWN' || (!tags.ok && (tags.code === 'NAME_UNKNOWN' || tags.status === 404));
  const fixParams: Record<string, string> = { repository: image.repository, image: formatImage(image) };
  if (repoMissing) {
    return {
      status: 'fail', causeId: 'image.repository-not-found', evidence: { ...evidence, repositoryExists: false }, fixParams,
      message: msg('{loginServer} has no repository {repository} (NAME_UNKNOWN): docker says "manifest unknown" or "repository does not exist", and some tools "unauthorized: authentication required". Check the name, or push the image first.', { loginServer: ctx.target.loginServer, repository: image.repository }),
    };
  }
  const what = image.digest ? `the digest ${image.digest}` : image.tag ? `the tag ${image.tag}` : 'the tag latest';
  if (!tags.ok) {
    return {
      status: 'fail', causeId: 'image.tag-not-found', evidence: { ...evidence, tagsListed: false }, fixParams,
      message: msg('{repository} exists, but {what} does not (MANIFEST_UNKNOWN); its tags could not be listed with this identity ({status}).', { repository: image.repository, what, status: tags.status }),
    };
  }
  const near = image.digest ? [] : nearestTags(tags.tags, reference, 5);
  if (near.length) fixParams.nearestTag = near[0]!;
  const list = near.length ? near.join(', ') : msg('(none)');
  const ev = { ...evidence, tags: tags.tags.length, nearestTags: near.length ? near : undefined };
  if (!tags.tags.length) {
    return { status: 'fail', causeId: 'image.tag-not-found', evidence: ev, fixParams, message: msg('{repository} exists but holds no tagged image: {what} does not exist (MANIFEST_UNKNOWN).', { repository: image.repository, what }) };
  }
  if (!image.tag && !image.digest) {
    return {
      status: 'fail', causeId: 'image.tag-not-found', evidence: { ...ev, implicitLatest: true }, fixParams,
      message: msg('There is no :latest in {repository}: without a tag docker pulls :latest, and this repository has none (manifest unknown). Name a tag; the nearest: {list}.', { repository: image.repository, list }),
    };
  }
  return {
    status: 'fail', causeId: 'image.tag-not-found', evidence: ev, fixParams,
    message: image.digest ? msg('{repository} exists, but {what} does not (MANIFEST_UNKNOWN): the image was deleted or the digest belongs to another repository.', { repository: image.repository, what }) : msg('{repository} exists, but {what} does not (MANIFEST_UNKNOWN). The nearest existing tags: {list}.', { repository: image.repository, what, list }),
  };
}
