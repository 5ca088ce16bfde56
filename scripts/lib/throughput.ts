/**
 * Throughput of one URL on a running server, for the benchmarks: autocannon
 * holds `connections` requests open for `seconds` and counts what comes back.
 * `loadMix` does the same over a mix of requests (the load test). Only the
 * local machine is ever measured.
 */
import autocannon from 'autocannon';

export type Throughput = {
  /** mean requests answered per second */
  rps: number;
  /** latency percentiles in milliseconds */
  p50: number;
  p99: number;
  /** connection errors, timeouts, answers outside 2xx and (in a mix) answers refused */
  errors: number;
  requests: number;
};

function localOnly(url: string) {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1' && hostname !== 'localhost') throw new Error(`throughput measures local servers only, not ${hostname}`);
}

const summary = (result: autocannon.Result, refused = 0): Throughput => ({
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  // autocannon's errors include its timeouts.
  errors: result.errors + result.non2xx + refused,
  requests: result.requests.total,
});

export async function throughput(
  url: string,
  { connections, seconds, headers = {} }: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<Throughput> {
  localOnly(url);
  return summary(await autocannon({ url, connections, duration: seconds, headers }));
}

/** What one connection keeps between a request and its answer (a connection sends one request at a time). */
export type MixContext = Record<string, unknown>;

/**
 * One request of a mix: its body is made afresh for each send, and `accept`
 * judges each 2xx answer (one it refuses counts as an error).
 */
export type MixRequest = {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: (context: MixContext) => string;
  accept?: (status: number, body: string, context: MixContext) => boolean;
};

/** Every connection sends the mix's requests in turn, again and again, for `seconds`; `failures` counts what failed by request and status. */
export async function loadMix(
  baseUrl: string,
  { connections, seconds, mix, timeoutSeconds = 10 }: { connections: number; seconds: number; mix: MixRequest[]; timeoutSeconds?: number },
): Promise<Throughput & { failures: Record<string, number> }> {
  localOnly(baseUrl);
  let refused = 0;
  const failures: Record<string, number> = {};
  const fail = (key: string) => (failures[key] = (failures[key] ?? 0) + 1);
  const requests: autocannon.Request[] = mix.map((r) => ({
    method: r.method ?? 'GET',
    path: r.path,
    headers: r.headers,
    ...(r.body && { setupRequest: (request: autocannon.Request, context: object) => ({ ...request, body: r.body!(context as MixContext) }) }),
    onResponse: (status: number, body: string, context: object) => {
      const name = `${r.method ?? 'GET'} ${r.path}`;
      if (status < 200 || status >= 300) fail(`${name} ${status}`);
      else if (r.accept && !r.accept(status, body, context as MixContext)) {
        refused += 1;
        fail(`${name} refused`);
      }
    },
  }));
  const result = await autocannon({ url: baseUrl, connections, duration: seconds, timeout: timeoutSeconds, requests });
  return { ...summary(result, refused), failures };
}
