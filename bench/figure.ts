// One line of the benchmark table. Every module under bench/ returns figures; scripts/bench.mjs
// prints them all, from the same run, in one table (and the README's benchmark section).
export interface Figure {
  /** What was measured, e.g. 'diagnosis, healthy: acr-doctor vs az acr check-health'. */
  figure: string;
  /** The measured value, human-readable (e.g. '1.2 s vs 9.8 s (8.2×)'). */
  value: string;
  /** The goal from the issues, e.g. '≥ 5× faster'. */
  goal?: string;
  met?: boolean;
  /** How it was measured, caveats. */
  note?: string;
}

export const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
export const fmtBytes = (b: number): string => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(0)} KB`);
export const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };

export { repoRoot } from '../test/integration/matrix/fault-matrix';
