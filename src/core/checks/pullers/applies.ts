// The pullers area runs when asked: --pulled-by, or --identity service:<name> naming one puller.
import type { DiagnoseEnvironment } from '../../engine/environment';

export function pullersWanted(env: Pick<DiagnoseEnvironment, 'azure' | 'pulledBy' | 'identity'>): boolean {
  return !!env.azure && (!!env.pulledBy || env.identity?.kind === 'service');
}

/** The puller the run is about (--identity service:<name>), if one is named. */
export function namedPuller(env: Pick<DiagnoseEnvironment, 'identity'>): string | undefined {
  return env.identity?.kind === 'service' ? env.identity.name : undefined;
}
