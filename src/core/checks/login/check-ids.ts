// The login checks' ids, and the network check they wait for (written here so the login checks
// need nothing from the network folder).

/** The network check whose passing means the /v2/ challenge works (token flows wait for it). */
export const NET_CHALLENGE = 'net.challenge';

export const LOGIN = {
  dockerCli: 'login.docker.cli',
  dockerConfig: 'login.docker.config',
  dockerDaemon: 'login.docker.daemon',
  dockerVersion: 'login.docker.version',
  storedCredential: 'login.docker.stored-credential',
  dockerPull: 'login.docker.pull',
  name: 'login.name',
  registry: 'login.registry',
  aad: 'login.credentials.aad',
  explicit: 'login.credentials.explicit',
  authzAad: 'login.authz.aad',
  authzExplicit: 'login.authz.explicit',
  authzDocker: 'login.authz.docker',
  managedIdentity: 'login.authz.managed-identity',
  aks: 'login.authz.aks',
  expiry: 'login.expiry',
  loginEvents: 'login.advanced.login-events',
} as const;
