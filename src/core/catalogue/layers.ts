// Layers order causes from the most fundamental to the most specific; the engine ranks a
// lower layer first (a broken proxy explains a failed token exchange, never the reverse).
// Login and network catalogues both use these bands.
export const LAYER = {
  /** Docker CLI / daemon / config on this machine. */
  tooling: 0,
  /** How the registry was named. */
  name: 10,
  /** This machine's path to the registry: proxy, DNS, TCP, TLS. */
  clientPath: 20,
  /** The registry's own network rules (public access, IP rules, private endpoints). */
  registryNetwork: 30,
  /** The registry's endpoints once reached (challenge, throttling, data endpoints). */
  registryEndpoints: 40,
  credentials: 50,
  authorization: 60,
  expiry: 70,
  /** Pull test and other end-to-end symptoms. */
  endToEnd: 80,
  advanced: 90,
} as const;
