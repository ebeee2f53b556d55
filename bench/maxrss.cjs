// Preloaded into a measured node process (-r): at exit, its peak resident set size and what the
// resident set consists of then (a diagnosis's resident set is at its peak when it ends: it only
// grows in a run this short): V8's spaces, memory outside V8's heap, and the kernel's split into
// file pages (the node binary's code and data touched) and anonymous ones (heaps, stacks).
const v8 = require('node:v8');
const fs = require('node:fs');

process.on('exit', () => {
  const mu = process.memoryUsage();
  const spaces = {};
  for (const s of v8.getHeapSpaceStatistics()) spaces[s.space_name.replace(/_space$/, '')] = s.physical_space_size;
  let status = '';
  try { status = fs.readFileSync('/proc/self/status', 'utf8'); } catch { /* not Linux */ }
  const kb = (k) => { const m = new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status); return m ? Number(m[1]) * 1024 : undefined; };
  const memory = { rss: mu.rss, heapTotal: mu.heapTotal, heapUsed: mu.heapUsed, external: mu.external, arrayBuffers: mu.arrayBuffers, spaces, rssFile: kb('RssFile'), rssAnon: kb('RssAnon') };
  process.stderr.write(`\n[maxrss-kb ${process.resourceUsage().maxRSS}]\n[memory ${JSON.stringify(memory)}]\n`);
});
