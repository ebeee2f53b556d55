// Throw-away certificates made with the openssl CLI: the sandbox CA (trusted by the client and by
// dockerd via certs.d), a leaf for every sandbox name, a second "interception" CA that nobody
// trusts (TLS interception / unknown CA), and a self-signed RSA cert that signs registry JWTs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

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

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function read(dir: string, base: string): KeyPair {
  const keyFile = path.join(dir, `${base}.key`);
  const certFile = path.join(dir, `${base}.crt`);
  return { keyFile, certFile, keyPem: fs.readFileSync(keyFile, 'utf8'), certPem: fs.readFileSync(certFile, 'utf8') };
}

function makeCa(dir: string, base: string, cn: string): KeyPair {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', `${base}.key`, '-out', `${base}.crt`, '-days', '30', '-subj', `/CN=${cn}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  return read(dir, base);
}

function makeLeaf(dir: string, base: string, ca: string, names: string[]): KeyPair {
  const ext = path.join(dir, `${base}.ext`);
  fs.writeFileSync(ext, `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${names[0]}`], dir);
  openssl(['x509', '-req', '-in', `${base}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial',
    '-out', `${base}.crt`, '-days', '30', '-extfile', ext], dir);
  return read(dir, base);
}

export function createPki(dir: string, names: string[]): Pki {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = makeCa(dir, 'ca', 'ACR Doctor sandbox CA');
  const leaf = makeLeaf(dir, 'leaf', 'ca', names);
  const interceptCa = makeCa(dir, 'intercept-ca', 'Corporate TLS Inspection CA');
  const interceptLeaf = makeLeaf(dir, 'intercept-leaf', 'intercept-ca', names);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'token.key', '-out', 'token.crt',
    '-days', '30', '-subj', '/CN=acr-sandbox-token-signer'], dir);
  const tokenSigner = read(dir, 'token');
  const der = execFileSync('openssl', ['x509', '-in', 'token.crt', '-outform', 'DER'], { cwd: dir });
  return { dir, ca, leaf, interceptCa, interceptLeaf, tokenSigner, tokenSignerDerB64: der.toString('base64') };
}
