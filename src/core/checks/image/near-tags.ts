// The existing tags nearest to one that is missing: same prefix first ("1.4" → "1.4.1"), then the
// smallest edit distance ("v2" → "v1"), then the newest-looking (higher numbers). Hand-written:
// a ranking of a few hundred short strings needs no library.
import { editDistance } from '../../text/edit-distance';


function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Up to `max` tags of `tags` nearest to `wanted` (case-insensitive), nearest first. */
export function nearestTags(tags: readonly string[], wanted: string, max = 5): string[] {
  const w = wanted.toLowerCase();
  return [...new Set(tags)].slice(0, 5000)
    .map((t) => ({ t, d: editDistance(t.toLowerCase().slice(0, 128), w.slice(0, 128)), p: sharedPrefix(t.toLowerCase(), w) }))
    .sort((a, b) => (b.p >= 2 || a.p >= 2 ? b.p - a.p : 0) || a.d - b.d || b.t.localeCompare(a.t, 'en', { numeric: true }))
    .slice(0, max).map((x) => x.t);
}
