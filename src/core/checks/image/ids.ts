// Check ids of the image area (they report in the login section of the report).
export const IMAGE = {
  manifest: 'image.manifest',
  platform: 'image.platform',
  push: 'image.push',
} as const;
