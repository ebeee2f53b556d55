// Fuzz harness shared by `npm test` (few inputs per parser) and `npm run bench` (FUZZ_RUNS, e.g.
// 10 000). A target is a parser of outside input plus what must hold for every input: it returns
// or throws only its documented error type with a clear message, and it answers in bounded time.
import fc from 'fast-check';

/** Inputs per parser: FUZZ_RUNS when set (the bench), else a few hundred (npm test). */
export function fuzzRuns(): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : 200;
}

/** One input must be handled within this (generous: a regex gone quadratic takes seconds). */
/** Plus 1 ms per 1000 characters of input (see runTarget). */
export const MAX_MS_PER_INPUT = Number(process.env.FUZZ_MAX_MS ?? 250);

export interface FuzzTarget<T = unknown> {
  /** What is fuzzed, e.g. 'Www-Authenticate header'. */
  name: string;
  /** Where the parser lives (for the report). */
  parser: string;
  arbitrary: fc.Arbitrary<T>;
  /** Call the parser and assert the invariants; throw (assert) on a violation. */
  check(input: T): void | Promise<void>;
}

export interface FuzzStats {
  name: string;
  parser: string;
  runs: number;
  totalMs: number;
  maxMs: number;
  /** fast-check's failure report, when a property failed. */
  failure?: string;
}

/** Is `err` the documented error, with a message that names the problem? */
export function expectTypedError(err: unknown, type: abstract new (...a: never[]) => Error, what: string): void {
  // By name too: under tsx's ESM loader (the bench) a class can exist twice, breaking instanceof.
  if (!(err instanceof type) && !(err instanceof Error && err.name === type.name)) {
    throw new Error(`${what} threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)} instead of ${type.name}`);
  }
  if (!err.message || err.message.length < 10) throw new Error(`${what} threw ${type.name} without a clear message: "${err.message}"`);
}

/** Runs the target for `runs` inputs, timing each; resolves stats (failure set instead of throwing). */
export async function runTarget<T>(target: FuzzTarget<T>, runs = fuzzRuns(), seed?: number): Promise<FuzzStats> {
  let maxMs = 0;
  let slowest = '';
  const t0 = performance.now();
  const property = fc.asyncProperty(target.arbitrary, async (input) => {
    let ms = await timed(() => target.check(input));
    // Linear work on a big input (a 700 KB JSON body) is allowed its size; quadratic is not.
    const limit = MAX_MS_PER_INPUT + sizeOf(input) / 1000;
    // A slow input is timed again (GC pauses and a busy machine are not the parser's fault):
    // only an input that is slow every time fails.
    for (let retry = 0; retry < 2 && ms > limit; retry++) ms = Math.min(ms, await timed(() => target.check(input)));
    if (ms > maxMs) { maxMs = ms; slowest = preview(input); }
    if (ms > limit) throw new Error(`took ${ms.toFixed(0)} ms (> ${limit.toFixed(0)} ms) for one input, three times: a hang in the making`);
  });
  const details = await fc.check(property, { numRuns: runs, seed, endOnFailure: false });
  const stats: FuzzStats = { name: target.name, parser: target.parser, runs: details.numRuns, totalMs: performance.now() - t0, maxMs };
  // Counterexamples can be 60 KB strings: keep the report readable.
  if (details.failed) stats.failure = (fc.defaultReportMessage(details) ?? 'failed').replace(/(.{1500}).+?(Shrunk|Hint|$)/s, '$1…\n$2');
  void slowest;
  return stats;
}

/** Characters (or bytes) in an input, roughly: the size a linear parser's time may grow with. */
function sizeOf(x: unknown): number {
  if (typeof x === 'string') return x.length;
  if (Buffer.isBuffer(x)) return x.length;
  try { return JSON.stringify(x)?.length ?? 0; } catch { return 0; }
}

async function timed(f: () => void | Promise<void>): Promise<number> {
  const s = performance.now();
  await f();
  return performance.now() - s;
}

function preview(x: unknown): string {
  try { return JSON.stringify(x)?.slice(0, 200) ?? String(x); } catch { return String(x).slice(0, 200); }
}

// ------------------------------------------------------------------ shared arbitraries

/** Text a hostile or broken peer might send: unicode, control characters, quotes, long runs. */
export const hostileText = (maxLength = 400): fc.Arbitrary<string> => fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength, unit: 'binary' }) },
  { weight: 2, arbitrary: fc.string({ maxLength, unit: fc.constantFrom('"', '\\', ',', '=', ' ', '\t', '\n', '\r', ':', '/', '.', '<', '>', '&', "'", '{', '}', '[', ']', 'a', 'Z', '0', '\u0000', '\u2028', '\ufeff', 'é') }) },
  // Long repetitions: what makes a backtracking regex quadratic or exponential.
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), fc.integer({ min: 100, max: 5000 })).map(([s, n]) => (s || 'a').repeat(n).slice(0, 60_000)) },
);

/** A JSON-ish value whose leaves are hostile too. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3, withNullPrototype: false, withBigInt: false, withMap: true, withSet: true, withDate: true, withTypedArray: false, withSparseArray: false }),
);

/** Replace random slices of a valid text with garbage (keeps most structure: reaches deeper code). */
export function mutated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(valid, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6, unit: 'binary' })), { maxLength: 4 }))
    .map(([text, edits]) => {
      let t = text;
      for (const [at, del, ins] of edits) {
        const i = t.length ? at % t.length : 0;
        t = t.slice(0, i) + ins + t.slice(i + del);
      }
      return t;
    });
}

/**
 * What an SDK call or a socket can throw: Errors with odd messages/codes/statuses, strings,
 * nothing. (Not arbitrary objects with a `toString` key: nothing real throws those.)
 */
export const thrownValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(hostileText(200), fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.integer()), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }), fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }))
    .map(([m, code, status, details]) => Object.assign(new Error(m), { code, statusCode: status, details })),
  hostileText(200),
  fc.constantFrom(undefined, null, 0, 42, true),
  fc.jsonValue({ maxDepth: 3 }).filter((j) => !(j && typeof j === 'object' && ('toString' in j || 'valueOf' in j) && Object.prototype.hasOwnProperty.call(j, 'toString') || (j && typeof j === 'object' && Object.prototype.hasOwnProperty.call(j, 'valueOf')))),
);
