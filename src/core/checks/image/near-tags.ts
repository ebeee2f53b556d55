// The existing tags nearest to one that is missing: same prefix first ("1.4" → "1.4.1"), then the
// smallest edit distance ("v2" → "v1"), then the newest-looking (higher numbers). Hand-written:
// a ranking of a few hundred short strings needs no library.

function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Up to `max` tags of `tags` nearest to `wanted` (case-insensitive), nearest first. */
export function nearestTags(tags: readonly string[], wanted: string, max = 5): string[] {
  const w = wanted.toLowerCase();
  return [...new Set(tags)].slice(0, 5000)
    .map((t) => ({ t, d: distance(t.toLowerCase().slice(0, 128), w.slice(0, 128)), p: sharedPrefix(t.toLowerCase(), w) }))
    .sort((a, b) => (b.p >= 2 || a.p >= 2 ? b.p - a.p : 0) || a.d - b.d || b.t.localeCompare(a.t, 'en', { numeric: true }))
    .slice(0, max).map((x) => x.t);
}
