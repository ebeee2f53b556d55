// Throw-away certificates made with the openssl CLI: the sandbox CA (trusted by the client and by
// dockerd via certs.d), a leaf for every sandbox name, a second "interception" CA that nobody
// trusts (TLS interception / unknown CA), and a self-signed RSA cert that signs registry JWTs.
// Independent certificates are made in parallel (startup time).
import { execFile } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface KeyPair { keyPem: string; certPem: string; keyFile: string; certFile: string }

export interface Pki {
  dir: string;
  ca: KeyPair;
  leaf: KeyPair;               // every sandbox name, signed by the sandbox CA
  interceptCa: KeyPair;
  interceptLeaf: KeyPair;      // same names, signed by the interception CA
  tokenSigner: KeyPair;        // RSA, self-signed, the registry's rootcertbundle
  tokenSignerDerB64: string;   // x5c value
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

function read(dir: string, base: string): KeyPair {
  const keyFile = path.join(dir, `${base}.key`);
  const certFile = path.join(dir, `${base}.crt`);
  return { keyFile, certFile, keyPem: fs.readFileSync(keyFile, 'utf8'), certPem: fs.readFileSync(certFile, 'utf8') };
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function makeCa(dir: string, base: string, cn: string): Promise<KeyPair> {
  await openssl(['req', '-x509', ...EC, '-keyout', `${base}.key`, '-out', `${base}.crt`, '-days', '30', '-subj', `/CN=${cn}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  return read(dir, base);
}

async function makeLeaf(dir: string, base: string, ca: string, names: string[]): Promise<KeyPair> {
  // OpenSSL 3: `req -x509 -CA` signs the new certificate with the CA directly (no CSR step).
  await openssl(['req', '-x509', ...EC, '-keyout', `${base}.key`, '-out', `${base}.crt`, '-days', '30', '-subj', `/CN=${names[0]}`,
    '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`,
    '-addext', `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}`, '-addext', 'extendedKeyUsage=serverAuth',
    '-addext', 'basicConstraints=critical,CA:FALSE'], dir);
  return read(dir, base);
}

export async function createPki(dir: string, names: string[]): Promise<Pki> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tokenP = openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'token.key', '-out', 'token.crt',
    '-days', '30', '-subj', '/CN=acr-sandbox-token-signer'], dir);
  const [ca, interceptCa] = await Promise.all([makeCa(dir, 'ca', 'ACR Doctor sandbox CA'), makeCa(dir, 'intercept-ca', 'Corporate TLS Inspection CA')]);
  const [leaf, interceptLeaf] = await Promise.all([makeLeaf(dir, 'leaf', 'ca', names), makeLeaf(dir, 'intercept-leaf', 'intercept-ca', names), tokenP]);
  const tokenSigner = read(dir, 'token');
  const der = new crypto.X509Certificate(tokenSigner.certPem).raw;
  return { dir, ca, leaf, interceptCa, interceptLeaf, tokenSigner, tokenSignerDerB64: der.toString('base64') };
}
