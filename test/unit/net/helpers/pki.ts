// A throw-away CA and server certificates for unit tests (openssl, in a temp dir).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  caPem: string;
  /** Leaf for `names` signed by the CA. */
  cert: string;
  key: string;
  /** A second CA ("Evil Proxy Inc") and a leaf it signed for the same names. */
  otherCaPem: string;
  otherCert: string;
  otherKey: string;
  cleanup(): void;
}

function ossl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function makeCa(dir: string, prefix: string, org: string): void {
  ossl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${prefix}-ca.key`, '-out', `${prefix}-ca.pem`,
    '-days', '2', '-subj', `/O=${org}/CN=${org} Root`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
}

function makeLeaf(dir: string, prefix: string, names: string[]): void {
  writeFileSync(join(dir, `${prefix}.ext`), `subjectAltName=${names.map((n) => (/^\d+\.\d+\.\d+\.\d+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')}\n`);
  ossl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${prefix}.key`, '-out', `${prefix}.csr`, '-subj', `/CN=${names[0]}`]);
  ossl(dir, ['x509', '-req', '-in', `${prefix}.csr`, '-CA', `${prefix}-ca.pem`, '-CAkey', `${prefix}-ca.key`, '-CAcreateserial',
    '-out', `${prefix}.pem`, '-days', '2', '-extfile', `${prefix}.ext`]);
}

export function makePki(names: string[]): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'acrdoc-pki-'));
  makeCa(dir, 'good', 'ACR Doctor Test CA');
  makeLeaf(dir, 'good', names);
  makeCa(dir, 'evil', 'Evil Proxy Inc');
  makeLeaf(dir, 'evil', names);
  const r = (f: string) => readFileSync(join(dir, f), 'utf8');
  return {
    caPem: r('good-ca.pem'), cert: r('good.pem'), key: r('good.key'),
    otherCaPem: r('evil-ca.pem'), otherCert: r('evil.pem'), otherKey: r('evil.key'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
