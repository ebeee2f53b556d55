// Writes a tiny image straight into a docker-registry's filesystem storage (the distribution 2.8
// layout), so registries start with content: no docker push at startup.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const sha = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');

/** A one-file ustar archive. */
function tarOf(name: string, content: Buffer): Buffer {
  const h = Buffer.alloc(512, 0);
  h.write(name, 0, 100, 'utf8');
  h.write('0000755\0', 100); h.write('0000000\0', 108); h.write('0000000\0', 116);
  h.write(content.length.toString(8).padStart(11, '0') + '\0', 124);
  h.write(Math.floor(Date.UTC(2026, 0, 1) / 1000).toString(8).padStart(11, '0') + '\0', 136);
  h.write('        ', 148); h.write('0', 156); h.write('ustar\0', 257); h.write('00', 263);
  let sum = 0; for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  const pad = Buffer.alloc((512 - (content.length % 512)) % 512, 0);
  return Buffer.concat([h, content, pad, Buffer.alloc(1024, 0)]);
}

export interface SeededImage { manifestDigest: string; layerDigest: string; configDigest: string }

export function seedImage(rootDir: string, repo: string, tag: string, text: string): SeededImage {
  const base = path.join(rootDir, 'docker', 'registry', 'v2');
  const putBlob = (data: Buffer): string => {
    const hex = sha(data);
    const dir = path.join(base, 'blobs', 'sha256', hex.slice(0, 2), hex);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'data'), data);
    return hex;
  };
  const link = (rel: string, hex: string) => {
    const p = path.join(base, 'repositories', repo, rel, 'link');
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, `sha256:${hex}`);
  };
  const tar = tarOf('hello.txt', Buffer.from(text));
  const gz = zlib.gzipSync(tar);
  const layer = putBlob(gz);
  const config = Buffer.from(JSON.stringify({
    architecture: 'amd64', os: 'linux', created: '2026-01-01T00:00:00Z',
    config: { Cmd: ['/hello.txt'] }, rootfs: { type: 'layers', diff_ids: [`sha256:${sha(tar)}`] },
    history: [{ created: '2026-01-01T00:00:00Z', created_by: 'acr-doctor sandbox seed' }],
  }));
  const cfg = putBlob(config);
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: `sha256:${cfg}` },
    layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: gz.length, digest: `sha256:${layer}` }],
  }, null, 3));
  const man = putBlob(manifest);
  link(path.join('_layers', 'sha256', layer), layer);
  link(path.join('_layers', 'sha256', cfg), cfg);
  link(path.join('_manifests', 'revisions', 'sha256', man), man);
  link(path.join('_manifests', 'tags', tag, 'current'), man);
  link(path.join('_manifests', 'tags', tag, 'index', 'sha256', man), man);
  return { manifestDigest: `sha256:${man}`, layerDigest: `sha256:${layer}`, configDigest: `sha256:${cfg}` };
}
