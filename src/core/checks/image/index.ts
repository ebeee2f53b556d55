// Every check about the named image (repository, tag or digest, platform, push), in report order.
import type { Check } from '../../engine/types';
import { imageManifestCheck } from './manifest';

export const IMAGE_CHECKS: readonly Check[] = [imageManifestCheck];
export { IMAGE } from './ids';
