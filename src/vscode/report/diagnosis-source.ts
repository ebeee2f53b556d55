// The one place the report reaches the engine. A source runs a diagnosis (or re-runs some
// checks) and reports events as they happen; tests may hand the service another source.
import type { RegistryTarget } from '../../core/registry/target';
import type { DiagnosisReport, EngineEvent } from '../../core/engine/types';
import type { DiagnosisTarget } from './target/diagnosis-target';
import type { HostTrace } from './host-trace';

export interface DiagnosisRequest {
  target: RegistryTarget;
  signal: AbortSignal;
  /** Re-run only these checks (the source adds what they need). */
  onlyChecks?: string[];
  /** The image, operation and identity the header names (default: none, login, the Azure sign-in). */
  subject?: DiagnosisTarget;
  onEvent(event: EngineEvent): void;
  /** Where the host's own phases are recorded (the bench reads them). */
  trace?: HostTrace;
}

export interface DiagnosisSource {
  run(request: DiagnosisRequest): Promise<DiagnosisReport>;
  /** A short, secret-free label of who the diagnosis runs as (header "Signed in as"). */
  identity(): Promise<string | undefined>;
}
