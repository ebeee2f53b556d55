// Every login check, in report order. The engine's registration point lists these.
import type { Check } from '../../engine/types';
import { dockerCliCheck } from './docker-cli';
import { dockerClientVersionCheck } from './docker-client';
import { podmanCliCheck, registriesConfCheck, containersConfCheck } from './podman';
import { containerdCliCheck, containerdDaemonCheck, containerdHostsCheck } from './containerd';
import { dockerConfigCheck } from './docker-config';
import { dockerDaemonCheck, dockerVersionCheck } from './docker-daemon';
import { dockerPullCheck } from './docker-pull';
import { nameCheck } from './name';
import { registryCheck } from './registry';
import { storedCredentialCheck } from './stored-credential';
import { anonymousCheck } from './anonymous-check';
import { aadLoginCheck } from './aad-login';
import { explicitLoginCheck } from './explicit-login';
import { authzAadCheck, authzDockerCheck, authzExplicitCheck } from './authz';
import { aksCheck } from './aks';
import { managedIdentityCheck } from './managed-identity';
import { expiryCheck } from './expiry';
import { loginEventsCheck } from './login-events';

export const LOGIN_CHECKS: readonly Check[] = [
  dockerCliCheck, dockerConfigCheck, dockerDaemonCheck, dockerVersionCheck, dockerClientVersionCheck,
  podmanCliCheck, registriesConfCheck, containersConfCheck, containerdCliCheck, containerdDaemonCheck, containerdHostsCheck,
  nameCheck, registryCheck,
  storedCredentialCheck, anonymousCheck, aadLoginCheck, explicitLoginCheck,
  authzAadCheck, authzExplicitCheck, authzDockerCheck, aksCheck, managedIdentityCheck, expiryCheck, loginEventsCheck,
  dockerPullCheck,
];

export { LOGIN, NET_CHALLENGE } from './check-ids';
