// Does the image have the Docker daemon's platform? A tag that is an index (manifest list) is
// pulled only if one entry matches the daemon's os/architecture/variant (from /info); otherwise
// docker says "no matching manifest for linux/amd64 in the manifest list entries". The platforms
// the image does have are named, for a --platform pull or a rebuild.
import type { Check, CheckOutcome } from '../../engine/types';
import { settledData, sharedWork } from '../../engine/context';
import { daemonInfo, daemonInfoKey } from '../../docker/daemon';
import { formatPlatform, platformFromInfo, platformMatches } from '../../docker/platform';
import { formatImage } from '../../registry/image-reference';
import { LOGIN } from '../login/check-ids';
import { IMAGE } from './ids';
import { msg } from '../../text/message';

export const imagePlatformCheck: Check = {
  id: IMAGE.platform,
  area: 'login',
  title: 'The image has the Docker daemon\'s platform',
  needs: [IMAGE.manifest],
  awaits: [LOGIN.dockerDaemon],
  timeoutMs: 4000,
  applies: (_t, env) => !!env.image && env.operation !== 'push',
  async run(ctx): Promise<CheckOutcome> {
    const m = ctx.data(IMAGE.manifest)!;
    const shown = `${ctx.target.loginServer}/${formatImage(m.image)}`;
    const entries = m.manifest.entries;
    if (!entries) return { status: 'pass', evidence: { image: shown }, message: msg('{shown} is a single-platform image: docker pulls it on any platform.', { shown }) };
    const session = await settledData(ctx, LOGIN.dockerDaemon);
    const platforms = entries.map((e) => formatPlatform(e.platform));
    const evidence = { image: shown, platforms: platforms.join(', ') };
    if (!session) return { status: 'info', evidence, message: msg('{shown} has the platforms {platforms}; the Docker daemon\'s own could not be read.', { shown, platforms: platforms.join(', ') }) };
    let daemon;
    try {
      daemon = platformFromInfo(await sharedWork(ctx, daemonInfoKey(ctx.env.dockerHost, ctx.env.dockerConfigDir), (signal) => daemonInfo(session, signal)));
    } catch { daemon = undefined; }
    if (!daemon) return { status: 'info', evidence, message: msg('{shown} has the platforms {platforms}; the Docker daemon\'s own could not be read.', { shown, platforms: platforms.join(', ') }) };
    const mine = formatPlatform(daemon);
    const ev = { ...evidence, daemonPlatform: mine };
    if (entries.some((e) => platformMatches(daemon, e.platform))) {
      return { status: 'pass', evidence: ev, message: msg('{shown} has an entry for the daemon\'s platform {mine} (of {platforms}).', { shown, mine, platforms: platforms.join(', ') }) };
    }
    const usable = entries.find((e) => e.platform.os && e.platform.architecture && e.platform.os !== 'unknown');
    return {
      status: 'fail', causeId: 'image.platform-missing', evidence: ev,
      fixParams: { daemonPlatform: mine, image: formatImage(m.image), ...(usable ? { imagePlatform: formatPlatform(usable.platform) } : {}) },
      message: msg('{shown} has no entry for the Docker daemon\'s platform {mine}: it has {platforms}. docker pull says "no matching manifest for {mine} in the manifest list entries".', { shown, mine, platforms: platforms.join(', ') }),
    };
  },
};
