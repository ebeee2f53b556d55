// Cloud facts for the sign-in, from core's list of clouds (src/core/azure/clouds.ts).
import { CLOUDS, cloudByName, cloudForArmEndpoint, type CloudOptions } from '../../core/azure/clouds';
import type { CloudSuffix } from '../../core/registry/target';

/** Login-server suffix for a cloud named as ms-rest-azure-env / VS Code name it. */
export function registrySuffixForCloud(cloudName: string | undefined): CloudSuffix {
  return (cloudByName(cloudName) ?? CLOUDS.AzureCloud).acrSuffix;
}

export function registrySuffixForArmEndpoint(armEndpoint: string): CloudSuffix {
  return cloudForArmEndpoint(armEndpoint).acrSuffix;
}

/** ARM token scope for an ARM endpoint (a custom host gets its own audience unless the user opted in). */
export function armScopeFor(armEndpoint: string, opts: CloudOptions = {}): string {
  return cloudForArmEndpoint(armEndpoint, opts).armScope;
}
