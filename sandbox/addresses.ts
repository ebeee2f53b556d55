// Every name and address the sandbox serves. Only 192.0.2.0/24 (TEST-NET-1, RFC 5737) on the
// namespace's own `lo`: never 127.x (dockerd treats it as an insecure registry and falls back to
// plain HTTP, masking every fault) and never private ranges (the engine must not be able to
// confuse a sandbox "private endpoint" with a real RFC 1918 address).
// ACR_SANDBOX_NETNS lets two worlds run side by side (e.g. a developer's and a test run's).
export const NETNS = process.env.ACR_SANDBOX_NETNS || 'acrsbx';

export const IP = {
  client: '192.0.2.1',          // source address of every client connection (see netns.ts)
  management: '192.0.2.10',     // ARM simulator
  login: '192.0.2.11',          // Entra ID simulator
  contoso: '192.0.2.20',        // contoso.azurecr.io (public endpoint)
  contosoDataWeu: '192.0.2.21', // contoso.westeurope.data.azurecr.io
  contosoDataNeu: '192.0.2.22', // contoso.northeurope.data.azurecr.io (geo replica)
  contosoPe: '192.0.2.23',      // contoso's private endpoint NIC (login server)
  contosoPeDataWeu: '192.0.2.24', // private endpoint NIC IP for the westeurope data endpoint
  contosoPeDataNeu: '192.0.2.25',
  fabrikam: '192.0.2.30',       // fabrikam.azurecr.io (second registry, for `mixed`)
  fabrikamDataWeu: '192.0.2.31',
  refused: '192.0.2.40',        // address on lo without a listener
  blackHole: '192.0.2.41',      // accepts TCP, never answers
  dropped: '192.0.2.42',        // nft drops everything sent to it
  tinyproxy: '192.0.2.50',      // real tinyproxy on :8888
  brokenProxy: '192.0.2.51',    // closes the connection after CONNECT, on :8888
  mcr: '192.0.2.60',            // mcr.microsoft.com: anonymous registry with mcr/hello-world (check-health pulls it)
} as const;

export const PROXY_PORT = 8888;

export const NAMES = {
  contoso: 'contoso.azurecr.io',
  contosoDataWeu: 'contoso.westeurope.data.azurecr.io',
  contosoDataNeu: 'contoso.northeurope.data.azurecr.io',
  fabrikam: 'fabrikam.azurecr.io',
  fabrikamDataWeu: 'fabrikam.westeurope.data.azurecr.io',
  management: 'management.sandbox.test',
  login: 'login.sandbox.test',
  tinyproxy: 'proxy.sandbox.test',
  brokenProxy: 'broken-proxy.sandbox.test',
  mcr: 'mcr.microsoft.com',
  // MSAL (az CLI) asks login.microsoftonline.com for instance discovery even for another authority;
  // inside the namespace that name is the Entra simulator.
  msal: 'login.microsoftonline.com',
  // Log Analytics query API (ContainerRegistryLoginEvents), served by the ARM simulator's handler.
  logs: 'api.loganalytics.io',
} as const;

/** The default name -> address map (healthy DNS). Scenarios override entries. */
export function defaultHosts(): Record<string, string> {
  return {
    [NAMES.contoso]: IP.contoso,
    [NAMES.contosoDataWeu]: IP.contosoDataWeu,
    [NAMES.contosoDataNeu]: IP.contosoDataNeu,
    [NAMES.fabrikam]: IP.fabrikam,
    [NAMES.fabrikamDataWeu]: IP.fabrikamDataWeu,
    [NAMES.management]: IP.management,
    [NAMES.login]: IP.login,
    [NAMES.tinyproxy]: IP.tinyproxy,
    [NAMES.brokenProxy]: IP.brokenProxy,
    [NAMES.mcr]: IP.mcr,
    [NAMES.msal]: IP.login,
    [NAMES.logs]: IP.management,
  };
}

/** Every address put on the namespace's lo. */
export function allAddresses(): string[] {
  return [...new Set(Object.values(IP))];
}

/** Names the TLS leaf certificate covers. */
export function tlsNames(): string[] {
  return Object.values(NAMES).filter((n) => !n.includes('proxy'));
}
