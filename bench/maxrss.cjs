// Preloaded into a measured node process (-r): report its peak resident set size at exit.
process.on('exit', () => { process.stderr.write(`\n[maxrss-kb ${process.resourceUsage().maxRSS}]\n`); });
