// The login checks' ids, typed with the data each one hands its dependants, and the network check
// they wait for (written here so the login checks need nothing from the network folder).
import { checkKey } from '../../engine/types';
import type { DaemonSession } from '../../docker/daemon';
import type { DockerConfig } from '../../docker/config';
import type { ClientVersion } from '../../docker/client-version';
import type { ChallengeData } from '../challenge-data';
import type { AadLoginData } from './aad-login';
import type { ExplicitLoginData } from './explicit-login';
import type { RegistryFacts } from './registry-facts';
import type { StoredCredentialData } from './stored-credential';

/** The network check whose passing means the /v2/ challenge works (token flows wait for it). */
export const NET_CHALLENGE = checkKey<ChallengeData>('net.challenge');

export const LOGIN = {
  dockerCli: checkKey<string>('login.docker.cli'),
  dockerConfig: checkKey<DockerConfig>('login.docker.config'),
  dockerDaemon: checkKey<DaemonSession>('login.docker.daemon'),
  dockerVersion: checkKey('login.docker.version'),
  dockerClientVersion: checkKey<ClientVersion>('login.docker.client-version'),
  podmanCli: checkKey<string>('login.podman.cli'),
  registriesConf: checkKey('login.podman.registries-conf'),
  containersConf: checkKey('login.podman.containers-conf'),
  containerdCli: checkKey<string>('login.containerd.cli'),
  containerdDaemon: checkKey('login.containerd.daemon'),
  containerdHosts: checkKey('login.containerd.hosts'),
  storedCredential: checkKey<StoredCredentialData>('login.docker.stored-credential'),
  dockerPull: checkKey('login.docker.pull'),
  name: checkKey('login.name'),
  registry: checkKey<RegistryFacts>('login.registry'),
  aad: checkKey<AadLoginData>('login.credentials.aad'),
  explicit: checkKey<ExplicitLoginData>('login.credentials.explicit'),
  anonymous: checkKey('login.credentials.anonymous'),
  authzAad: checkKey('login.authz.aad'),
  authzExplicit: checkKey('login.authz.explicit'),
  authzDocker: checkKey('login.authz.docker'),
  managedIdentity: checkKey('login.authz.managed-identity'),
  aks: checkKey('login.authz.aks'),
  expiry: checkKey('login.expiry'),
  loginEvents: checkKey('login.advanced.login-events'),
};
