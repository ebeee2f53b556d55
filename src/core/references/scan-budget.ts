// Bounds on a workspace scan, which runs in the extension host on every open or edited file: a
// hostile or generated file (20 000 nested lines, one 900 KB line) must not freeze it. Scanners do
// linear work per line (or per YAML token); this caps what they return and stops them when time is up.
import type { RegistryReference } from './types';

export interface ScanLimits {
  /** References kept per file (the problems view has nothing useful to say about more). */
  maxFindings: number;
  /** Matches looked at per line (one `az acr login` per command is the normal case). */
  maxMatchesPerLine: number;
  /** Time for one file, checked in the scanners' loops. */
  budgetMs: number;
  /** The clock (tests pass their own). */
  now?: () => number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxFindings: 500, maxMatchesPerLine: 8, budgetMs: 200 };

/** The clock is read every this many lines or tokens: often enough for a 1 MB file, rarely enough to cost nothing. */
const STEPS_PER_CLOCK_READ = 256;

export class ScanBudget {
  readonly refs: RegistryReference[] = [];
  /** Why the scan stopped early, if it did. */
  stopped?: 'findings' | 'time';
  readonly limits: ScanLimits;
  private readonly start: number;
  private readonly now: () => number;
  private steps = 0;

  constructor(limits: Partial<ScanLimits> = {}) {
    this.limits = { ...DEFAULT_SCAN_LIMITS, ...limits };
    this.now = this.limits.now ?? (() => performance.now());
    this.start = this.now();
  }

  /**
   * Keeps a reference; false once the cap is reached (the scan should stop). A scan stopped by
   * time still keeps what it finds in the part it read (a YAML tree is searched after reading).
   */
  add(ref: RegistryReference): boolean {
    if (this.stopped === 'findings') return false;
    this.refs.push(ref);
    if (this.refs.length >= this.limits.maxFindings) this.stopped = 'findings';
    return !this.stopped;
  }

  /** Called once per line: false when the scan must stop (cap reached or time up). */
  nextLine(): boolean {
    return this.tick();
  }

  /**
   * Called once per unit of work (a line, a YAML token): false when the scan must stop. `share`
   * stops it after that part of the time budget, for work that still has a step to do afterwards.
   */
  tick(share = 1): boolean {
    if (this.stopped) return false;
    if (++this.steps % STEPS_PER_CLOCK_READ === 0 && this.now() > this.start + this.limits.budgetMs * share) this.stopped = 'time';
    return !this.stopped;
  }
}
