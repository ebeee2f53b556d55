// Check ids of the image area (they report in the login section of the report).
import { checkKey } from '../../engine/types';
import type { ImageManifestData } from './manifest';
export const IMAGE = {
  manifest: checkKey<ImageManifestData>('image.manifest'),
  platform: checkKey('image.platform'),
  push: checkKey('image.push'),
};
