// Pushes a multi-platform image (an OCI index of per-platform manifests) into a real
// docker-registry through the distribution API — blob uploads, manifest PUTs — with a token the
// sandbox signs, as `docker buildx build --platform … --push` would. The image-platform scenario
// names it: none of its platforms is the daemon's.
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import type { Signer } from '../jwt';
import { signJwt } from '../jwt';

export interface IndexPlatform { os: string; architecture: string; variant?: string }

const sha = (b: Buffer) => `sha256:${crypto.createHash('sha256').update(b).digest('hex')}`;

function send(port: number, loginServer: string, token: string, method: string, path: string, body?: Buffer, contentType?: string): Promise<{ status: number; location?: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, method, path,
      headers: { host: loginServer, authorization: `Bearer ${token}`, 'content-length': String(body?.length ?? 0), ...(contentType ? { 'content-type': contentType } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function pushIndex(o: { port: number; loginServer: string; signer: Signer; repository: string; tag: string; platforms: IndexPlatform[] }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token = signJwt(o.signer, { jti: crypto.randomUUID(), sub: 'sandbox-seed', iss: o.loginServer, aud: o.loginServer, nbf: now - 5, iat: now, exp: now + 300, access: [{ type: 'repository', name: o.repository, actions: ['pull', 'push'] }] });
  const putBlob = async (data: Buffer): Promise<string> => {
    const digest = sha(data);
    const start = await send(o.port, o.loginServer, token, 'POST', `/v2/${o.repository}/blobs/uploads/`);
    if (start.status !== 202 || !start.location) throw new Error(`seeding ${o.repository}: upload not started (${start.status} ${start.text})`);
    const loc = new URL(start.location, `https://${o.loginServer}`);
    loc.searchParams.set('digest', digest);
    const put = await send(o.port, o.loginServer, token, 'PUT', `${loc.pathname}${loc.search}`, data, 'application/octet-stream');
    if (put.status !== 201) throw new Error(`seeding ${o.repository}: blob not stored (${put.status} ${put.text})`);
    return digest;
  };
  const putManifest = async (ref: string, body: Buffer, type: string): Promise<void> => {
    const r = await send(o.port, o.loginServer, token, 'PUT', `/v2/${o.repository}/manifests/${ref}`, body, type);
    if (r.status !== 201) throw new Error(`seeding ${o.repository}: manifest ${ref} refused (${r.status} ${r.text})`);
  };
  const entries = [];
  for (const p of o.platforms) {
    const layer = zlib.gzipSync(Buffer.from(`${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}\n`));
    const config = Buffer.from(JSON.stringify({ architecture: p.architecture, os: p.os, ...(p.variant ? { variant: p.variant } : {}), rootfs: { type: 'layers', diff_ids: [sha(zlib.gunzipSync(layer))] }, config: {} }));
    const [layerDigest, configDigest] = [await putBlob(layer), await putBlob(config)];
    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: layer.length }],
    }));
    const digest = sha(manifest);
    await putManifest(digest, manifest, 'application/vnd.oci.image.manifest.v1+json');
    entries.push({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: manifest.length, platform: p });
  }
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: entries }));
  await putManifest(o.tag, index, 'application/vnd.oci.image.index.v1+json');
  return sha(index);
}
