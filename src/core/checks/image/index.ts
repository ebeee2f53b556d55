// Every check about the named image (repository, tag or digest, platform, push), in report order.
import type { Check } from '../../engine/types';
import { imageManifestCheck } from './manifest';
import { imagePushCheck } from './push';

export const IMAGE_CHECKS: readonly Check[] = [imageManifestCheck, imagePushCheck];
export { IMAGE } from './ids';
