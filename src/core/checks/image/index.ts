// Every check about the named image (repository, tag or digest, platform, push), in report order.
import type { Check } from '../../engine/types';
import { imageManifestCheck } from './manifest';
import { imagePushCheck } from './push';
import { imagePlatformCheck } from './platform';

export const IMAGE_CHECKS: readonly Check[] = [imageManifestCheck, imagePlatformCheck, imagePushCheck];
export { IMAGE } from './ids';
