// Extra CA certificates for Azure calls made from the extension host. VS Code's network layer
// (http.proxySupport) replaces Node's trust store with the system certificates, so the
// certificates in NODE_EXTRA_CA_CERTS (a corporate TLS proxy, the sandbox's CA) are lost unless
// they are handed to the Azure clients explicitly. Only used when that variable is set.
import * as fs from 'node:fs';

export function extraCaPemFromEnvironment(env: Record<string, string | undefined> = process.env): string[] | undefined {
  const file = env.NODE_EXTRA_CA_CERTS?.trim();
  if (!file) return undefined;
  try {
    const pem = fs.readFileSync(file, 'utf8');
    return pem.includes('-----BEGIN CERTIFICATE-----') ? [pem] : undefined;
  } catch {
    return undefined;
  }
}
