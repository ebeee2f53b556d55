// What net.challenge publishes and the login and image checks read: outside both folders, so
// login and network checks need not import each other for it.

export interface ChallengeData {
  realm: string;
  service?: string;
  /** The client IP the registry's firewall reported (403 only). */
  clientIp?: string;
}
