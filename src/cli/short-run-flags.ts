// V8 settings for a CLI run, which lasts well under a second: set by the launcher before the bundle
// is compiled (the code cache is only taken under the flags it was made with). Measured on a
// healthy diagnosis (bench/memory.ts): together a seventh of the peak resident set, CPU unchanged.
// - The young generation keeps its first size instead of doubling while modules are evaluated:
//   V8 grows it to 8 MB (both halves resident) for garbage that dies anyway; a few more
//   scavenges of 1 MB cost less than a millisecond each.
// - No optimising (TurboFan) or baseline (Sparkplug) compilation: in a run this short the machine
//   code they make is barely used, while their compilers' code and working memory stay resident.
// Not for `acr-doctor mcp`, a server that runs diagnoses for as long as its client keeps it.
import { setFlagsFromString } from 'node:v8';

export const SHORT_RUN_V8_FLAGS = ['--semi-space-growth-factor=1', '--no-turbofan', '--no-sparkplug'];

/** Sets SHORT_RUN_V8_FLAGS unless `command` is a long-running one (mcp). */
export function useShortRunFlags(command: string | undefined): boolean {
  if (command === 'mcp') return false;
  for (const flag of SHORT_RUN_V8_FLAGS) setFlagsFromString(flag);
  return true;
}
