// Imported first by main.ts: dns.lookup (which honours /etc/hosts, like Docker) runs on libuv's
// thread pool, 4 threads by default, shared with fs and crypto work of the other checks. A
// diagnosis resolves several names at once; a larger pool keeps lookups from queueing.
// Must run before anything uses the pool (it is created on first use).
process.env.UV_THREADPOOL_SIZE ||= '16';
export {};
