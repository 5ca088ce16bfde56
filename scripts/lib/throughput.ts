/**
 * Throughput of one URL on a running server, for the benchmarks: autocannon
 * holds `connections` requests open for `seconds` and counts what comes back.
 * Only the local machine is ever measured.
 */
import autocannon from 'autocannon';

export type Throughput = {
  /** mean requests answered per second */
  rps: number;
  /** latency percentiles in milliseconds */
  p50: number;
  p99: number;
  /** connection errors, timeouts and answers outside 2xx */
  errors: number;
  requests: number;
};

export async function throughput(
  url: string,
  { connections, seconds, headers = {} }: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<Throughput> {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1' && hostname !== 'localhost') throw new Error(`throughput measures local servers only, not ${hostname}`);
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}
